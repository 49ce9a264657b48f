package dev.seatbooking.readmodel.projection;

import dev.seatbooking.contracts.Envelope;
import dev.seatbooking.contracts.codec.MessageCodec;
import dev.seatbooking.contracts.registration.OrderEvent.OrderExpired;
import dev.seatbooking.readmodel.ReadModelProperties;
import dev.seatbooking.readmodel.support.EventPublisher;
import dev.seatbooking.readmodel.support.ProjectionTest;
import dev.seatbooking.readmodel.support.Stream;
import dev.seatbooking.testinfra.TestKafka;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import static dev.seatbooking.readmodel.support.Samples.orderPlaced;
import static dev.seatbooking.readmodel.support.Samples.seats;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** A runner on topics of its own: a failing batch stalls the projection, is retried, and nothing is lost or doubled. */
class ProjectionRunnerTest extends ProjectionTest {

    final String topic = TestKafka.uniqueTopic("runner.registration");
    final ReadModelProperties.Topics topics = new ReadModelProperties.Topics(
            TestKafka.uniqueTopic("runner.conference"), topic, TestKafka.uniqueTopic("runner.payments"));

    /** Counts the events it applies into a table; fails while {@code failures} is above zero. */
    static final class Counting implements Projection {
        final AtomicInteger failures = new AtomicInteger();

        public ProjectionDescriptor descriptor() {
            return new ProjectionDescriptor("counting", 1, Set.of(StreamType.ORDER), StreamType.ORDER);
        }
        public List<String> ddl() {
            return List.of("CREATE TABLE {g}.applied (message_id uuid PRIMARY KEY, order_id uuid NOT NULL)");
        }
        public void apply(Envelope event, Tables tables) {
            tables.update("INSERT INTO {g}.applied VALUES (?, ?)", event.messageId(), event.aggregateId());
            if (failures.getAndUpdate(n -> Math.max(0, n - 1)) > 0) throw new IllegalStateException("database hiccup");
        }
    }

    @Test
    void a_failing_batch_is_retried_from_the_committed_offsets_and_applied_exactly_once() {
        Counting projection = new Counting();
        var harness = harness(projection);
        var settings = new ReadModelProperties.Consumer(50, Duration.ofMillis(100), Duration.ofMillis(100),
                Duration.ofSeconds(10));
        var runner = new ProjectionRunner(projection, harness.tables(), applier, TestKafka.bootstrapServers(), topics,
                settings, TestKafka.uniqueTopic("runner.group"), BatchHooks.NONE, RunnerListener.NONE);
        runner.start();
        try {
            List<Envelope> events = new java.util.ArrayList<>();
            for (int i = 0; i < 30; i++) {
                Stream order = Stream.random();
                events.add(order.next(orderPlaced(order.id(), UUID.randomUUID(), seats(UUID.randomUUID(), 1))));
                events.add(order.next(new OrderExpired(order.id())));
            }
            publish(events.subList(0, 20));
            await().atMost(Duration.ofSeconds(30)).until(() -> applied(harness) == 20);

            projection.failures.set(3);
            publish(events.subList(20, 60));
            // Every planned failure happened (each one shown by failure() only until the retry succeeds, too briefly
            // to be polled for on a busy machine) ...
            await().atMost(Duration.ofSeconds(30)).until(() -> projection.failures.get() == 0);
            // ... and the rows of the failed batches were rolled back and applied again exactly once.
            await().atMost(Duration.ofSeconds(30)).until(() -> applied(harness) == 60);

            assertThat(runner.failure()).isNull();
            assertThat(runner.eventsApplied()).isEqualTo(60);
            await().atMost(Duration.ofSeconds(5)).until(() -> runner.lag() == 0);
        } finally {
            runner.stop();
        }
        assertThat(runner.isRunning()).isFalse();
    }

    private long applied(dev.seatbooking.readmodel.support.ProjectionHarness harness) {
        return harness.tables().query("SELECT count(*) FROM {g}.applied", (r, n) -> r.getLong(1)).getFirst();
    }

    private void publish(List<Envelope> events) {
        MessageCodec codec = MessageCodec.contracts();
        for (Envelope event : events) EventPublisher.shared().publishRaw(EventPublisher.record(topic, event, codec));
    }
}

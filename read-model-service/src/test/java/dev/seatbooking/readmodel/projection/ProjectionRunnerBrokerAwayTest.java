package dev.seatbooking.readmodel.projection;

import dev.seatbooking.contracts.Envelope;
import dev.seatbooking.contracts.codec.MessageCodec;
import dev.seatbooking.contracts.registration.OrderEvent.OrderExpired;
import dev.seatbooking.eventsourcing.messaging.KafkaProducers;
import dev.seatbooking.readmodel.ReadModelProperties;
import dev.seatbooking.readmodel.projection.ProjectionRunnerTest.Counting;
import dev.seatbooking.readmodel.support.EventPublisher;
import dev.seatbooking.readmodel.support.ProjectionHarness;
import dev.seatbooking.readmodel.support.ProjectionTest;
import dev.seatbooking.readmodel.support.Stream;
import dev.seatbooking.testinfra.RestartableKafka;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import static dev.seatbooking.readmodel.support.Samples.orderPlaced;
import static dev.seatbooking.readmodel.support.Samples.seats;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The broker going away is not a projection's failure: the runner keeps polling (nothing comes) and takes up the
 * records as soon as the broker is back, instead of backing off as from a failing batch (up to 30 s, which the fault
 * suite's broker outage used to wait out after the broker's return). Its lag comes from what the consumer fetched,
 * asking the broker nothing more.
 */
class ProjectionRunnerBrokerAwayTest extends ProjectionTest {

    final String topic = "runner.registration";
    final ReadModelProperties.Topics topics = new ReadModelProperties.Topics("runner.conference", topic,
            "runner.payments");

    @Test
    void a_broker_away_stalls_the_projection_without_failing_it_and_its_records_are_applied_once_it_is_back()
            throws Exception {
        Counting projection = new Counting();
        ProjectionHarness harness = harness(projection);
        var settings = new ReadModelProperties.Consumer(50, Duration.ofMillis(100), Duration.ofMillis(200),
                Duration.ofSeconds(10));
        try (RestartableKafka kafka = RestartableKafka.start()) {
            createTopic(kafka.bootstrapServers());
            var runner = new ProjectionRunner(projection, harness.tables(), applier, kafka.bootstrapServers(), topics,
                    settings, "runner.broker-away", BatchHooks.NONE, RunnerListener.NONE);
            runner.start();
            try (KafkaProducer<String, byte[]> producer = KafkaProducers.idempotent(kafka.bootstrapServers(),
                    "broker-away-test")) {
                List<Envelope> events = events(20);
                publish(producer, events.subList(0, 20));
                await().atMost(Duration.ofSeconds(60)).until(() -> applied(harness) == 20 && runner.lag() == 0);

                kafka.stop();
                // Long enough for every blocking call with a timeout the runner makes to a broker (5 and 10 s).
                await().during(Duration.ofSeconds(12)).atMost(Duration.ofSeconds(15))
                        .until(() -> runner.failure() == null && runner.isRunning());

                kafka.startAgain();
                publish(producer, events.subList(20, 40));
                await().atMost(Duration.ofSeconds(60)).until(() -> applied(harness) == 40);
                assertThat(runner.failure()).isNull();
                assertThat(runner.eventsApplied()).isEqualTo(40);
                await().atMost(Duration.ofSeconds(10)).until(() -> runner.lag() == 0);
            } finally {
                runner.stop();
            }
        }
    }

    private void createTopic(String bootstrapServers) throws Exception {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers))) {
            admin.createTopics(List.of(new NewTopic(topic, 3, (short) 1))).all().get(30, TimeUnit.SECONDS);
        }
    }

    private static List<Envelope> events(int orders) {
        List<Envelope> events = new ArrayList<>();
        for (int i = 0; i < orders; i++) {
            Stream order = Stream.random();
            events.add(order.next(orderPlaced(order.id(), UUID.randomUUID(), seats(UUID.randomUUID(), 1))));
            events.add(order.next(new OrderExpired(order.id())));
        }
        return events;
    }

    private void publish(KafkaProducer<String, byte[]> producer, List<Envelope> events) throws Exception {
        MessageCodec codec = MessageCodec.contracts();
        var sent = events.stream().map(e -> producer.send(EventPublisher.record(topic, e, codec))).toList();
        for (var future : sent) future.get(60, TimeUnit.SECONDS);
    }

    private long applied(ProjectionHarness harness) {
        return harness.tables().query("SELECT count(*) FROM {g}.applied", (r, n) -> r.getLong(1)).getFirst();
    }
}

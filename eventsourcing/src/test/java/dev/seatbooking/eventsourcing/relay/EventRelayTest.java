package dev.seatbooking.eventsourcing.relay;

import dev.seatbooking.eventsourcing.messaging.KafkaProducers;
import dev.seatbooking.eventsourcing.messaging.MessageHeaders;
import dev.seatbooking.eventsourcing.store.EventMetadata;
import dev.seatbooking.eventsourcing.store.RecordedEvent;
import dev.seatbooking.eventsourcing.store.StoredEvent;
import dev.seatbooking.eventsourcing.support.Counter.CounterEvent.Incremented;
import dev.seatbooking.eventsourcing.support.Counter.CounterEvent.Limited;
import dev.seatbooking.eventsourcing.support.EventStoreDatabase;
import dev.seatbooking.eventsourcing.support.TopicReader;
import dev.seatbooking.testinfra.TestKafka;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.Callback;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.errors.TimeoutException;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class EventRelayTest {

    private static final Duration PUBLISHED = Duration.ofSeconds(30);

    private final String counters = TestKafka.uniqueTopic("relay-counters");
    private final String orders = TestKafka.uniqueTopic("relay-orders");
    private final List<EventRelay> relays = new ArrayList<>();
    private final RelaySettings settings = RelaySettings.defaults("kafka").withStandbyRetry(Duration.ofMillis(100));
    private EventStoreDatabase db;

    @BeforeEach
    void database() {
        db = new EventStoreDatabase("relay", 8);
    }

    @AfterEach
    void close() {
        relays.forEach(EventRelay::close);
        db.close();
    }

    @Test
    void events_appended_while_the_relay_runs_arrive_on_their_context_topic_keyed_by_stream_with_their_headers() {
        SimpleMeterRegistry meters = new SimpleMeterRegistry();
        EventRelay relay = relay(KafkaProducers.idempotent(TestKafka.bootstrapServers(), "relay"),
                TopicRouting.byStreamType(Map.of("Counter", counters, "Order", orders)));
        relay.bindTo(meters);
        await().atMost(PUBLISHED).until(relay::isPublishing);

        UUID counter = UUID.randomUUID();
        UUID order = UUID.randomUUID();
        EventMetadata conversation = EventMetadata.newConversation("alice");
        EventMetadata causedBy = EventMetadata.causedBy(conversation.correlationId(), UUID.randomUUID());
        db.store.append(counter, "Counter", 0, List.of(new Limited(5), new Incremented(2)), conversation);
        db.store.append(order, "Order", 0, List.of(new Incremented(1)), causedBy);
        await().atMost(PUBLISHED).until(() -> relay.lag() == 0);

        List<ConsumerRecord<String, byte[]>> counterRecords = TopicReader.readAll(counters);
        List<RecordedEvent<Object>> counterEvents = db.store.load(counter);
        assertThat(counterRecords).hasSize(2);
        for (int i = 0; i < 2; i++) {
            ConsumerRecord<String, byte[]> record = counterRecords.get(i);
            RecordedEvent<Object> event = counterEvents.get(i);
            assertThat(record.key()).isEqualTo(counter.toString());
            assertThat(header(record, MessageHeaders.MESSAGE_ID)).isEqualTo(event.messageId().toString());
            assertThat(header(record, MessageHeaders.MESSAGE_TYPE)).isEqualTo(event.event().getClass().getSimpleName());
            assertThat(header(record, MessageHeaders.CORRELATION_ID)).isEqualTo(conversation.correlationId().toString());
            assertThat(record.headers().lastHeader(MessageHeaders.CAUSATION_ID)).isNull();
        }
        assertThat(counterRecords).extracting(r -> new String(r.value(), StandardCharsets.UTF_8))
                .containsExactly("Counter/1/Limited", "Counter/2/Incremented");

        List<ConsumerRecord<String, byte[]>> orderRecords = TopicReader.readAll(orders);
        assertThat(orderRecords).singleElement().satisfies(record -> {
            assertThat(record.key()).isEqualTo(order.toString());
            assertThat(header(record, MessageHeaders.MESSAGE_ID)).isEqualTo(db.store.load(order).getFirst().messageId().toString());
            assertThat(header(record, MessageHeaders.MESSAGE_TYPE)).isEqualTo("Incremented");
            assertThat(header(record, MessageHeaders.CORRELATION_ID)).isEqualTo(conversation.correlationId().toString());
            assertThat(header(record, MessageHeaders.CAUSATION_ID)).isEqualTo(causedBy.causationId().toString());
        });

        assertThat(meters.get("eventsourcing.relay.lag").tag("relay", "kafka").gauge().value()).isZero();
        assertThat(meters.get("eventsourcing.relay.publishing").gauge().value()).isEqualTo(1.0);
        relay.close();
        assertThat(meters.getMeters()).isEmpty();
    }

    @Test
    void lag_counts_the_events_not_yet_published() {
        db.store.append(UUID.randomUUID(), "Counter", 0, List.of(new Incremented(1), new Incremented(2)),
                EventMetadata.newConversation("test"));
        EventRelay notStarted = new EventRelay(db.dataSource, db.store, () -> {
            throw new AssertionError("not started");
        }, e -> counters, e -> new byte[0], settings);
        assertThat(notStarted.lag()).isEqualTo(2);
    }

    @Test
    void a_second_relay_on_the_same_database_stands_by_while_the_first_holds_the_lock_and_then_takes_over() {
        EventRelay first = relay(KafkaProducers.idempotent(TestKafka.bootstrapServers(), "relay-first"), e -> counters);
        await().atMost(PUBLISHED).until(first::isPublishing);
        AtomicInteger secondsProducers = new AtomicInteger();
        EventRelay second = relay(() -> {
            secondsProducers.incrementAndGet();
            return KafkaProducers.idempotent(TestKafka.bootstrapServers(), "relay-second");
        }, e -> counters);

        UUID stream = UUID.randomUUID();
        appendIncrements(stream, 0, 5);
        await().atMost(PUBLISHED).until(() -> first.lag() == 0);
        // A relay only makes a producer once it holds the lock: while the first publishes, the second has none.
        await().during(Duration.ofMillis(500)).atMost(Duration.ofSeconds(5))
                .until(() -> !second.isPublishing() && secondsProducers.get() == 0);

        first.close();
        await().atMost(PUBLISHED).until(second::isPublishing);
        appendIncrements(stream, 5, 5);
        await().atMost(PUBLISHED).until(() -> second.lag() == 0);

        List<ConsumerRecord<String, byte[]>> records = TopicReader.readAll(counters);
        // The first relay stopped with everything checkpointed, so the takeover resends nothing.
        assertThat(records).extracting(r -> header(r, MessageHeaders.MESSAGE_ID))
                .containsExactlyElementsOf(db.store.load(stream).stream().map(e -> e.messageId().toString()).toList());
        assertThat(secondsProducers).hasValue(1);
    }

    @Test
    void after_a_failed_send_the_relay_starts_over_from_its_checkpoint_with_a_new_producer() {
        UUID stream = UUID.randomUUID();
        db.store.append(stream, "Counter", 0, Collections.nCopies(30, new Incremented(1)),
                EventMetadata.newConversation("test"));
        AtomicInteger producers = new AtomicInteger();
        EventRelay relay = new EventRelay(db.dataSource, db.store, () -> producers.incrementAndGet() == 1
                ? new FailingAtProducer(13)
                : KafkaProducers.idempotent(TestKafka.bootstrapServers(), "relay-retry"),
                e -> counters, EventRelayTest::encode,
                settings.withBatchSize(10).withRetryBackoff(Duration.ofMillis(50), Duration.ofMillis(50))).start();
        relays.add(relay);
        await().atMost(PUBLISHED).until(() -> relay.lag() == 0);

        // The first producer was handed 1..12 and rejected 13, in the second batch. Of its records, 1..10
        // were acknowledged (the checkpoint), 11 and 12 perhaps; then the relay resent from the checkpoint.
        List<String> ids = db.store.load(stream).stream().map(e -> e.messageId().toString()).toList();
        List<String> published = TopicReader.readAll(counters).stream().map(r -> header(r, MessageHeaders.MESSAGE_ID)).toList();
        int fromFirstProducer = published.size() - 20;
        assertThat(fromFirstProducer).isBetween(10, 12);
        List<String> expected = new ArrayList<>(ids.subList(0, fromFirstProducer));
        expected.addAll(ids.subList(10, 30));
        assertThat(published).containsExactlyElementsOf(expected);
        assertThat(producers).hasValue(2);
    }

    /** A producer whose n-th record fails, as a record does that Kafka never acknowledges. */
    private static final class FailingAtProducer extends KafkaProducer<String, byte[]> {
        private final AtomicInteger sends = new AtomicInteger();
        private final int failing;

        FailingAtProducer(int failing) {
            super(KafkaProducers.idempotentConfig(TestKafka.bootstrapServers(), "relay-failing"),
                    new StringSerializer(), new ByteArraySerializer());
            this.failing = failing;
        }

        @Override
        public Future<RecordMetadata> send(ProducerRecord<String, byte[]> record, Callback callback) {
            if (sends.incrementAndGet() == failing) {
                return CompletableFuture.failedFuture(new TimeoutException("simulated: not acknowledged in time"));
            }
            return super.send(record, callback);
        }
    }

    private void appendIncrements(UUID stream, int expectedVersion, int count) {
        for (int i = 0; i < count; i++) {
            db.store.append(stream, "Counter", expectedVersion + i, List.of(new Incremented(1)),
                    EventMetadata.newConversation("test"));
        }
    }

    private EventRelay relay(Producer<String, byte[]> producer, Function<StoredEvent, String> topics) {
        return relay(() -> producer, topics);
    }

    private EventRelay relay(Supplier<Producer<String, byte[]>> producers,
                             Function<StoredEvent, String> topics) {
        EventRelay relay = new EventRelay(db.dataSource, db.store, producers, topics,
                EventRelayTest::encode, settings).start();
        relays.add(relay);
        return relay;
    }

    private static byte[] encode(StoredEvent event) {
        return (event.streamType() + "/" + event.version() + "/" + event.eventType()).getBytes(StandardCharsets.UTF_8);
    }

    private static String header(ConsumerRecord<String, byte[]> record, String name) {
        return MessageHeaders.text(record.headers(), name).orElse(null);
    }
}

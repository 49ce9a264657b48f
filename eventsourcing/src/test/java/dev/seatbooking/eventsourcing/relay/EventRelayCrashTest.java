package dev.seatbooking.eventsourcing.relay;

import dev.seatbooking.eventsourcing.messaging.KafkaProducers;
import dev.seatbooking.eventsourcing.messaging.MessageHeaders;
import dev.seatbooking.eventsourcing.store.EventMetadata;
import dev.seatbooking.eventsourcing.store.Position;
import dev.seatbooking.eventsourcing.support.Counter.CounterEvent.Incremented;
import dev.seatbooking.eventsourcing.support.EventStoreDatabase;
import dev.seatbooking.eventsourcing.support.TopicReader;
import dev.seatbooking.testinfra.TestKafka;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.Callback;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.errors.InterruptException;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A relay killed in the middle of a batch loses nothing: the next relay on the same database sends again
 * exactly what followed the checkpoint, and nothing before it.
 */
class EventRelayCrashTest {

    private static final int STREAMS = 50;
    private static final int VERSIONS = 200;
    private static final int EVENTS = STREAMS * VERSIONS;
    private static final int BATCH = 250;
    // The 4,321st send never returns: the relay is stuck in a batch whose first 70 records are in Kafka
    // but not checkpointed, 43 % of the way through.
    private static final int STUCK_AT_SEND = 4_321;

    private static EventStoreDatabase db;
    private static final String topic = TestKafka.uniqueTopic("relay-crash");
    private static final RelaySettings settings = RelaySettings.defaults("kafka").withBatchSize(BATCH);

    @BeforeAll
    static void appendEvents() {
        db = new EventStoreDatabase("relay_crash", 6);
        List<UUID> streams = IntStream.range(0, STREAMS).mapToObj(i -> UUID.randomUUID()).toList();
        // Round by round, so that streams interleave in commit order.
        for (int round = 0; round < VERSIONS / 10; round++) {
            for (UUID stream : streams) {
                db.store.append(stream, "Counter", round * 10, Collections.nCopies(10, new Incremented(1)),
                        EventMetadata.newConversation("test"));
            }
        }
    }

    @AfterAll
    static void close() {
        db.close();
    }

    @Test
    void a_relay_killed_midway_loses_nothing_and_its_successor_resends_only_what_followed_the_checkpoint() {
        AtomicInteger sends = new AtomicInteger();
        EventRelay first = relay(() -> new StuckAfterProducer(sends, STUCK_AT_SEND)).start();
        await().atMost(Duration.ofSeconds(60)).until(() -> sends.get() >= STUCK_AT_SEND);
        // Let the records sent before the stuck one reach Kafka: they lie after the checkpoint.
        await().atMost(Duration.ofSeconds(30)).until(() -> TopicReader.recordCount(topic) == STUCK_AT_SEND - 1);
        first.close();

        Map<Integer, Long> endsAtKill = TopicReader.endOffsets(topic);
        long inKafkaAtKill = endsAtKill.values().stream().mapToLong(Long::longValue).sum();
        Position checkpointAtKill = checkpoint();
        long checkpointed = eventsUpTo(checkpointAtKill);
        assertThat(inKafkaAtKill).isStrictlyBetween(0L, (long) EVENTS);
        assertThat(checkpointed).as("killed in the middle of a batch").isLessThan(inKafkaAtKill);

        try (EventRelay second = relay(() -> KafkaProducers.idempotent(TestKafka.bootstrapServers(), "relay-2")).start()) {
            await().atMost(Duration.ofSeconds(60)).until(() -> second.lag() == 0);
        }

        List<ConsumerRecord<String, byte[]>> records = TopicReader.readAll(topic);
        assertThat(records).hasSize((int) (inKafkaAtKill + EVENTS - checkpointed));
        Map<UUID, StreamVersion> events = eventsByMessageId();
        assertThat(records).extracting(r -> messageId(r)).containsAll(events.keySet());

        // Per stream, in partition order: 1..k sent by the first relay, then exactly c+1..200 sent by the
        // second, where c is the stream's last version at or before the checkpoint, and k >= c. So nothing
        // is skipped, and the only duplicates are the resent versions c+1..k.
        Map<UUID, List<Integer>> beforeKill = new HashMap<>();
        Map<UUID, List<Integer>> afterKill = new HashMap<>();
        for (ConsumerRecord<String, byte[]> record : records) {
            StreamVersion event = events.get(messageId(record));
            assertThat(record.key()).isEqualTo(event.streamId().toString());
            boolean sentByFirst = record.offset() < endsAtKill.get(record.partition());
            (sentByFirst ? beforeKill : afterKill).computeIfAbsent(event.streamId(), s -> new ArrayList<>()).add(event.version());
        }
        Map<UUID, Integer> checkpointedVersions = lastVersionsUpTo(checkpointAtKill);
        for (UUID stream : afterKill.keySet()) {
            List<Integer> sentFirst = beforeKill.getOrDefault(stream, List.of());
            int c = checkpointedVersions.getOrDefault(stream, 0);
            assertThat(sentFirst).as("first relay, stream %s", stream).isEqualTo(range(1, sentFirst.size()));
            assertThat(sentFirst.size()).as("published by the first relay, stream %s", stream).isGreaterThanOrEqualTo(c);
            assertThat(afterKill.get(stream)).as("second relay, stream %s", stream).isEqualTo(range(c + 1, VERSIONS));
        }
        assertThat(beforeKill.keySet()).allMatch(afterKill::containsKey);
        assertThat(afterKill).hasSize(STREAMS);
    }

    private EventRelay relay(Supplier<Producer<String, byte[]>> producers) {
        return new EventRelay(db.dataSource, db.store, producers, event -> topic,
                event -> event.payloadJson().getBytes(StandardCharsets.UTF_8), settings);
    }

    private static List<Integer> range(int from, int to) {
        return IntStream.rangeClosed(from, to).boxed().toList();
    }

    private static UUID messageId(ConsumerRecord<String, byte[]> record) {
        return MessageHeaders.uuid(record.headers(), MessageHeaders.MESSAGE_ID).orElseThrow();
    }

    private Position checkpoint() {
        return db.jdbc.queryForObject("""
                SELECT transaction_id::text::bigint, global_position FROM subscription_checkpoints
                WHERE subscription = ?""", (rs, row) -> new Position(rs.getLong(1), rs.getLong(2)), settings.name());
    }

    private long eventsUpTo(Position position) {
        return db.jdbc.queryForObject("""
                SELECT count(*) FROM events WHERE (transaction_id, global_position) <= (?::text::xid8, ?)""",
                Long.class, position.transactionId(), position.globalPosition());
    }

    private Map<UUID, Integer> lastVersionsUpTo(Position position) {
        Map<UUID, Integer> versions = new HashMap<>();
        db.jdbc.query("""
                SELECT stream_id, max(version) FROM events
                WHERE (transaction_id, global_position) <= (?::text::xid8, ?) GROUP BY stream_id""",
                rs -> { versions.put(rs.getObject(1, UUID.class), rs.getInt(2)); }, position.transactionId(), position.globalPosition());
        return versions;
    }

    private record StreamVersion(UUID streamId, int version) {
    }

    private Map<UUID, StreamVersion> eventsByMessageId() {
        Map<UUID, StreamVersion> events = new HashMap<>();
        db.jdbc.query("SELECT message_id, stream_id, version FROM events", rs -> {
            events.put(rs.getObject(1, UUID.class), new StreamVersion(rs.getObject(2, UUID.class), rs.getInt(3)));
        });
        return events;
    }

    /** An idempotent producer whose n-th send hangs until the relay's thread is interrupted: a crash mid-batch. */
    private static final class StuckAfterProducer extends KafkaProducer<String, byte[]> {
        private final AtomicInteger sends;
        private final int stuckAt;

        StuckAfterProducer(AtomicInteger sends, int stuckAt) {
            super(KafkaProducers.idempotentConfig(TestKafka.bootstrapServers(), "relay-1"),
                    new StringSerializer(), new ByteArraySerializer());
            this.sends = sends;
            this.stuckAt = stuckAt;
        }

        @Override
        public Future<RecordMetadata> send(ProducerRecord<String, byte[]> record, Callback callback) {
            if (sends.incrementAndGet() >= stuckAt) {
                try {
                    new CountDownLatch(1).await();
                } catch (InterruptedException e) {
                    throw new InterruptException(e);
                }
            }
            return super.send(record, callback);
        }
    }
}

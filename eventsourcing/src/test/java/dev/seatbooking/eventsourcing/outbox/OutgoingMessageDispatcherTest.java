package dev.seatbooking.eventsourcing.outbox;

import dev.seatbooking.eventsourcing.outbox.OutgoingMessageDispatcher.Settings;
import dev.seatbooking.eventsourcing.store.ChangeSignal;
import dev.seatbooking.eventsourcing.support.EventStoreDatabase;
import dev.seatbooking.eventsourcing.support.TestProducers;
import dev.seatbooking.eventsourcing.support.TopicFollower;
import dev.seatbooking.testinfra.TestKafka;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.Producer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/**
 * The dispatcher against a real PostgreSQL and a real Kafka broker. Dispatchers here poll only every 30 s,
 * so a message that arrives within seconds was sent because of a wake-up or its due time.
 */
class OutgoingMessageDispatcherTest {

    private static final Duration ARRIVAL = Duration.ofSeconds(15);
    private static final Settings SETTINGS = Settings.defaults()
            .withPollTimeout(Duration.ofSeconds(30))
            .withRetryBackoff(Duration.ofMillis(100), Duration.ofSeconds(1));

    private static EventStoreDatabase db;
    private final List<AutoCloseable> closeAfterTest = new ArrayList<>();
    private String topic;
    private TopicFollower reader;

    @BeforeAll
    static void database() {
        db = new EventStoreDatabase("outgoing_dispatcher", 8);
    }

    @AfterAll
    static void closeDatabase() {
        db.close();
    }

    @BeforeEach
    void freshTopicAndTable() {
        db.jdbc.update("TRUNCATE outgoing_messages");
        topic = TestKafka.uniqueTopic("outgoing");
        reader = closing(new TopicFollower(topic));
    }

    @AfterEach
    void closeAll() throws Exception {
        for (AutoCloseable c : closeAfterTest.reversed()) c.close();
    }

    @Test
    void a_message_due_now_goes_out_right_after_commit_with_its_key_value_and_headers() {
        OutgoingMessages outgoing = new OutgoingMessages(db.dataSource);
        OutgoingMessageDispatcher dispatcher = closing(dispatcher(outgoing.enqueued(), "now")).start();
        // It has looked once and found nothing: now only the wake-up (not its 30 s poll) can send in time.
        await().atMost(ARRIVAL).until(() -> dispatcher.completedRounds() >= 1);
        UUID id = UUID.randomUUID();

        db.transactions.executeWithoutResult(tx -> outgoing.enqueue(
                OutgoingMessage.sendNow(id, topic, "order-1", bytes("MakeSeatReservation"), Map.of("correlation-id", "c-1"))));

        ConsumerRecord<String, byte[]> record = awaitRecords(1).getFirst();
        assertThat(record.key()).isEqualTo("order-1");
        assertThat(new String(record.value(), StandardCharsets.UTF_8)).isEqualTo("MakeSeatReservation");
        assertThat(TopicFollower.messageId(record)).isEqualTo(id);
        assertThat(TopicFollower.header(record, "correlation-id")).isEqualTo("c-1");
        await().atMost(ARRIVAL).until(() -> unsent() == 0);
        assertThat(db.jdbc.queryForObject("SELECT attempts FROM outgoing_messages WHERE message_id = ?", Integer.class, id))
                .isEqualTo(1);
    }

    @Test
    void a_scheduled_message_is_not_sent_before_it_is_due_and_is_sent_when_due() {
        OutgoingMessages outgoing = new OutgoingMessages(db.dataSource);
        closing(dispatcher(outgoing.enqueued(), "scheduled")).start();
        // Whole milliseconds: the record timestamp (ms) can be compared with the due time without rounding.
        Instant due = Instant.now().plusMillis(1500).truncatedTo(ChronoUnit.MILLIS);
        UUID id = UUID.randomUUID();

        outgoing.enqueue(OutgoingMessage.scheduled(id, topic, "order-1", bytes("ExpireRegistrationProcess"), Map.of(), due));

        ConsumerRecord<String, byte[]> record = awaitRecords(1).getFirst();
        assertThat(TopicFollower.messageId(record)).isEqualTo(id);
        assertThat(Instant.ofEpochMilli(record.timestamp())).as("sent (record created) at or after its due time")
                .isAfterOrEqualTo(due);
        await().atMost(ARRIVAL).until(() -> unsent() == 0);
        assertThat(db.jdbc.queryForObject("SELECT sent_at FROM outgoing_messages WHERE message_id = ?", Timestamp.class, id)
                .toInstant()).isAfterOrEqualTo(due);
    }

    @Test
    void two_dispatchers_on_one_database_send_each_message_exactly_once() {
        // Both wake on every commit and at the same due times, and claim small batches: they compete for
        // the same rows all along. Nothing is stopped while sending, so no resend is legitimate here.
        ChangeSignal signal = new ChangeSignal();
        OutgoingMessages outgoing = new OutgoingMessages(db.dataSource, signal);
        OutgoingMessageDispatcher first = closing(new OutgoingMessageDispatcher(db.dataSource, signal,
                producers("first"), SETTINGS.withName("first").withBatchSize(5))).start();
        OutgoingMessageDispatcher second = closing(new OutgoingMessageDispatcher(db.dataSource, signal,
                producers("second"), SETTINGS.withName("second").withBatchSize(5))).start();
        int n = 300;
        Instant start = Instant.now().plusMillis(500);
        List<UUID> ids = IntStream.range(0, n).mapToObj(i -> UUID.randomUUID()).toList();
        db.transactions.executeWithoutResult(tx -> {
            for (int i = 0; i < n; i++) {
                // due times spread over a second; a third due at once
                Instant due = i % 3 == 0 ? null : start.plusMillis(i * 3L);
                outgoing.enqueue(new OutgoingMessage(ids.get(i), topic, "key-" + (i % 10), bytes("m" + i), Map.of(), due));
            }
        });

        await().atMost(ARRIVAL).until(() -> unsent() == 0);
        first.close();
        second.close();

        List<UUID> received = reader.readToEnd().stream().map(TopicFollower::messageId).toList();
        assertThat(received).hasSize(n).containsExactlyInAnyOrderElementsOf(ids);
        assertThat(db.jdbc.queryForObject("SELECT count(*) FROM outgoing_messages WHERE attempts <> 1", Integer.class)).isZero();
        assertThat(first.sentCount() + second.sentCount()).isEqualTo(n);
        // Otherwise one dispatcher did all the work, and this test proved nothing about two of them.
        assertThat(first.sentCount()).isPositive();
        assertThat(second.sentCount()).isPositive();
    }

    @Test
    void scheduled_messages_survive_a_restart_of_the_dispatcher() {
        Instant due = Instant.now().plusSeconds(2).truncatedTo(ChronoUnit.MILLIS);
        List<UUID> ids = IntStream.range(0, 5).mapToObj(i -> UUID.randomUUID()).toList();
        {
            OutgoingMessages outgoing = new OutgoingMessages(db.dataSource);
            OutgoingMessageDispatcher beforeRestart = dispatcher(outgoing.enqueued(), "before-restart").start();
            for (UUID id : ids) outgoing.enqueue(OutgoingMessage.scheduled(id, topic, id.toString(), bytes("expire"), Map.of(), due));
            beforeRestart.close();
            assertThat(beforeRestart.sentCount()).isZero();
        }
        assertThat(unsent()).isEqualTo(5);
        // The service is down when they come due.
        await().atMost(ARRIVAL).until(() -> Instant.now().isAfter(due.plusMillis(200)));
        assertThat(reader.poll()).isEmpty();

        OutgoingMessageDispatcher afterRestart = closing(dispatcher(new ChangeSignal(), "after-restart")).start();

        assertThat(awaitRecords(5)).map(TopicFollower::messageId).containsExactlyInAnyOrderElementsOf(ids);
        assertThat(afterRestart.sentCount()).isEqualTo(5);
    }

    @Test
    void cancelled_and_rolled_back_messages_are_never_sent() {
        OutgoingMessages outgoing = new OutgoingMessages(db.dataSource);
        closing(dispatcher(outgoing.enqueued(), "cancel")).start();
        Instant now = Instant.now();
        UUID expiry = UUID.randomUUID();
        UUID rolledBack = UUID.randomUUID();
        UUID marker = UUID.randomUUID();

        outgoing.enqueue(OutgoingMessage.scheduled(expiry, topic, "order-1", bytes("expire"), Map.of(), now.plusMillis(800)));
        assertThat(outgoing.cancel(expiry)).isTrue();
        assertThatThrownBy(() -> db.transactions.executeWithoutResult(tx -> {
            outgoing.enqueue(OutgoingMessage.sendNow(rolledBack, topic, "order-1", bytes("reject"), Map.of()));
            throw new IllegalStateException("handler failed");
        })).isInstanceOf(IllegalStateException.class);
        // Same key, so same partition, and due after both: had either been sent, it would come first.
        outgoing.enqueue(OutgoingMessage.scheduled(marker, topic, "order-1", bytes("marker"), Map.of(), now.plusMillis(1000)));

        awaitRecords(1);
        assertThat(reader.readToEnd()).map(TopicFollower::messageId).containsExactly(marker);
    }

    @Test
    void while_the_broker_is_unreachable_messages_keep_their_place_and_go_out_in_order_once_it_is_back() {
        OutgoingMessages outgoing = new OutgoingMessages(db.dataSource);
        OutgoingMessage first = OutgoingMessage.sendNow(UUID.randomUUID(), topic, "order-1", bytes("MakeSeatReservation 1"), Map.of());
        OutgoingMessage second = OutgoingMessage.sendNow(UUID.randomUUID(), topic, "order-1", bytes("MakeSeatReservation 2"), Map.of());
        OutgoingMessageDispatcher failing = closing(new OutgoingMessageDispatcher(db.dataSource, outgoing.enqueued(),
                TestProducers.toUnreachableBroker(), SETTINGS.withName("unreachable"))).start();

        db.transactions.executeWithoutResult(tx -> {
            outgoing.enqueue(first);
            outgoing.enqueue(second);
        });

        await().atMost(ARRIVAL).until(() -> attempts(first.messageId()) >= 2);
        failing.close();
        Map<String, Object> row = db.jdbc.queryForMap(
                "SELECT sent_at, last_error, due_at = created_at AS kept_its_place FROM outgoing_messages WHERE message_id = ?",
                first.messageId());
        assertThat(row.get("sent_at")).isNull();
        assertThat((String) row.get("last_error")).contains("TimeoutException");
        assertThat(row.get("kept_its_place")).isEqualTo(true);
        assertThat(attempts(second.messageId())).as("not tried while the one before it fails").isZero();
        assertThat(failing.sentCount()).isZero();

        closing(dispatcher(new ChangeSignal(), "reachable")).start();

        awaitRecords(2);
        assertThat(reader.readToEnd()).map(TopicFollower::messageId).containsExactly(first.messageId(), second.messageId());
        assertThat(unsent()).isZero();
    }

    @Test
    void a_message_that_fails_by_itself_steps_aside_and_does_not_block_the_others() {
        OutgoingMessages outgoing = new OutgoingMessages(db.dataSource);
        OutgoingMessageDispatcher dispatcher = closing(dispatcher(outgoing.enqueued(), "too-large")).start();
        UUID tooLarge = UUID.randomUUID();
        UUID next = UUID.randomUUID();

        db.transactions.executeWithoutResult(tx -> {
            // Over the producer's max.request.size (1 MiB): Kafka will never take it.
            outgoing.enqueue(OutgoingMessage.sendNow(tooLarge, topic, "order-1", new byte[2 * 1024 * 1024], Map.of()));
            outgoing.enqueue(OutgoingMessage.sendNow(next, topic, "order-1", bytes("next"), Map.of()));
        });

        assertThat(awaitRecords(1)).map(TopicFollower::messageId).containsExactly(next);
        Map<String, Object> row = db.jdbc.queryForMap(
                "SELECT sent_at, attempts, last_error, due_at > created_at AS stepped_aside FROM outgoing_messages WHERE message_id = ?",
                tooLarge);
        assertThat(row.get("sent_at")).isNull();
        assertThat((Integer) row.get("attempts")).isPositive();
        assertThat((String) row.get("last_error")).contains("RecordTooLargeException");
        assertThat(row.get("stepped_aside")).isEqualTo(true);
        assertThat(dispatcher.failedSendCount()).isPositive();
    }

    @Test
    void sent_rows_are_deleted_only_after_the_retention() {
        OutgoingMessageDispatcher dispatcher = dispatcher(new ChangeSignal(), "retention"); // never started
        UUID old = insertRow("now() - interval '8 days'", "now() - interval '8 days'");
        UUID recent = insertRow("now() - interval '1 hour'", "now() - interval '1 hour'");
        UUID unsentOld = insertRow("now() - interval '8 days'", null);

        assertThat(dispatcher.deleteSentRows()).isEqualTo(1);

        assertThat(db.jdbc.queryForList("SELECT message_id FROM outgoing_messages", UUID.class))
                .containsExactlyInAnyOrder(recent, unsentOld).doesNotContain(old);
    }

    private OutgoingMessageDispatcher dispatcher(ChangeSignal signal, String name) {
        return new OutgoingMessageDispatcher(db.dataSource, signal, producers(name), SETTINGS.withName(name));
    }

    private static Supplier<Producer<String, byte[]>> producers(String name) {
        return TestProducers.toTestBroker("test-" + name);
    }

    private List<ConsumerRecord<String, byte[]>> awaitRecords(int count) {
        return await().pollInSameThread().atMost(ARRIVAL).until(reader::poll, records -> records.size() >= count);
    }

    private UUID insertRow(String dueAt, String sentAt) {
        UUID id = UUID.randomUUID();
        db.jdbc.update("INSERT INTO outgoing_messages (message_id, topic, payload, due_at, sent_at) VALUES (?, ?, ?, "
                + dueAt + ", " + sentAt + ")", id, topic, bytes("x"));
        return id;
    }

    private int unsent() {
        return db.jdbc.queryForObject("SELECT count(*) FROM outgoing_messages WHERE sent_at IS NULL", Integer.class);
    }

    private int attempts(UUID id) {
        return db.jdbc.queryForObject("SELECT attempts FROM outgoing_messages WHERE message_id = ?", Integer.class, id);
    }

    private <T extends AutoCloseable> T closing(T closeable) {
        closeAfterTest.add(closeable);
        return closeable;
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}

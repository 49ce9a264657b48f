package dev.seatbooking.eventsourcing.outbox;

import dev.seatbooking.eventsourcing.support.EventStoreDatabase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The outgoing-message table as callers see it: enqueue, cancel, transactions, wake-ups. No Kafka needed. */
class OutgoingMessagesTest {

    private static EventStoreDatabase db;
    private OutgoingMessages outgoing;

    @BeforeAll
    static void database() {
        db = new EventStoreDatabase("outgoing_messages", 4);
    }

    @AfterAll
    static void close() {
        db.close();
    }

    @BeforeEach
    void fresh() {
        db.jdbc.update("TRUNCATE outgoing_messages");
        outgoing = new OutgoingMessages(db.dataSource);
    }

    @Test
    void enqueuing_the_same_message_id_again_keeps_the_first() {
        UUID id = UUID.randomUUID();
        Instant due = Instant.now().plusSeconds(60).truncatedTo(ChronoUnit.MICROS);

        assertThat(outgoing.enqueue(OutgoingMessage.scheduled(id, "orders", "k1", bytes("first"), Map.of("h", "1"), due))).isTrue();
        assertThat(outgoing.enqueue(OutgoingMessage.sendNow(id, "other", "k2", bytes("second"), Map.of()))).isFalse();

        Map<String, Object> row = db.jdbc.queryForMap(
                "SELECT topic, message_key, payload, headers::text AS headers, due_at, attempts, sent_at FROM outgoing_messages WHERE message_id = ?", id);
        assertThat(row).containsEntry("topic", "orders").containsEntry("message_key", "k1").containsEntry("attempts", 0);
        assertThat(new String((byte[]) row.get("payload"), StandardCharsets.UTF_8)).isEqualTo("first");
        assertThat(row.get("headers")).isEqualTo("{\"h\": \"1\"}");
        assertThat(((java.sql.Timestamp) row.get("due_at")).toInstant()).isEqualTo(due);
        assertThat(row.get("sent_at")).isNull();
    }

    @Test
    void several_messages_are_enqueued_in_one_statement_as_each_alone_would_be() {
        UUID known = UUID.randomUUID();
        outgoing.enqueue(OutgoingMessage.sendNow(known, "orders", "k0", bytes("kept"), Map.of()));
        UUID now = UUID.randomUUID();
        UUID later = UUID.randomUUID();
        Instant due = Instant.now().plusSeconds(60).truncatedTo(ChronoUnit.MICROS);

        Instant dbNow = db.transactions.execute(tx -> {
            assertThat(outgoing.enqueueAll(java.util.List.of(
                    OutgoingMessage.sendNow(now, "seats", null, bytes("reserve"), Map.of("message-type", "Make")),
                    OutgoingMessage.scheduled(later, "process", "k2", bytes("expire"), Map.of(), due),
                    OutgoingMessage.sendNow(known, "orders", "k0", bytes("again"), Map.of())))).isEqualTo(2);
            return db.jdbc.queryForObject("SELECT now()", java.sql.Timestamp.class).toInstant();
        });

        Map<String, Object> first = db.jdbc.queryForMap(
                "SELECT topic, message_key, payload, headers::text AS headers, due_at FROM outgoing_messages WHERE message_id = ?", now);
        assertThat(first).containsEntry("topic", "seats").containsEntry("message_key", null)
                .containsEntry("headers", "{\"message-type\": \"Make\"}");
        assertThat(new String((byte[]) first.get("payload"), StandardCharsets.UTF_8)).isEqualTo("reserve");
        assertThat(((java.sql.Timestamp) first.get("due_at")).toInstant()).isEqualTo(dbNow);
        assertThat(db.jdbc.queryForObject("SELECT due_at FROM outgoing_messages WHERE message_id = ?",
                java.sql.Timestamp.class, later).toInstant()).isEqualTo(due);
        assertThat(new String(db.jdbc.queryForObject("SELECT payload FROM outgoing_messages WHERE message_id = ?",
                byte[].class, known), StandardCharsets.UTF_8)).isEqualTo("kept");
    }

    @Test
    void a_message_to_send_now_is_due_by_the_database_clock_when_its_transaction_runs() {
        UUID id = UUID.randomUUID();
        Instant dbNow = db.transactions.execute(tx -> {
            outgoing.enqueue(OutgoingMessage.sendNow(id, "orders", null, bytes("x"), null));
            return db.jdbc.queryForObject("SELECT now()", java.sql.Timestamp.class).toInstant();
        });

        assertThat(db.jdbc.queryForObject("SELECT due_at FROM outgoing_messages WHERE message_id = ?",
                java.sql.Timestamp.class, id).toInstant()).isEqualTo(dbNow);
    }

    @Test
    void cancel_drops_a_message_only_while_it_is_unsent() {
        UUID pending = enqueueInAMinute();
        UUID sent = enqueueInAMinute();
        db.jdbc.update("UPDATE outgoing_messages SET sent_at = now() WHERE message_id = ?", sent);

        assertThat(outgoing.cancel(pending)).isTrue();
        assertThat(outgoing.cancel(pending)).isFalse();
        assertThat(outgoing.cancel(sent)).as("too late: it went out").isFalse();
        assertThat(outgoing.cancel(UUID.randomUUID())).isFalse();
        assertThat(db.jdbc.queryForList("SELECT message_id FROM outgoing_messages", UUID.class)).containsExactly(sent);
    }

    @Test
    void a_message_enqueued_in_a_rolled_back_transaction_is_not_there() {
        UUID id = UUID.randomUUID();
        assertThatThrownBy(() -> db.transactions.executeWithoutResult(tx -> {
            outgoing.enqueue(OutgoingMessage.sendNow(id, "orders", "k", bytes("x"), Map.of()));
            throw new IllegalStateException("the handler failed after enqueuing");
        })).isInstanceOf(IllegalStateException.class);

        assertThat(db.jdbc.queryForObject("SELECT count(*) FROM outgoing_messages", Integer.class)).isZero();
    }

    @Test
    void the_dispatcher_is_woken_after_commit_not_before_and_not_on_rollback() {
        long before = outgoing.enqueued().generation();

        db.transactions.executeWithoutResult(tx -> {
            outgoing.enqueue(OutgoingMessage.sendNow(UUID.randomUUID(), "orders", "k", bytes("x"), Map.of()));
            assertThat(outgoing.enqueued().generation()).as("not visible to the dispatcher yet").isEqualTo(before);
        });
        long afterCommit = outgoing.enqueued().generation();
        assertThat(afterCommit).isGreaterThan(before);

        db.transactions.executeWithoutResult(tx -> {
            outgoing.enqueue(OutgoingMessage.sendNow(UUID.randomUUID(), "orders", "k", bytes("y"), Map.of()));
            tx.setRollbackOnly();
        });
        assertThat(outgoing.enqueued().generation()).isEqualTo(afterCommit);

        outgoing.enqueue(OutgoingMessage.sendNow(UUID.randomUUID(), "orders", "k", bytes("z"), Map.of()));
        assertThat(outgoing.enqueued().generation()).as("auto-commit: woken at once").isGreaterThan(afterCommit);
    }

    private UUID enqueueInAMinute() {
        UUID id = UUID.randomUUID();
        outgoing.enqueue(OutgoingMessage.scheduled(id, "orders", "k", bytes("x"), Map.of(), Instant.now().plusSeconds(60)));
        return id;
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}

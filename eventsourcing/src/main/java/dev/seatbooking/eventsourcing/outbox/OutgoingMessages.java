package dev.seatbooking.eventsourcing.outbox;

import dev.seatbooking.eventsourcing.store.ChangeSignal;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import tools.jackson.databind.json.JsonMapper;

import javax.sql.DataSource;
import java.sql.PreparedStatement;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * The write side of the outgoing-message table: enqueue messages (to send now or later) and cancel
 * scheduled ones.
 * <p>
 * Works inside the caller's Spring transaction when there is one, so a message is enqueued if and only if
 * the state change that caused it commits. Once that transaction commits, the {@link #enqueued() signal}
 * wakes this process's {@link OutgoingMessageDispatcher}: a message due now goes out without waiting for
 * the dispatcher's next poll.
 */
public final class OutgoingMessages {

    // ON CONFLICT DO NOTHING: a message enqueued again (a retried handler, say) keeps its first row, and
    // is not sent twice while the row is kept (see the dispatcher's retention).
    private static final String ENQUEUE = """
            INSERT INTO outgoing_messages (message_id, topic, message_key, payload, headers, due_at)
            VALUES (?, ?, ?, ?, ?::jsonb, coalesce(?::timestamptz, now()))
            ON CONFLICT (message_id) DO NOTHING""";

    private static final String ENQUEUE_MANY = """
            INSERT INTO outgoing_messages (message_id, topic, message_key, payload, headers, due_at)
            SELECT m.id, m.topic, m.message_key, m.payload, m.headers::jsonb, coalesce(m.due_at::timestamptz, now())
            FROM unnest(?::uuid[], ?::text[], ?::text[], ?::bytea[], ?::text[], ?::text[])
                 AS m(id, topic, message_key, payload, headers, due_at)
            ON CONFLICT (message_id) DO NOTHING""";

    // A row being sent right now is locked by the dispatcher: the DELETE waits for it, then finds it sent
    // and drops nothing. So "false" reliably means "too late, it went out (or never existed)".
    private static final String CANCEL = "DELETE FROM outgoing_messages WHERE message_id = ? AND sent_at IS NULL";

    private final JdbcTemplate jdbc;
    private final ChangeSignal enqueued;
    private final JsonMapper json = JsonMapper.builder().build();

    public OutgoingMessages(DataSource dataSource) {
        this(dataSource, new ChangeSignal());
    }

    public OutgoingMessages(DataSource dataSource, ChangeSignal enqueued) {
        this.jdbc = new JdbcTemplate(Objects.requireNonNull(dataSource));
        this.enqueued = Objects.requireNonNull(enqueued);
    }

    /**
     * Adds a message to send when due. Enqueuing a message id that is already there changes nothing.
     *
     * @return whether the message was added (false for a duplicate)
     */
    public boolean enqueue(OutgoingMessage message) {
        int added = jdbc.update(ENQUEUE, message.messageId(), message.topic(), message.key(), message.value(),
                json.writeValueAsString(message.headers()),
                message.dueAt() == null ? null : OffsetDateTime.ofInstant(message.dueAt(), ZoneOffset.UTC));
        if (added > 0) wakeDispatcherAfterCommit();
        return added > 0;
    }

    /**
     * {@link #enqueue} for several messages in one statement (what one decision sends and schedules).
     *
     * @return how many were added (duplicates are not)
     */
    public int enqueueAll(List<OutgoingMessage> messages) {
        if (messages.isEmpty()) return 0;
        if (messages.size() == 1) return enqueue(messages.getFirst()) ? 1 : 0;
        int n = messages.size();
        UUID[] ids = new UUID[n];
        String[] topics = new String[n];
        String[] keys = new String[n];
        byte[][] payloads = new byte[n][];
        String[] headers = new String[n];
        String[] dueAt = new String[n];
        for (int i = 0; i < n; i++) {
            OutgoingMessage message = messages.get(i);
            ids[i] = message.messageId();
            topics[i] = message.topic();
            keys[i] = message.key();
            payloads[i] = message.value();
            headers[i] = json.writeValueAsString(message.headers());
            dueAt[i] = message.dueAt() == null ? null : message.dueAt().toString();
        }
        int added = jdbc.update(connection -> {
            PreparedStatement statement = connection.prepareStatement(ENQUEUE_MANY);
            statement.setArray(1, connection.createArrayOf("uuid", ids));
            statement.setArray(2, connection.createArrayOf("text", topics));
            statement.setArray(3, connection.createArrayOf("text", keys));
            statement.setArray(4, connection.createArrayOf("bytea", payloads));
            statement.setArray(5, connection.createArrayOf("text", headers));
            statement.setArray(6, connection.createArrayOf("text", dueAt));
            return statement;
        });
        if (added > 0) wakeDispatcherAfterCommit();
        return added;
    }

    /**
     * Drops a message that has not been sent yet ("forget the expiry").
     *
     * @return whether it was dropped: false if it was already sent (or is unknown), in which case its
     *         receiver must cope with it, e.g. ignore an expiry for a confirmed order
     */
    public boolean cancel(UUID messageId) {
        return jdbc.update(CANCEL, messageId) > 0;
    }

    /** Signalled after each commit that enqueued messages; the dispatcher of this process waits on it. */
    public ChangeSignal enqueued() {
        return enqueued;
    }

    private void wakeDispatcherAfterCommit() {
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    enqueued.signal();
                }
            });
        } else {
            enqueued.signal(); // auto-commit: the row is committed already
        }
    }
}

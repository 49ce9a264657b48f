package dev.seatbooking.eventsourcing.inbox;

import org.springframework.jdbc.core.JdbcTemplate;

import javax.sql.DataSource;
import java.sql.PreparedStatement;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * The messages each consumer has processed ({@code inbox} table). Joins the caller's Spring transaction on
 * the same data source: the entry commits, or rolls back, with the effects of handling the message.
 */
public final class Inbox {

    private static final String RECORD = """
            INSERT INTO inbox (consumer, message_id) VALUES (?, ?)
            ON CONFLICT (consumer, message_id) DO NOTHING""";

    // DO NOTHING also skips a second copy of an id within the same statement.
    private static final String RECORD_MANY = """
            INSERT INTO inbox (consumer, message_id) SELECT ?, unnest(?::uuid[])
            ON CONFLICT (consumer, message_id) DO NOTHING
            RETURNING message_id""";

    private final JdbcTemplate jdbc;

    public Inbox(DataSource dataSource) {
        this.jdbc = new JdbcTemplate(dataSource);
    }

    /**
     * Records that {@code consumer} processes the message now; false if it already has. A concurrent
     * transaction recording the same message makes this one wait on the key until it ends: after its
     * commit this returns false, after its rollback true.
     */
    public boolean firstDelivery(String consumer, UUID messageId) {
        return jdbc.update(RECORD, consumer, messageId) == 1;
    }

    /**
     * {@link #firstDelivery} for many messages in one statement (a poll's worth): the ids among them that
     * {@code consumer} had not processed yet, now recorded.
     */
    public Set<UUID> firstDeliveries(String consumer, Collection<UUID> messageIds) {
        if (messageIds.isEmpty()) return Set.of();
        List<UUID> recorded = jdbc.query(connection -> {
            PreparedStatement statement = connection.prepareStatement(RECORD_MANY);
            statement.setString(1, consumer);
            statement.setArray(2, connection.createArrayOf("uuid", messageIds.toArray()));
            return statement;
        }, (rs, row) -> rs.getObject(1, UUID.class));
        return new HashSet<>(recorded);
    }
}

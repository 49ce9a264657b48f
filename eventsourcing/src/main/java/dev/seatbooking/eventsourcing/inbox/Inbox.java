package dev.seatbooking.eventsourcing.inbox;

import org.springframework.jdbc.core.JdbcTemplate;

import javax.sql.DataSource;
import java.util.UUID;

/**
 * The messages each consumer has processed ({@code inbox} table). Joins the caller's Spring transaction on
 * the same data source: the entry commits, or rolls back, with the effects of handling the message.
 */
public final class Inbox {

    private static final String RECORD = """
            INSERT INTO inbox (consumer, message_id) VALUES (?, ?)
            ON CONFLICT (consumer, message_id) DO NOTHING""";

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
}

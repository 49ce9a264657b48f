package dev.seatbooking.notifications.messaging;

import dev.seatbooking.notifications.NotificationsProperties;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import javax.sql.DataSource;
import java.time.Instant;

/**
 * The cut-off: an event that occurred before it updates the facts but queues no mail, so that a first deployment
 * onto a platform with history, reading the topics from their start, does not mail years of old events.
 * {@code notifications.send-after} if set, else the instant this service's database was created (V1's
 * installation, recorded by migration V5 in {@code send_after}). Read once, on the first event.
 */
@Component
public class SendAfter {

    private final JdbcTemplate jdbc;
    private final Instant configured;
    private volatile Instant instant;

    public SendAfter(DataSource dataSource, NotificationsProperties properties) {
        this.jdbc = new JdbcTemplate(dataSource);
        this.configured = properties.sendAfter();
    }

    /** Whether an event that occurred at {@code occurredAt} may be mailed. */
    public boolean allows(Instant occurredAt) {
        return !occurredAt.isBefore(instant());
    }

    public Instant instant() {
        Instant cutOff = instant;
        if (cutOff == null) {
            cutOff = configured != null ? configured
                    : jdbc.queryForObject("SELECT at FROM send_after", java.sql.Timestamp.class).toInstant();
            instant = cutOff;
        }
        return cutOff;
    }
}

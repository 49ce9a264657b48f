package dev.seatbooking.notifications.mail;

import dev.seatbooking.notifications.NotificationsProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import javax.sql.DataSource;

/**
 * Deletes the mails done with (sent or failed) that were created longer than {@code notifications.retention} ago.
 * A mail row is also its event's dedup key: the retention must exceed the topics' retention, so that no event is
 * still on a topic, to be delivered again (or read again after an offset reset), once its row is gone. Counted from
 * the row's creation, which is after the event was written to the topic. Mails with an address not sent yet are kept,
 * however old. Mails still waiting for their address after the retention are deleted too: their address could only come
 * with an event, and the events of their order or entry have left the topics by then (the expiry mail of a cart left
 * before the registrant's page would otherwise stay forever).
 */
@Component
public class MailPurge {

    private static final Logger log = LoggerFactory.getLogger(MailPurge.class);

    private final JdbcTemplate jdbc;
    private final NotificationsProperties properties;

    public MailPurge(DataSource dataSource, NotificationsProperties properties) {
        this.jdbc = new JdbcTemplate(dataSource);
        this.properties = properties;
    }

    /** Every hour (after the first), the rows past the retention; returns how many went. */
    @Scheduled(fixedDelayString = "${notifications.purge-interval:1h}",
            initialDelayString = "${notifications.purge-interval:1h}")
    public int purge() {
        int deleted = jdbc.update("""
                DELETE FROM mails WHERE (status IN ('SENT', 'FAILED', 'SUPPRESSED') OR status = 'PENDING' AND recipient IS NULL)
                    AND created_at < now() - make_interval(secs => ?)""",
                (double) properties.retention().toSeconds());
        if (deleted > 0) log.info("Purged {} mails older than {}", deleted, properties.retention());
        return deleted;
    }
}

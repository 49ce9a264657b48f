package dev.seatbooking.notifications.mail;

import dev.seatbooking.notifications.support.IntegrationTest;
import dev.seatbooking.notifications.support.Scenario;
import dev.seatbooking.notifications.support.Smtp;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import javax.sql.DataSource;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Mails done with, and mails still waiting for their address, are deleted after the retention (30 days); mails with an
 * address not sent yet are kept.
 */
class MailPurgeTest extends IntegrationTest {

    @Autowired
    Mails mails;

    @Autowired
    MailPurge purge;

    @Autowired
    DataSource dataSource;

    @Test
    void sent_failed_and_unaddressed_mails_older_than_the_retention_are_deleted_and_recent_ones_kept() {
        var old = sentMail(newEmail());
        var refused = newScenario();
        refused.placedBy(Smtp.REFUSED + newEmail());
        refused.confirmed();
        var recent = sentMail(newEmail());
        var abandoned = newScenario();
        abandoned.placedAnonymously();
        abandoned.expired(); // nobody's address: pending until one arrives, which none will
        var waiting = newScenario();
        waiting.offered(Instant.parse("2027-04-20T10:15:30Z")); // no contact yet
        await().atMost(Duration.ofSeconds(30)).until(() -> statuses(refused.orderId).equals(List.of("FAILED"))
                && !mails.of(waiting.entryId).isEmpty() && !mails.of(abandoned.orderId).isEmpty());
        createdDaysAgo(old.orderId, 31);
        createdDaysAgo(refused.orderId, 31);
        createdDaysAgo(recent.orderId, 29);
        createdDaysAgo(abandoned.orderId, 31);
        createdDaysAgo(waiting.entryId, 29);

        assertThat(purge.purge()).isGreaterThanOrEqualTo(3);

        assertThat(mails.of(old.orderId)).isEmpty();
        assertThat(mails.of(refused.orderId)).isEmpty();
        assertThat(mails.of(abandoned.orderId)).isEmpty();
        assertThat(statuses(recent.orderId)).containsExactly("SENT");
        assertThat(statuses(waiting.entryId)).containsExactly("PENDING");
    }

    private Scenario sentMail(String email) {
        var scenario = newScenario();
        scenario.placedBy(email);
        scenario.expired();
        awaitMails(email, 1);
        await().atMost(Duration.ofSeconds(30)).until(() -> statuses(scenario.orderId).equals(List.of("SENT")));
        return scenario;
    }

    private List<String> statuses(UUID addressKey) {
        return mails.of(addressKey).stream().map(row -> (String) row.get("status")).toList();
    }

    private void createdDaysAgo(UUID addressKey, int days) {
        new JdbcTemplate(dataSource).update("UPDATE mails SET created_at = now() - make_interval(days => ?) "
                + "WHERE address_key = ?", days, addressKey);
    }
}

package dev.seatbooking.notifications.mail;

import dev.seatbooking.notifications.support.IntegrationTest;
import dev.seatbooking.notifications.support.Scenario;
import dev.seatbooking.notifications.support.Smtp;
import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** A mail refused for good, or failing after the most attempts, is given up (FAILED) and counted; others go on. */
class FailedMailTest extends IntegrationTest {

    @Autowired
    Mails mails;

    @Autowired
    MailMetrics metrics;

    @Autowired
    MeterRegistry registry;

    @Test
    void a_recipient_refused_for_good_is_given_up_at_once_and_the_other_mails_are_still_sent() {
        double failedBefore = metrics.failedCounter(MailKind.ORDER_CONFIRMED).count();
        var refused = newScenario();
        refused.placedBy(Smtp.REFUSED + newEmail());
        refused.confirmed();
        var accepted = newScenario();
        String email = newEmail();
        accepted.placedBy(email);
        accepted.confirmed();

        awaitMails(email, 1);
        Map<String, Object> mail = await().atMost(Duration.ofSeconds(30))
                .until(() -> mails.of(refused.orderId).getFirst(), row -> "FAILED".equals(row.get("status")));
        assertThat(mail.get("attempts")).isEqualTo(1);
        assertThat(metrics.failedCounter(MailKind.ORDER_CONFIRMED).count()).isEqualTo(failedBefore + 1);
    }

    @Test
    void a_mail_refused_for_now_is_tried_again_and_given_up_after_the_most_attempts() {
        var busy = newScenario();
        busy.placedBy(Smtp.BUSY + newEmail());
        busy.confirmed();

        await().atMost(Duration.ofSeconds(30)).until(() -> pending() >= 1);
        Map<String, Object> mail = await().atMost(Duration.ofSeconds(30))
                .until(() -> firstMail(busy), row -> "FAILED".equals(row.get("status")));
        assertThat(mail.get("attempts")).isEqualTo(8); // notifications.sender.max-attempts in the tests
        int attempts = (Integer) mail.get("attempts");
        var after = newScenario(); // the sender went round since: the failed mail was not taken again
        String email = newEmail();
        after.placedBy(email);
        after.confirmed();
        awaitMails(email, 1);
        assertThat(firstMail(busy).get("attempts")).isEqualTo(attempts);
    }

    @Test
    void a_mail_waiting_for_its_address_is_counted_apart_from_the_pending_ones() {
        var abandoned = newScenario();
        abandoned.placedAnonymously();
        abandoned.expired();

        await().atMost(Duration.ofSeconds(30)).until(() -> firstMail(abandoned), row -> "PENDING".equals(row.get("status"))
                && row.get("recipient") == null);
        assertThat(gauge("notifications.mails.awaiting-address")).isGreaterThanOrEqualTo(1);
        // Every mail with an address gets sent (the SMTP server accepts them): the one without is not pending mail.
        await().atMost(Duration.ofSeconds(30)).until(() -> pending() == 0);
        assertThat(firstMail(abandoned)).containsEntry("status", "PENDING");
    }

    private Map<String, Object> firstMail(Scenario scenario) {
        return mails.of(scenario.orderId).stream().findFirst().orElse(Map.of());
    }

    private double pending() {
        return gauge("notifications.mails.pending");
    }

    private double gauge(String name) {
        return registry.get(name).gauge().value();
    }
}

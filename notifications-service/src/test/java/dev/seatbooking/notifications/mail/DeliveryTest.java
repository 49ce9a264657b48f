package dev.seatbooking.notifications.mail;

import dev.seatbooking.contracts.Topics;
import dev.seatbooking.notifications.support.IntegrationTest;
import dev.seatbooking.notifications.support.Scenario;
import dev.seatbooking.notifications.support.Smtp;
import dev.seatbooking.testinfra.RefusedWrites;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.kafka.listener.ConcurrentMessageListenerContainer;
import org.springframework.transaction.support.TransactionTemplate;

import javax.sql.DataSource;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** One mail per event, whatever the broker redelivers, the SMTP server refuses, or the service misses while down. */
class DeliveryTest extends IntegrationTest {

    @Autowired
    Mails mails;

    @Autowired
    TransactionTemplate transactions;

    private JdbcTemplate jdbc;
    private DataSource dataSource;

    @Autowired
    void jdbc(DataSource dataSource) {
        this.dataSource = dataSource;
        jdbc = new JdbcTemplate(dataSource);
    }

    @Autowired
    @Qualifier("notificationsListener")
    ConcurrentMessageListenerContainer<String, byte[]> listener;

    @Test
    void an_event_delivered_again_is_mailed_once() {
        var scenario = newScenario();
        String email = newEmail();
        scenario.placedBy(email);
        var confirmed = scenario.confirmed();
        awaitMails(email, 1);

        events.send(Topics.REGISTRATION_EVENTS, confirmed);
        events.send(Topics.REGISTRATION_EVENTS, confirmed);
        scenario.paid(); // comes after: once its receipt is out, the redeliveries were handled
        await().atMost(Duration.ofSeconds(30)).until(() -> kinds(scenario).contains("PAYMENT_RECEIPT=SENT"));
        awaitMails(email, 2);

        assertThat(kinds(scenario)).containsExactlyInAnyOrder("ORDER_CONFIRMED=SENT", "PAYMENT_RECEIPT=SENT");
        assertThat(Smtp.to(email)).extracting(m -> subject(m)).containsExactlyInAnyOrder(
                "Your order is confirmed", "Payment received");
    }

    @Test
    void mails_held_back_by_an_smtp_server_that_is_down_are_each_sent_once_when_it_is_back() {
        List<Scenario> orders = IntStream.range(0, 3).mapToObj(i -> newScenario()).toList();
        List<String> emails = orders.stream().map(order -> newEmail()).toList();
        Smtp.stop();
        try {
            for (int i = 0; i < orders.size(); i++) {
                orders.get(i).placedBy(emails.get(i));
                orders.get(i).confirmed();
            }
            // every mail failed at least twice: the sender went on to the others after each failure
            await().atMost(Duration.ofSeconds(30)).until(() -> orders.stream()
                    .allMatch(order -> attempts(order) >= 2));
        } finally {
            Smtp.restart();
        }

        await().atMost(Duration.ofSeconds(30)).until(() -> orders.stream()
                .allMatch(order -> kinds(order).equals(List.of("ORDER_CONFIRMED=SENT"))));
        for (String email : emails) {
            assertThat(Smtp.to(email)).hasSize(1);
        }
    }

    @Test
    void a_mail_the_smtp_server_accepted_whose_mark_did_not_commit_is_marked_later_not_sent_again() {
        var scenario = newScenario();
        String email = newEmail();
        // The database refuses to mark the mail sent, as it does when it goes away before the commit.
        try (RefusedWrites marks = RefusedWrites.of(dataSource, "mails", "UPDATE",
                "NEW.status = 'SENT' AND NEW.recipient = '" + email + "'")) {
            scenario.placedBy(email);
            scenario.confirmed();
            // Two rounds found it due and failed to mark it, as with a database gone between acceptance and commit.
            await().atMost(Duration.ofSeconds(30)).until(() -> marks.refusals() >= 2);
        }

        await().atMost(Duration.ofSeconds(30)).until(() -> kinds(scenario).equals(List.of("ORDER_CONFIRMED=SENT")));
        assertThat(Smtp.to(email)).hasSize(1);
    }

    @Test
    void the_mails_due_in_one_round_go_out_over_one_smtp_connection() {
        List<Scenario> orders = IntStream.range(0, 6).mapToObj(i -> newScenario()).toList();
        List<String> emails = orders.stream().map(order -> newEmail()).toList();
        UUID[] orderIds = orders.stream().map(order -> order.orderId).toArray(UUID[]::new);
        Smtp.stop();
        try {
            for (int i = 0; i < orders.size(); i++) {
                orders.get(i).placedBy(emails.get(i));
                orders.get(i).confirmed();
            }
            await().atMost(Duration.ofSeconds(30)).until(() -> orders.stream().allMatch(order -> attempts(order) >= 1));
        } finally {
            Smtp.restart();
        }
        // Held back (the sender skips rows another transaction has locked) until all six are due, then let go at once.
        int before = transactions.execute(status -> {
            jdbc.query("SELECT mail_id FROM mails WHERE address_key = ANY(?) FOR UPDATE", rs -> {
            }, (Object) orderIds);
            await().atMost(Duration.ofSeconds(30)).until(() -> Boolean.TRUE.equals(jdbc.queryForObject(
                    "SELECT bool_and(next_attempt_at <= clock_timestamp()) FROM mails WHERE address_key = ANY(?)",
                    Boolean.class, (Object) orderIds)));
            return Smtp.connections();
        });

        await().atMost(Duration.ofSeconds(30)).until(() -> orders.stream()
                .allMatch(order -> kinds(order).equals(List.of("ORDER_CONFIRMED=SENT"))));
        // One round sends them all; a connection per mail would have opened six (other tests' retries: a round or two).
        assertThat(Smtp.connections() - before).isLessThan(orders.size());
        for (String email : emails) {
            assertThat(Smtp.to(email)).hasSize(1);
        }
    }

    @Test
    void events_published_while_the_service_is_stopped_are_mailed_when_it_starts_again() {
        var scenario = newScenario();
        String email = newEmail();
        listener.stop();
        try {
            scenario.placedBy(email);
            scenario.confirmed();
            scenario.paid();
        } finally {
            listener.start();
        }

        awaitMails(email, 2);
        assertThat(Smtp.to(email)).extracting(m -> subject(m)).containsExactlyInAnyOrder(
                "Your order is confirmed", "Payment received");
    }

    @Test
    void an_offer_made_before_its_contact_arrives_is_mailed_once_the_address_is_known() {
        var scenario = newScenario();
        String email = newEmail();
        scenario.offered(Instant.parse("2027-04-20T10:15:30Z"));
        await().atMost(Duration.ofSeconds(30)).until(() -> !mails.of(scenario.entryId).isEmpty());
        assertThat(mails.of(scenario.entryId)).extracting(row -> row.get("recipient")).containsOnlyNulls();

        scenario.contactGiven(email);

        assertThat(subject(awaitMails(email, 1).getFirst())).isEqualTo("Seats are offered to you");
    }

    private List<String> kinds(Scenario scenario) {
        return mails.of(scenario.orderId).stream().map(row -> row.get("kind") + "=" + row.get("status")).toList();
    }

    private int attempts(Scenario scenario) {
        return mails.of(scenario.orderId).stream().mapToInt(row -> (Integer) row.get("attempts")).min().orElse(0);
    }

    private static String subject(jakarta.mail.internet.MimeMessage message) {
        try {
            return message.getSubject();
        } catch (jakarta.mail.MessagingException e) {
            throw new IllegalStateException(e);
        }
    }
}

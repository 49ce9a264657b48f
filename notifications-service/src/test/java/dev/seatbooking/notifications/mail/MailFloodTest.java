package dev.seatbooking.notifications.mail;

import dev.seatbooking.contracts.Money;
import dev.seatbooking.contracts.Topics;
import dev.seatbooking.contracts.registration.OrderEvent.OrderExpired;
import dev.seatbooking.contracts.registration.OrderEvent.OrderPlaced;
import dev.seatbooking.contracts.registration.OrderEvent.OrderRegistrantAssigned;
import dev.seatbooking.contracts.registration.OrderEvent.OrderTotalsCalculated;
import dev.seatbooking.contracts.registration.OrderLine;
import dev.seatbooking.contracts.registration.PersonalInfo;
import dev.seatbooking.contracts.registration.SeatQuantity;
import dev.seatbooking.notifications.support.IntegrationTest;
import dev.seatbooking.notifications.support.Scenario;
import dev.seatbooking.notifications.support.Smtp;
import com.jayway.jsonpath.JsonPath;
import jakarta.mail.Message;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static dev.seatbooking.notifications.mail.MailContentTest.html;
import static dev.seatbooking.notifications.mail.MailContentTest.text;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * What one anonymous client can make the platform mail to an address of its choosing. Every event below is one an
 * anonymous registrant makes registration publish with one request (a seat of a confirmed order given to another
 * email; an order placed and named with someone else's address, left to expire). Nothing capped the mails per
 * recipient or per seat, so the rate of these events (the gateway's 50 requests a second per client) was the rate of
 * mail to the victim, all from the platform's own domain, quoting names the client wrote.
 */
class MailFloodTest extends IntegrationTest {

    private static final int ROUNDS = 10;
    /** The default limits (NotificationsProperties.RecipientLimits). */
    private static final int PER_HOUR = 10;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void one_seat_given_back_and_forth_mails_the_same_stranger_at_most_once() {
        var scenario = placed();
        String victim = newEmail();
        String accomplice = newEmail();
        for (int i = 0; i < ROUNDS; i++) {
            scenario.seatAssigned(0, new PersonalInfo("Seat", "Holder", victim));
            scenario.seatUnassigned(0);
            scenario.seatAssigned(0, new PersonalInfo("Seat", "Holder", accomplice));
            scenario.seatUnassigned(0);
        }
        scenario.seatAssigned(1, new PersonalInfo("Last", "One", newEmail())); // the same partition: all read before
        await().atMost(Duration.ofSeconds(30)).until(() -> facts.seatHolder(scenario.seatAssignmentsId, 1).isPresent());

        assertThat(mailsTo(victim)).as("'A seat is yours' mails queued to one address for the same seat of the same "
                + "order, given to it %d times", ROUNDS).isEqualTo(1);
        assertThat(mailsTo(accomplice)).isEqualTo(1);
        awaitMails(victim, 1);
        awaitMails(accomplice, 1);
    }

    @Test
    void orders_placed_by_strangers_in_someone_elses_name_do_not_flood_that_address() {
        var scenario = newScenario();
        String victim = newEmail();
        String[] mailbox = victim.split("@");
        int orders = PER_HOUR + 5;
        List<String> spellings = new java.util.ArrayList<>();
        for (int i = 0; i < orders; i++) {
            // one mailbox, many spellings: a "+tag" and the case
            String spelled = (i % 2 == 0 ? mailbox[0] : mailbox[0].toUpperCase()) + "+" + i + "@" + mailbox[1];
            spellings.add(spelled);
            UUID orderId = UUID.randomUUID();
            send(orderId, new OrderPlaced(orderId, scenario.conferenceId,
                    List.of(new SeatQuantity(scenario.seatTypeId, 1)), Instant.now().plusSeconds(900), "ABCD-EFGH-" + i));
            send(orderId, new OrderTotalsCalculated(orderId, Money.of("199.90", "EUR"),
                    List.of(OrderLine.of(scenario.seatTypeId, Scenario.SEAT_TYPE_NAME, Money.of("199.90", "EUR"), 1)),
                    false, List.of()));
            send(orderId, new OrderRegistrantAssigned(orderId, "Anyone", "At all", spelled));
            send(orderId, new OrderExpired(orderId));
        }

        String key = Recipients.key(victim);
        await().atMost(Duration.ofSeconds(30)).until(() -> decidedMailsTo(key) == orders);
        assertThat(jdbc.queryForList("SELECT status FROM mails WHERE recipient_key = ?", String.class, key))
                .as("'Your order has expired' mails to one mailbox, from %d orders an anonymous client placed in its "
                        + "name", orders)
                .filteredOn("SENT"::equals).hasSize(PER_HOUR);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM mails WHERE recipient_key = ? AND status = 'SUPPRESSED'",
                Integer.class, key)).isEqualTo(orders - PER_HOUR);
        assertThat(spellings.stream().mapToInt(spelled -> Smtp.to(spelled).size()).sum()).isEqualTo(PER_HOUR);
    }

    /** A suppressed mail is not lost: operators list it, and one they send again goes whatever the limits say. */
    @Test
    void an_operator_lists_the_suppressed_mails_and_sends_one_again_past_the_limits() {
        var scenario = newScenario();
        String person = newEmail();
        List<UUID> orders = new java.util.ArrayList<>();
        for (int i = 0; i <= PER_HOUR; i++) {
            UUID orderId = UUID.randomUUID();
            orders.add(orderId);
            send(orderId, new OrderPlaced(orderId, scenario.conferenceId,
                    List.of(new SeatQuantity(scenario.seatTypeId, 1)), Instant.now().plusSeconds(900), "WXYZ-EFGH-" + i));
            send(orderId, new OrderRegistrantAssigned(orderId, "Anyone", "At all", person));
            send(orderId, new OrderExpired(orderId));
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> decidedMailsTo(Recipients.key(person)) == PER_HOUR + 1);
        List<String> suppressed = JsonPath.read(ops().get("/api/admin/mails?state=SUPPRESSED&limit=500").body(),
                "$[?(@.recipient == '" + person + "')].mailId");
        assertThat(suppressed).hasSize(1);
        assertThat(Smtp.to(person)).hasSize(PER_HOUR);

        HttpResponse<String> resent = ops().post("/api/admin/mails/" + suppressed.getFirst() + "/resend");

        assertThat(resent.statusCode()).as(resent.body()).isEqualTo(202);
        awaitMails(person, PER_HOUR + 1);
        assertThat(jdbc.queryForObject("SELECT status FROM mails WHERE mail_id = ?::uuid", String.class,
                suppressed.getFirst())).isEqualTo("SENT");
    }

    @Test
    void a_registrants_free_text_is_not_mailed_to_a_third_party_as_a_link() throws Exception {
        var scenario = newScenario();
        String stranger = newEmail();
        // the registrant's name, 100 + 100 characters of free text an anonymous client chooses (@SingleLine only)
        scenario.placedAnonymously();
        events.send(Topics.REGISTRATION_EVENTS, scenario.orderId, new OrderRegistrantAssigned(scenario.orderId,
                "Your seat is on hold, confirm your card at", "https://evil.example/seatbooking/confirm", newEmail()));
        await().atMost(Duration.ofSeconds(30)).until(() -> facts.contactName(scenario.orderId).isPresent());
        scenario.seatAssigned(0, new PersonalInfo("Dear", "customer", stranger));

        MimeMessage mail = awaitMails(stranger, 1).getFirst();

        assertThat(text(mail) + html(mail))
                .as("a mail from the platform to an address the registrant named, about a seat it never asked for")
                .doesNotContain("https://evil.example", "Your seat is on hold", "Dear", "customer");
        assertThat(((InternetAddress) mail.getRecipients(Message.RecipientType.TO)[0]).getPersonal())
                .as("no name the registrant wrote beside the address either").isNull();
    }

    private int mailsTo(String recipient) {
        return jdbc.queryForObject("SELECT count(*) FROM mails WHERE recipient = ?", Integer.class, recipient);
    }

    private int decidedMailsTo(String key) {
        return jdbc.queryForObject("SELECT count(*) FROM mails WHERE recipient_key = ? AND status IN "
                + "('SENT', 'SUPPRESSED')", Integer.class, key);
    }


    /** An order whose registrant this service already knows (see SeatAssignedMailTest). */
    private Scenario placed() {
        var scenario = newScenario();
        scenario.placedBy(newEmail());
        await().atMost(Duration.ofSeconds(30)).until(() -> facts.contactName(scenario.orderId).isPresent());
        return scenario;
    }

    private static void send(UUID orderId, dev.seatbooking.contracts.Message event) {
        events.send(Topics.REGISTRATION_EVENTS, orderId, event);
    }
}

package dev.seatbooking.notifications.mail;

import dev.seatbooking.contracts.Topics;
import dev.seatbooking.contracts.registration.PersonalInfo;
import dev.seatbooking.notifications.support.IntegrationTest;
import dev.seatbooking.notifications.support.Scenario;
import dev.seatbooking.notifications.support.Smtp;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.time.Duration;

import static dev.seatbooking.notifications.mail.MailContentTest.html;
import static dev.seatbooking.notifications.mail.MailContentTest.text;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The attendee of a seat is told, once per person: a changed name or a freed seat mails nobody. */
class SeatAssignedMailTest extends IntegrationTest {

    @Autowired
    Mails mails;

    @Test
    void an_attendee_given_a_seat_is_mailed_what_it_is_and_what_to_do_if_it_is_a_mistake() throws Exception {
        var scenario = placed();
        String attendee = newEmail();
        scenario.seatAssigned(0, new PersonalInfo("Alan", "Turing", attendee));

        MimeMessage mail = awaitMails(attendee, 1).getFirst();
        assertThat(mail.getSubject()).isEqualTo("A seat is yours");
        for (String body : new String[]{text(mail), html(mail)}) {
            // no name the registrant wrote, theirs or the attendee's (MailRenderer): the address is theirs too
            assertThat(body).contains("Hello,", Scenario.CONFERENCE_NAME, Scenario.SEAT_TYPE_NAME,
                    "assigned to you by the person who registered for it", "mistake")
                    .doesNotContain(Scenario.ACCESS_CODE, "Alan", "Turing", "Ada", "Lovelace");
        }
    }

    @Test
    void a_seat_assigned_event_delivered_again_is_mailed_once() {
        var scenario = placed();
        String first = newEmail();
        String second = newEmail();
        var assigned = scenario.seatAssigned(0, new PersonalInfo("Alan", "Turing", first));
        events.send(Topics.REGISTRATION_EVENTS, assigned);
        scenario.seatAssigned(1, new PersonalInfo("Grace", "Hopper", second)); // after the redelivery, same partition

        awaitMails(second, 1);
        awaitMails(first, 1);
        assertThat(Smtp.to(first)).hasSize(1);
    }

    @Test
    void a_changed_name_mails_nobody_and_a_changed_email_mails_the_new_address() {
        var scenario = placed();
        String attendee = newEmail();
        String newAddress = newEmail();
        scenario.seatAssigned(0, new PersonalInfo("Alan", "Turing", attendee));
        scenario.seatUpdated(0, new PersonalInfo("Alan M.", "Turing", attendee.toUpperCase()));
        scenario.seatUpdated(0, new PersonalInfo("Alan", "Turing", newAddress));

        awaitMails(newAddress, 1);
        awaitMails(attendee, 1);
        assertThat(Smtp.to(attendee)).hasSize(1);
        assertThat(seatMails(scenario)).isEqualTo(2);
    }

    @Test
    void a_freed_seat_mails_nobody_and_is_forgotten() {
        var scenario = placed();
        String attendee = newEmail();
        String next = newEmail();
        scenario.seatAssigned(0, new PersonalInfo("Alan", "Turing", attendee));
        scenario.seatUnassigned(0);
        // a seat no longer known: an update of it mails nobody
        scenario.seatUpdated(0, new PersonalInfo("Alan", "Turing", newEmail()));
        scenario.seatAssigned(1, new PersonalInfo("Grace", "Hopper", next));

        awaitMails(next, 1);
        awaitMails(attendee, 1);
        await().atMost(Duration.ofSeconds(30)).until(() -> facts.seatHolder(scenario.seatAssignmentsId, 1).isPresent());
        assertThat(facts.seatHolder(scenario.seatAssignmentsId, 0)).isEmpty();
        assertThat(Smtp.to(attendee)).hasSize(1);
        assertThat(seatMails(scenario)).isEqualTo(2);
    }

    /** An order whose registrant is Ada Lovelace, at another address than the attendees'. */
    /**
     * An order whose registrant this service already knows, as when seats are assigned (after the order was
     * confirmed): the seat events travel on another partition than the order's, so without the wait a seat could be
     * mailed before the registrant's name arrived (the mail then names "the person who registered for it").
     */
    private Scenario placed() {
        var scenario = newScenario();
        scenario.placedBy(newEmail());
        await().atMost(Duration.ofSeconds(30)).until(() -> facts.contactName(scenario.orderId).isPresent());
        return scenario;
    }

    private long seatMails(Scenario scenario) {
        return mails.of(scenario.orderId).stream().filter(row -> "SEAT_ASSIGNED".equals(row.get("kind"))).count();
    }
}

package dev.seatbooking.notifications.mail;

import dev.seatbooking.contracts.registration.PersonalInfo;
import dev.seatbooking.notifications.messaging.SendAfter;
import dev.seatbooking.notifications.support.IntegrationTest;
import dev.seatbooking.notifications.support.Scenario;
import dev.seatbooking.notifications.support.Smtp;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** A first deployment onto a platform with history: old events teach the facts, and mail nobody. */
class SendAfterTest extends IntegrationTest {

    @Autowired
    Mails mails;

    @Autowired
    SendAfter sendAfter;

    @Test
    void the_cut_off_is_when_the_service_database_was_created() {
        Instant jvmStarted = Instant.ofEpochMilli(ManagementFactory.getRuntimeMXBean().getStartTime());
        assertThat(sendAfter.instant()).isAfter(jvmStarted).isBefore(Instant.now());
    }

    @Test
    void events_that_occurred_before_the_cut_off_update_the_facts_and_mail_nobody_later_ones_are_mailed()
            throws Exception {
        var scenario = newScenario();
        String email = newEmail();
        String attendee = newEmail();
        scenario.occurringAt(sendAfter.instant().minus(Duration.ofDays(400)));
        scenario.placedBy(email);
        scenario.confirmed();
        scenario.seatAssigned(0, new PersonalInfo("Alan", "Turing", attendee));
        scenario.occurringAt(null);
        scenario.expired(); // now: after the cut-off, and handled after the old events of the order (same partition)

        assertThat(awaitMails(email, 1).getFirst().getSubject()).isEqualTo("Your order has expired");
        assertThat(mails.of(scenario.orderId)).extracting(row -> row.get("kind")).containsExactly("ORDER_EXPIRED");
        assertThat(facts.order(scenario.orderId)).containsEntry("accessCode", Scenario.ACCESS_CODE)
                .containsEntry("total", "379.80");
        assertThat(facts.contactName(scenario.orderId)).contains("Ada Lovelace");
        await().atMost(Duration.ofSeconds(30))
                .until(() -> facts.seatHolder(scenario.seatAssignmentsId, 0).isPresent());
        assertThat(Smtp.to(attendee)).isEmpty();
    }
}

package dev.seatbooking.notifications.mail;

import dev.seatbooking.notifications.support.IntegrationTest;
import dev.seatbooking.notifications.support.Smtp;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import javax.sql.DataSource;
import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Audit finding: the README says a mail sent again after a crash between the SMTP server's acceptance and the commit of
 * its mark goes out "under the same Message-ID" (so that the receiving side can tell it is the same mail). Every
 * attempt builds a new MimeMessage, and Jakarta Mail gives each a new Message-ID: the second copy is a different mail to
 * every server and client.
 */
class ResentAfterACrashTest extends IntegrationTest {

    @Autowired
    Mails mails;

    private JdbcTemplate jdbc;

    @Autowired
    void jdbc(DataSource dataSource) {
        jdbc = new JdbcTemplate(dataSource);
    }

    @Test
    void a_mail_sent_again_because_its_mark_never_committed_carries_the_same_message_id() throws MessagingException {
        var scenario = newScenario();
        String email = newEmail();
        scenario.placedBy(email);
        scenario.confirmed();
        awaitMails(email, 1);
        await().atMost(Duration.ofSeconds(30)).until(() -> "SENT".equals(mails.of(scenario.orderId).getFirst().get("status")));

        // What a kill -9 between the server's "250 OK" and the commit of the mark leaves behind: the row as it was.
        assertThat(jdbc.update("UPDATE mails SET status = 'PENDING', sent_at = NULL, attempts = attempts - 1 "
                + "WHERE address_key = ? AND kind = 'ORDER_CONFIRMED'", scenario.orderId)).isEqualTo(1);

        List<MimeMessage> received = awaitMails(email, 2);
        assertThat(received).hasSize(2);
        assertThat(received.get(1).getHeader("X-Seatbooking-Mail-Id", null))
                .as("the same mail").isEqualTo(received.get(0).getHeader("X-Seatbooking-Mail-Id", null));
        assertThat(received.get(1).getMessageID()).as("the same Message-ID").isEqualTo(received.get(0).getMessageID());
    }
}

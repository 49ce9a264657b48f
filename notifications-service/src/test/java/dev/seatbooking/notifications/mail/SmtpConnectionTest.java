package dev.seatbooking.notifications.mail;

import dev.seatbooking.notifications.support.Smtp;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.Test;
import org.springframework.mail.javamail.JavaMailSenderImpl;

import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** One connection for a round's mails, against the tests' real SMTP server; each mail accepted or refused on its own. */
class SmtpConnectionTest {

    private final JavaMailSenderImpl server = server();

    @Test
    void mails_sent_one_after_another_share_one_connection() throws MessagingException {
        String first = address(), second = address();
        int before = Smtp.connections();

        try (SmtpConnection connection = new SmtpConnection(server)) {
            connection.send(mailTo(first));
            connection.send(mailTo(second));
        }

        assertThat(Smtp.connections() - before).isEqualTo(1);
        assertThat(Smtp.to(first)).hasSize(1);
        assertThat(Smtp.to(second)).hasSize(1);
    }

    @Test
    void a_connection_the_server_dropped_meanwhile_is_opened_again_for_the_mail_that_found_it_dropped()
            throws MessagingException {
        String before = address(), after = address();
        try (SmtpConnection connection = new SmtpConnection(server)) {
            connection.send(mailTo(before));
            Smtp.stop();
            Smtp.restart();

            connection.send(mailTo(after));
        }

        assertThat(Smtp.to(after)).hasSize(1);
    }

    @Test
    void a_recipient_refused_fails_its_mail_alone_and_the_next_mail_goes_out() throws MessagingException {
        String refused = Smtp.REFUSED + UUID.randomUUID().toString().substring(0, 8) + "@example.org", next = address();
        try (SmtpConnection connection = new SmtpConnection(server)) {
            connection.send(mailTo(address()));

            assertThatThrownBy(() -> connection.send(mailTo(refused)))
                    .isInstanceOf(MessagingException.class)
                    .satisfies(e -> assertThat(SmtpFailures.permanent((Exception) e)).as("refused for good").isTrue())
                    .satisfies(e -> assertThat(SmtpFailures.describe((Exception) e)).contains("550"));
            connection.send(mailTo(next));
        }

        assertThat(Smtp.to(refused)).isEmpty();
        assertThat(Smtp.to(next)).hasSize(1);
    }

    private static JavaMailSenderImpl server() {
        JavaMailSenderImpl server = new JavaMailSenderImpl();
        server.setHost("127.0.0.1");
        server.setPort(Smtp.PORT);
        return server;
    }

    private MimeMessage mailTo(String recipient) throws MessagingException {
        MimeMessage message = server.createMimeMessage();
        message.setFrom(new InternetAddress("no-reply@seatbooking.dev"));
        message.setRecipient(MimeMessage.RecipientType.TO, new InternetAddress(recipient));
        message.setSubject("Test");
        message.setText("Hello");
        return message;
    }

    private static String address() {
        return "c-" + UUID.randomUUID().toString().substring(0, 8) + "@example.org";
    }
}

package dev.seatbooking.notifications.mail;

import dev.seatbooking.notifications.NotificationsProperties;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

class BackoffTest {

    // the sender's collaborators are not needed to compute a backoff

    private final MailDelivery delivery = new MailDelivery(null, null, null, null, new NotificationsProperties(
            "from@example.org", "http://localhost:8080",
            new NotificationsProperties.Sender(Duration.ofSeconds(1), 50, Duration.ofSeconds(2),
                    Duration.ofMinutes(10), 150), null, Duration.ofDays(30),
            new NotificationsProperties.RecipientLimits(10, 30)), null);

    @Test
    void the_wait_doubles_after_each_failure_up_to_the_maximum() {
        assertThat(delivery.backoff(0)).isEqualTo(Duration.ofSeconds(2));
        assertThat(delivery.backoff(1)).isEqualTo(Duration.ofSeconds(4));
        assertThat(delivery.backoff(5)).isEqualTo(Duration.ofSeconds(64));
        assertThat(delivery.backoff(9)).isEqualTo(Duration.ofMinutes(10));
        assertThat(delivery.backoff(1000)).isEqualTo(Duration.ofMinutes(10));
    }
}

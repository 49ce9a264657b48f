package dev.seatbooking.notifications;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * Notifications: emails to registrants from the platform's events (ADR 16). The consumer writes one mail per event
 * into the {@code mails} table in its inbox transaction; the sender sends what is due over SMTP and retries a failing
 * server with exponential backoff, mail by mail.
 */
@SpringBootApplication
@EnableScheduling
@ConfigurationPropertiesScan
public class NotificationsApplication {

    public static void main(String[] args) {
        SpringApplication.run(NotificationsApplication.class, args);
    }
}

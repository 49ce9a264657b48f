package dev.seatbooking.conference;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;

import java.time.Clock;

/**
 * Conference Management: owners create and publish conferences and their seat types (JPA CRUD); every change
 * the other contexts need is written to the outbox in the same transaction and sent to {@code conference.events};
 * orders and attendees are kept from {@code registration.events} for the owners' lists.
 */
@SpringBootApplication
public class ConferenceManagementApplication {

    public static void main(String[] args) {
        SpringApplication.run(ConferenceManagementApplication.class, args);
    }

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }
}

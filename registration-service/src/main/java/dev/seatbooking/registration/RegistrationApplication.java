package dev.seatbooking.registration;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.annotation.Bean;

import java.time.Clock;

/**
 * Orders and Registrations: registrants place orders through the REST API ({@code api}); the Order, SeatsAvailability
 * and SeatAssignments aggregates live in the event store; the RegistrationProcessManager coordinates them with
 * payments over Kafka ({@code messaging}); the seat types Conference Management published are kept in
 * {@code conference}.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class RegistrationApplication {

    /**
     * The one clock of the service's decisions and messages (holds, expiries, the time-to-live of a reservation, the
     * time of the envelopes it sends): tests replace it with one they move.
     */
    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }

    public static void main(String[] args) {
        SpringApplication.run(RegistrationApplication.class, args);
    }
}

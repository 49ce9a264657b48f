package dev.seatbooking.registration;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/**
 * Orders and Registrations: registrants place orders through the REST API ({@code api}); the Order, SeatsAvailability
 * and SeatAssignments aggregates live in the event store; the RegistrationProcessManager coordinates them with
 * payments over Kafka ({@code messaging}); the seat types Conference Management published are kept in
 * {@code conference}.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class RegistrationApplication {

    public static void main(String[] args) {
        SpringApplication.run(RegistrationApplication.class, args);
    }
}

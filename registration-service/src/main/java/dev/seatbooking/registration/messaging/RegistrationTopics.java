package dev.seatbooking.registration.messaging;

import dev.seatbooking.contracts.Topics;
import dev.seatbooking.registration.RegistrationProperties;
import org.springframework.stereotype.Component;

import java.util.List;

/**
 * The topics and consumer groups of this service: the names in {@link Topics}, behind the configured
 * {@code registration.messaging.topic-prefix} (empty in production).
 */
@Component
public class RegistrationTopics {

    private final String prefix;

    public RegistrationTopics(RegistrationProperties properties) {
        this.prefix = properties.messaging().topicPrefix();
    }

    public String conferenceEvents() {
        return prefix + Topics.CONFERENCE_EVENTS;
    }

    public String registrationEvents() {
        return prefix + Topics.REGISTRATION_EVENTS;
    }

    public String paymentsEvents() {
        return prefix + Topics.PAYMENTS_EVENTS;
    }

    public String seatsAvailabilityCommands() {
        return prefix + Topics.SEATS_AVAILABILITY_COMMANDS;
    }

    public String processCommands() {
        return prefix + Topics.REGISTRATION_PROCESS_COMMANDS;
    }

    /** Event topics keep their history (a read model rebuilds from offset 0). */
    public List<String> eventTopics() {
        return List.of(conferenceEvents(), registrationEvents(), paymentsEvents());
    }

    public List<String> commandTopics() {
        return List.of(seatsAvailabilityCommands(), processCommands());
    }

    /** A consumer's name (its inbox name and Kafka consumer group): stable, so a restart resumes where it was. */
    public String consumer(String role) {
        return prefix + "registration-" + role;
    }
}

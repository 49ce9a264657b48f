package dev.seatbooking.registration.messaging;

import dev.seatbooking.contracts.Envelope;
import dev.seatbooking.contracts.codec.MessageCodec;
import dev.seatbooking.contracts.registration.RegistrationProcessCommand;
import dev.seatbooking.contracts.registration.SeatsAvailabilityCommand;
import dev.seatbooking.contracts.registration.WaitlistContactEvent;
import dev.seatbooking.eventsourcing.contracts.ContractsMessaging;
import dev.seatbooking.eventsourcing.outbox.OutgoingMessage;
import dev.seatbooking.eventsourcing.outbox.OutgoingMessages;
import org.springframework.stereotype.Component;

import java.time.Instant;

/**
 * Where each command sent over Kafka goes: SeatsAvailability commands to their topic keyed by conference id (one
 * partition owner is the single writer of a conference), the process's own commands (its expiry) keyed by order id.
 * Commands are enqueued in the caller's transaction and sent after it commits. (Order commands never travel: they
 * are handled in-process.)
 */
@Component
public class CommandRouting {

    private final RegistrationTopics topics;
    private final MessageCodec codec;
    private final OutgoingMessages outgoing;

    public CommandRouting(RegistrationTopics topics, MessageCodec codec, OutgoingMessages outgoing) {
        this.topics = topics;
        this.codec = codec;
        this.outgoing = outgoing;
    }

    /** The outgoing message for a command envelope (keyed by its aggregate id), due at {@code dueAt} or now if null. */
    public OutgoingMessage message(Envelope command, Instant dueAt) {
        return ContractsMessaging.outgoing(codec, topicOf(command), command, dueAt);
    }

    public void sendNow(Envelope command) {
        sendAt(command, null);
    }

    /** Enqueues the command, to be sent when due (now if {@code dueAt} is null). */
    public void sendAt(Envelope command, Instant dueAt) {
        outgoing.enqueue(message(command, dueAt));
    }

    public String topicOf(Envelope command) {
        return switch (command.payload()) {
            case SeatsAvailabilityCommand c -> topics.seatsAvailabilityCommands();
            case RegistrationProcessCommand c -> topics.processCommands();
            // not a command: who a waitlist entry belongs to, published in the join's transaction (ADR 15, 16)
            case WaitlistContactEvent e -> topics.registrationEvents();
            default -> throw new IllegalArgumentException("No topic for " + command.type());
        };
    }
}

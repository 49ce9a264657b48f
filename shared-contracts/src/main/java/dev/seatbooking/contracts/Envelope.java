package dev.seatbooking.contracts;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

/**
 * A message with what every consumer needs to route, deduplicate and trace it.
 *
 * <p>{@code type} and {@code schemaVersion} always equal the payload class's {@link MessageType} (checked here),
 * so they can be copied into Kafka headers or event-store columns and be trusted without decoding the payload.
 * A message that starts a conversation is its own correlation and causation; one sent in reaction to another
 * is made with {@link #causedBy}: same correlation id, causation id = the cause's message id.
 *
 * @param messageId        unique per message; consumers deduplicate on it
 * @param correlationId    the conversation (e.g. one registrant's order) this message is part of
 * @param causationId      the message this one reacts to
 * @param aggregateId      the aggregate the payload concerns; also the Kafka key
 * @param aggregateVersion the event's version in its stream, or {@link #UNVERSIONED} (commands)
 */
public record Envelope(UUID messageId, String type, int schemaVersion, UUID correlationId, UUID causationId,
                       Instant occurredAt, UUID aggregateId, long aggregateVersion, Message payload) {

    /** The aggregate version of a message that is not an event of a stream, such as a command. */
    public static final long UNVERSIONED = 0;

    public Envelope {
        Require.nonNull(messageId, "messageId");
        Require.nonNull(type, "type");
        Require.nonNull(correlationId, "correlationId");
        Require.nonNull(causationId, "causationId");
        Require.nonNull(occurredAt, "occurredAt");
        Require.nonNull(aggregateId, "aggregateId");
        if (aggregateVersion < 0) {
            throw new IllegalArgumentException("aggregateVersion must not be negative, was " + aggregateVersion);
        }
        Require.nonNull(payload, "payload");
        MessageType declared = MessageTypes.annotationOf(payload.getClass());
        if (!declared.name().equals(type) || declared.version() != schemaVersion) {
            throw new IllegalArgumentException("envelope says " + type + " v" + schemaVersion + " but its payload "
                    + payload.getClass().getName() + " is " + declared.name() + " v" + declared.version());
        }
    }

    /** A new message that starts a conversation, occurring now. */
    public static Envelope of(Message payload, UUID aggregateId, long aggregateVersion) {
        // Microseconds: what a PostgreSQL timestamp keeps, so the envelope survives a round trip through the store.
        return of(UUID.randomUUID(), payload, aggregateId, aggregateVersion, Instant.now().truncatedTo(ChronoUnit.MICROS));
    }

    /** A new command (or other unversioned message) that starts a conversation, occurring now. */
    public static Envelope of(Message payload, UUID aggregateId) {
        return of(payload, aggregateId, UNVERSIONED);
    }

    /** A message that starts a conversation, with every value given (deterministic ids, tests, replays). */
    public static Envelope of(UUID messageId, Message payload, UUID aggregateId, long aggregateVersion,
                              Instant occurredAt) {
        Require.nonNull(payload, "payload");
        MessageType declared = MessageTypes.annotationOf(payload.getClass());
        return new Envelope(messageId, declared.name(), declared.version(), messageId, messageId, occurredAt,
                aggregateId, aggregateVersion, payload);
    }

    /** This message as a reaction to {@code cause}: joins its conversation, and names it as the cause. */
    public Envelope causedBy(Envelope cause) {
        Require.nonNull(cause, "cause");
        return new Envelope(messageId, type, schemaVersion, cause.correlationId, cause.messageId, occurredAt,
                aggregateId, aggregateVersion, payload);
    }
}

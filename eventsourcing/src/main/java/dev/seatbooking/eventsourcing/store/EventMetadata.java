package dev.seatbooking.eventsourcing.store;

import dev.seatbooking.eventsourcing.correlation.Correlation;

import java.util.Objects;
import java.util.UUID;

/**
 * What every event of one append shares: the conversation it belongs to (correlation id), the message
 * that caused it (causation id), and who asked for it.
 */
public record EventMetadata(UUID correlationId, UUID causationId, String user) {

    public EventMetadata {
        Objects.requireNonNull(correlationId, "correlationId");
    }

    /**
     * The start of a new conversation, not caused by any earlier message. Its correlation id is the current one
     * ({@link Correlation}: the HTTP request's) when there is one, so the request and its messages share it.
     */
    public static EventMetadata newConversation(String user) {
        UUID id = Correlation.currentOrNew();
        return new EventMetadata(id, null, user);
    }

    /** Events caused by a message that belongs to the given conversation. */
    public static EventMetadata causedBy(UUID correlationId, UUID causationMessageId) {
        return new EventMetadata(correlationId, causationMessageId, null);
    }
}

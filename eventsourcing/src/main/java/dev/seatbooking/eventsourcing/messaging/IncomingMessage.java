package dev.seatbooking.eventsourcing.messaging;

import dev.seatbooking.eventsourcing.store.EventMetadata;

import java.util.UUID;

/**
 * A decoded message and what its headers say about it.
 *
 * @param messageType   the {@code message-type} header, or null
 * @param correlationId the conversation; the message's own id when the sender set none
 * @param causationId   the message that caused this one, or null
 * @param key           the record key: the id of the aggregate the message is about
 */
public record IncomingMessage<T>(UUID messageId, String messageType, UUID correlationId, UUID causationId,
                                 String key, T payload) {

    /** Metadata for the events a handler appends because of this message: same conversation, caused by it. */
    public EventMetadata metadataForConsequences() {
        return EventMetadata.causedBy(correlationId, messageId);
    }
}

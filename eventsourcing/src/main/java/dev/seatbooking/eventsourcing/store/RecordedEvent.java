package dev.seatbooking.eventsourcing.store;

import java.util.UUID;

/** A decoded event of one stream, at its version. */
public record RecordedEvent<E>(UUID streamId, int version, UUID messageId, E event, EventMetadata metadata) {

    /** This event with its append's metadata (the store fills it in for events stored without it). */
    public RecordedEvent<E> withMetadata(EventMetadata metadata) {
        return new RecordedEvent<>(streamId, version, messageId, event, metadata);
    }
}

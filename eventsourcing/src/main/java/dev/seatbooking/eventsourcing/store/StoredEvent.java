package dev.seatbooking.eventsourcing.store;

import java.time.Instant;
import java.util.UUID;

/**
 * One row of the event table, payload still as stored JSON: what readers of the whole log (the relay,
 * projections) get, so that they can pass it on without decoding what they do not need.
 */
public record StoredEvent(
        Position position,
        UUID streamId,
        String streamType,
        int version,
        String eventType,
        int schemaVersion,
        UUID messageId,
        String payloadJson,
        EventMetadata metadata,
        Instant recordedAt) {

    /** This event with its append's metadata (the store fills it in for events stored without it). */
    public StoredEvent withMetadata(EventMetadata metadata) {
        return new StoredEvent(position, streamId, streamType, version, eventType, schemaVersion, messageId, payloadJson,
                metadata, recordedAt);
    }
}

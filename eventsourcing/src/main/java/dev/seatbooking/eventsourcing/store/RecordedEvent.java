package dev.seatbooking.eventsourcing.store;

import java.util.UUID;

/** A decoded event of one stream, at its version. */
public record RecordedEvent<E>(UUID streamId, int version, UUID messageId, E event, EventMetadata metadata) {
}

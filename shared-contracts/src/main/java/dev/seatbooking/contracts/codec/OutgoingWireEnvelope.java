package dev.seatbooking.contracts.codec;

import java.time.Instant;
import java.util.UUID;

/**
 * An envelope as written: its payload serialized straight from the record (a {@code Message}), or copied in as the
 * JSON it was stored as (a {@code RawValue}), with no JSON tree in between.
 */
record OutgoingWireEnvelope(UUID messageId, String type, int schemaVersion, UUID correlationId, UUID causationId,
                            Instant occurredAt, UUID aggregateId, long aggregateVersion, Object payload) {
}

package dev.seatbooking.contracts.codec;

import dev.seatbooking.contracts.Require;

import java.time.Instant;
import java.util.UUID;

/**
 * A message as a store keeps it (an event table row): the envelope's values, and the payload still as the JSON
 * this codec wrote, at the schema version it was written in. {@link MessageCodec#encodeEnvelope(StoredEnvelope)}
 * turns it into the wire format.
 */
public record StoredEnvelope(UUID messageId, String type, int schemaVersion, UUID correlationId, UUID causationId,
                             Instant occurredAt, UUID aggregateId, long aggregateVersion, String payloadJson) {

    /** What the codec picks its way by; the rest comes from a store's non-null columns and is checked on decoding. */
    public StoredEnvelope {
        Require.nonNull(type, "type");
        Require.nonNull(payloadJson, "payloadJson");
    }
}

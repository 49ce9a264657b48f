package dev.seatbooking.contracts.codec;

import java.time.Instant;
import java.util.UUID;
import tools.jackson.databind.JsonNode;

/** The envelope as it is on the wire: the payload stays JSON until its (upcast) type is known. */
record WireEnvelope(UUID messageId, String type, int schemaVersion, UUID correlationId, UUID causationId,
                    Instant occurredAt, UUID aggregateId, long aggregateVersion, JsonNode payload) {
}

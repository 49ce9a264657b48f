package dev.seatbooking.contracts.codec;

import dev.seatbooking.contracts.Require;

/** A message as stored (e.g. the event store's event_type, schema_version and payload columns). */
public record SerializedMessage(String type, int schemaVersion, String json) {

    public SerializedMessage {
        Require.text(type, "type");
        Require.nonNull(json, "json");
    }
}

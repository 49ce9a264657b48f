package dev.seatbooking.contracts.codec;

import dev.seatbooking.contracts.Require;
import tools.jackson.databind.node.ObjectNode;

/** A message as a JSON tree, possibly of an older type or version: what upcasters read and return. */
public record JsonMessage(String type, int schemaVersion, ObjectNode json) {

    public JsonMessage {
        Require.text(type, "type");
        Require.nonNull(json, "json");
    }
}

package dev.seatbooking.eventsourcing.store;

/**
 * Turns domain events into a stable type name, a schema version and JSON, and back (upcasting old
 * versions on the way). The store itself knows no event types.
 */
public interface EventSerializer {

    Serialized serialize(Object event);

    Object deserialize(String type, int schemaVersion, String json);

    record Serialized(String type, int schemaVersion, String json) {
    }
}

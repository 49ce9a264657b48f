package dev.seatbooking.eventsourcing.support;

import dev.seatbooking.eventsourcing.store.EventSerializer;
import tools.jackson.databind.json.JsonMapper;

import java.util.HashMap;
import java.util.Map;

/** Serializes the library tests' own events by simple class name. */
public final class TestSerializer implements EventSerializer {

    private final JsonMapper json = JsonMapper.builder().build();
    private final Map<String, Class<?>> types = new HashMap<>();

    public TestSerializer() {
        for (Class<?> type : Counter.CounterEvent.class.getPermittedSubclasses()) types.put(type.getSimpleName(), type);
    }

    @Override
    public Serialized serialize(Object event) {
        return new Serialized(event.getClass().getSimpleName(), 1, json.writeValueAsString(event));
    }

    @Override
    public Object deserialize(String type, int schemaVersion, String payload) {
        Class<?> target = types.get(type);
        if (target == null) throw new IllegalArgumentException("Unknown event type " + type);
        return json.readValue(payload, target);
    }
}

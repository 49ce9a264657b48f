package dev.seatbooking.eventsourcing.aggregate;

import java.util.Objects;
import java.util.UUID;
import java.util.function.Function;

/**
 * How the store knows an aggregate: the stream type written beside its events, the root of its
 * (sealed) event type, and how to make an empty instance before its first event.
 */
public record AggregateType<A extends Aggregate<E>, E>(String streamType, Class<E> eventType,
                                                       Function<UUID, A> factory) {

    public AggregateType {
        Objects.requireNonNull(streamType, "streamType");
        Objects.requireNonNull(eventType, "eventType");
        Objects.requireNonNull(factory, "factory");
    }

    E cast(UUID streamId, int version, Object event) {
        if (!eventType.isInstance(event)) {
            throw new StreamOfAnotherTypeException(streamId, "Stream " + streamId + " (" + streamType + ") holds at version "
                    + version + " a " + event.getClass().getName() + ", not a " + eventType.getName());
        }
        return eventType.cast(event);
    }
}

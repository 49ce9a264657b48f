package dev.seatbooking.eventsourcing.aggregate;

import java.util.UUID;

/**
 * A stream was loaded as one aggregate type and holds another's events: every aggregate of a service shares one
 * stream-id space, so an id that a client chose (an order's) may name a stream of another type (a conference's).
 */
public class StreamOfAnotherTypeException extends IllegalStateException {

    private final UUID streamId;

    public StreamOfAnotherTypeException(UUID streamId, String message) {
        super(message);
        this.streamId = streamId;
    }

    public UUID streamId() {
        return streamId;
    }
}

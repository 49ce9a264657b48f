package dev.seatbooking.eventsourcing.store;

import java.util.UUID;

/**
 * Another writer appended to the stream since the caller read it. Nothing was written; the caller may
 * load the stream again and decide anew.
 */
public final class ConcurrencyException extends RuntimeException {

    private final UUID streamId;
    private final int expectedVersion;

    public ConcurrencyException(UUID streamId, int expectedVersion) {
        super("Stream " + streamId + " is no longer at version " + expectedVersion + ": another writer appended first");
        this.streamId = streamId;
        this.expectedVersion = expectedVersion;
    }

    public UUID streamId() {
        return streamId;
    }

    public int expectedVersion() {
        return expectedVersion;
    }
}

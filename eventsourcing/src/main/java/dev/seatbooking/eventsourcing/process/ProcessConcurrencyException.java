package dev.seatbooking.eventsourcing.process;

import java.util.UUID;

/**
 * Another handler saved the process since the caller loaded it (or created it first). Nothing was saved
 * or enqueued; the caller may load the process again and handle its message anew. The process-manager
 * counterpart of {@link dev.seatbooking.eventsourcing.store.ConcurrencyException}.
 */
public final class ProcessConcurrencyException extends RuntimeException {

    private final UUID processId;
    private final int expectedVersion;

    public ProcessConcurrencyException(UUID processId, int expectedVersion) {
        super("Process " + processId + " is no longer at version " + expectedVersion + ": another handler saved it first");
        this.processId = processId;
        this.expectedVersion = expectedVersion;
    }

    public UUID processId() {
        return processId;
    }

    public int expectedVersion() {
        return expectedVersion;
    }
}

package dev.seatbooking.eventsourcing.aggregate;

import java.util.UUID;

/**
 * How an aggregate's state becomes a snapshot (a plain record, stored as JSON) and back.
 * Snapshots are a cache: one written with another {@link #schemaVersion()}, or that no longer reads, is
 * ignored and the stream is replayed from its first event instead.
 */
public interface Snapshotting<A, S> {

    Class<S> snapshotType();

    /** Raise it whenever {@code S} or its meaning changes. */
    int schemaVersion();

    S take(A aggregate);

    A restore(UUID id, S snapshot);

    /**
     * About how many events' worth of work a snapshot of the aggregate is to write (e.g. the entries of its largest
     * collection). The repository snapshots an aggregate that large no more often than every that many events, so
     * that an aggregate which grows (a conference's open reservations) costs O(1) per event to snapshot, not O(size).
     * 0, the default: the repository's fixed interval alone decides.
     */
    default int size(A aggregate) {
        return 0;
    }
}

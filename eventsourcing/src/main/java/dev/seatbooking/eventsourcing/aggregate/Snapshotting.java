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
}

package dev.seatbooking.eventsourcing.aggregate;

import dev.seatbooking.eventsourcing.store.AppendResult;
import dev.seatbooking.eventsourcing.store.ConcurrencyException;
import dev.seatbooking.eventsourcing.store.EventMetadata;
import dev.seatbooking.eventsourcing.store.PostgresEventStore;
import dev.seatbooking.eventsourcing.store.RecordedEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;

/**
 * Loads aggregates of one type from their latest snapshot plus the events after it, and saves the events
 * their decisions return, taking a snapshot whenever the stream crosses a multiple of the snapshot interval:
 * {@code snapshotEvery} events, doubled as often as needed to be at least the aggregate's
 * {@linkplain Snapshotting#size size}. (Doubling keeps the multiples of a longer interval among those of the
 * shorter one, so a growing aggregate moves smoothly to rarer snapshots; and writing a snapshot of size n at
 * most every n events keeps the cost per event constant, while a load replays fewer events than the snapshot
 * holds.)
 */
public final class AggregateRepository<A extends Aggregate<E>, E> {

    private static final Logger log = LoggerFactory.getLogger(AggregateRepository.class);

    private final PostgresEventStore store;
    private final AggregateType<A, E> type;
    private final SnapshotStore snapshots;
    private final Snapshotting<A, Object> snapshotting;
    private final int snapshotEvery;
    private final JsonMapper json = JsonMapper.builder().build();

    /** A repository that never takes snapshots. */
    public AggregateRepository(PostgresEventStore store, AggregateType<A, E> type) {
        this(store, type, null, null, Integer.MAX_VALUE);
    }

    @SuppressWarnings("unchecked")
    public AggregateRepository(PostgresEventStore store, AggregateType<A, E> type, SnapshotStore snapshots,
                               Snapshotting<A, ?> snapshotting, int snapshotEvery) {
        if (snapshotEvery < 1) throw new IllegalArgumentException("snapshotEvery must be at least 1");
        this.store = Objects.requireNonNull(store);
        this.type = Objects.requireNonNull(type);
        this.snapshots = snapshots;
        this.snapshotting = (Snapshotting<A, Object>) snapshotting;
        this.snapshotEvery = snapshotEvery;
    }

    /** The aggregate as its stream has it, or empty when the stream has no events. */
    public Optional<Versioned<A>> find(UUID id) {
        Versioned<A> loaded = load(id);
        return loaded.isNew() ? Optional.empty() : Optional.of(loaded);
    }

    /** The aggregate as its stream has it; a fresh instance at version 0 when there are no events yet. */
    public Versioned<A> load(UUID id) {
        Versioned<A> start = fromSnapshot(id).orElseGet(() -> new Versioned<>(id, type.factory().apply(id), 0));
        A aggregate = start.aggregate();
        int version = start.version();
        for (RecordedEvent<Object> recorded : store.load(id, version)) {
            aggregate.apply(type.cast(id, recorded.version(), recorded.event()));
            version = recorded.version();
        }
        return new Versioned<>(id, aggregate, version);
    }

    /**
     * Appends what a decision on the loaded aggregate returned, then applies it to that instance.
     *
     * @throws ConcurrencyException if the stream moved on since {@code loaded} was read
     */
    public AppendResult save(Versioned<A> loaded, List<? extends E> events, EventMetadata metadata) {
        AppendResult result = store.append(loaded.id(), type.streamType(), loaded.version(), events, metadata);
        events.forEach(loaded.aggregate()::apply);
        if (snapshotDue(loaded.aggregate(), loaded.version(), result.version())) {
            takeSnapshot(loaded.id(), loaded.aggregate(), result.version());
        }
        return result;
    }

    /** Loads, decides and saves in one go. A conflict is not retried here: see {@link ConcurrencyException}. */
    public AppendResult update(UUID id, Function<A, List<? extends E>> decision, EventMetadata metadata) {
        Versioned<A> loaded = load(id);
        return save(loaded, decision.apply(loaded.aggregate()), metadata);
    }

    private boolean snapshotDue(A aggregate, int before, int after) {
        if (snapshotting == null) return false;
        long interval = snapshotEvery;
        int size = snapshotting.size(aggregate);
        while (interval < size) interval *= 2;
        return after / interval > before / interval;
    }

    private void takeSnapshot(UUID id, A aggregate, int version) {
        String payload = json.writeValueAsString(snapshotting.take(aggregate));
        snapshots.save(id, type.streamType(), version, snapshotting.schemaVersion(), payload);
    }

    private Optional<Versioned<A>> fromSnapshot(UUID id) {
        if (snapshotting == null) return Optional.empty();
        return snapshots.load(id)
                .filter(s -> s.schemaVersion() == snapshotting.schemaVersion())
                .flatMap(s -> restore(id, s));
    }

    private Optional<Versioned<A>> restore(UUID id, SnapshotStore.StoredSnapshot stored) {
        try {
            Object snapshot = json.readValue(stored.json(), snapshotting.snapshotType());
            return Optional.of(new Versioned<>(id, snapshotting.restore(id, snapshot), stored.version()));
        } catch (JacksonException unreadable) {
            log.warn("Ignoring unreadable snapshot of {} {} at version {}: {}",
                    type.streamType(), id, stored.version(), unreadable.getOriginalMessage());
            return Optional.empty();
        }
    }
}

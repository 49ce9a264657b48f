package dev.seatbooking.eventsourcing.support;

import dev.seatbooking.eventsourcing.aggregate.Aggregate;
import dev.seatbooking.eventsourcing.aggregate.Snapshotting;

import java.util.List;
import java.util.UUID;

/** A tiny aggregate for the library's own tests: a counter that may not go above its limit. */
public final class Counter implements Aggregate<Counter.CounterEvent> {

    public sealed interface CounterEvent {
        record Limited(int limit) implements CounterEvent {
        }

        record Incremented(int by) implements CounterEvent {
        }
    }

    public record Snapshot(int value, int limit, int applied) {
    }

    public static final class OverLimit extends RuntimeException {
        OverLimit(int value, int limit) {
            super("Counter at " + value + " cannot pass its limit of " + limit);
        }
    }

    private int value;
    private int limit = Integer.MAX_VALUE;
    private int applied;

    public Counter(UUID id) {
    }

    public List<CounterEvent> increment(int by) {
        if (by <= 0) return List.of();
        if (value + by > limit) throw new OverLimit(value, limit);
        return List.of(new CounterEvent.Incremented(by));
    }

    @Override
    public void apply(CounterEvent event) {
        applied++;
        switch (event) {
            case CounterEvent.Limited e -> limit = e.limit();
            case CounterEvent.Incremented e -> value += e.by();
        }
    }

    public int value() {
        return value;
    }

    /** How many events were applied to this instance (replayed or new): shows whether a snapshot was used. */
    public int applied() {
        return applied;
    }

    public static final Snapshotting<Counter, Snapshot> SNAPSHOTS = new Snapshotting<>() {
        @Override
        public Class<Snapshot> snapshotType() {
            return Snapshot.class;
        }

        @Override
        public int schemaVersion() {
            return 1;
        }

        @Override
        public Snapshot take(Counter counter) {
            return new Snapshot(counter.value, counter.limit, 0);
        }

        @Override
        public Counter restore(UUID id, Snapshot snapshot) {
            Counter counter = new Counter(id);
            counter.value = snapshot.value();
            counter.limit = snapshot.limit();
            return counter;
        }
    };
}

package dev.seatbooking.eventsourcing.aggregate;

import dev.seatbooking.eventsourcing.store.ConcurrencyException;
import dev.seatbooking.eventsourcing.store.EventMetadata;
import dev.seatbooking.eventsourcing.support.Counter;
import dev.seatbooking.eventsourcing.support.Counter.CounterEvent;
import dev.seatbooking.eventsourcing.support.Counter.CounterEvent.Incremented;
import dev.seatbooking.eventsourcing.support.Counter.CounterEvent.Limited;
import dev.seatbooking.eventsourcing.support.EventStoreDatabase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AggregateRepositoryTest {

    private static final AggregateType<Counter, CounterEvent> COUNTER =
            new AggregateType<>("counter", CounterEvent.class, Counter::new);
    private static EventStoreDatabase db;
    private static SnapshotStore snapshots;
    private final EventMetadata metadata = EventMetadata.newConversation("test");

    @BeforeAll
    static void start() {
        db = new EventStoreDatabase("aggregates", 6);
        snapshots = new SnapshotStore(db.dataSource);
    }

    @AfterAll
    static void stop() {
        db.close();
    }

    private AggregateRepository<Counter, CounterEvent> repository(int snapshotEvery) {
        return new AggregateRepository<>(db.store, COUNTER, snapshots, Counter.SNAPSHOTS, snapshotEvery);
    }

    @Test
    void a_new_stream_loads_as_a_fresh_aggregate_at_version_zero() {
        UUID id = UUID.randomUUID();
        Versioned<Counter> loaded = repository(10).load(id);
        assertThat(loaded.isNew()).isTrue();
        assertThat(loaded.aggregate().value()).isZero();
        assertThat(repository(10).find(id)).isEmpty();
    }

    @Test
    void decisions_are_saved_and_replayed() {
        var repository = repository(1000);
        UUID id = UUID.randomUUID();
        repository.update(id, c -> List.of(new Limited(10)), metadata);
        repository.update(id, c -> c.increment(4), metadata);
        repository.update(id, c -> c.increment(5), metadata);

        Versioned<Counter> loaded = repository.load(id);
        assertThat(loaded.version()).isEqualTo(3);
        assertThat(loaded.aggregate().value()).isEqualTo(9);
        assertThatThrownBy(() -> repository.update(id, c -> c.increment(2), metadata)).isInstanceOf(Counter.OverLimit.class);
        assertThat(repository.load(id).version()).isEqualTo(3);
    }

    @Test
    void a_save_from_a_stale_load_is_a_conflict() {
        var repository = repository(1000);
        UUID id = UUID.randomUUID();
        repository.update(id, c -> c.increment(1), metadata);
        Versioned<Counter> first = repository.load(id);
        Versioned<Counter> second = repository.load(id);
        repository.save(first, first.aggregate().increment(1), metadata);

        assertThatThrownBy(() -> repository.save(second, second.aggregate().increment(1), metadata))
                .isInstanceOf(ConcurrencyException.class);
        assertThat(repository.load(id).aggregate().value()).isEqualTo(2);
    }

    @Test
    void snapshots_are_taken_every_n_events_and_loading_starts_from_the_latest() {
        var repository = repository(10);
        UUID id = UUID.randomUUID();
        for (int i = 0; i < 25; i++) repository.update(id, c -> c.increment(1), metadata);

        assertThat(snapshots.load(id)).get().extracting(SnapshotStore.StoredSnapshot::version).isEqualTo(20);
        Versioned<Counter> loaded = repository.load(id);
        assertThat(loaded.version()).isEqualTo(25);
        assertThat(loaded.aggregate().value()).isEqualTo(25);
        assertThat(loaded.aggregate().applied()).as("events replayed after the snapshot").isEqualTo(5);
    }

    @Test
    void a_growing_aggregate_is_snapshotted_at_doubling_intervals_so_snapshots_cost_o1_per_event() {
        // Pretend a snapshot costs as much as the counter's value in events (a collection growing by one per event).
        Snapshotting<Counter, Counter.Snapshot> growing = new Snapshotting<>() {
            public Class<Counter.Snapshot> snapshotType() { return Counter.SNAPSHOTS.snapshotType(); }
            public int schemaVersion() { return Counter.SNAPSHOTS.schemaVersion(); }
            public Counter.Snapshot take(Counter counter) { return Counter.SNAPSHOTS.take(counter); }
            public Counter restore(UUID id, Counter.Snapshot snapshot) { return Counter.SNAPSHOTS.restore(id, snapshot); }
            public int size(Counter counter) { return counter.value(); }
        };
        var repository = new AggregateRepository<>(db.store, COUNTER, snapshots, growing, 10);
        UUID id = UUID.randomUUID();
        List<Integer> snapshotVersions = new java.util.ArrayList<>();
        for (int i = 0; i < 100; i++) {
            repository.update(id, c -> c.increment(1), metadata);
            snapshots.load(id).map(SnapshotStore.StoredSnapshot::version)
                    .filter(v -> snapshotVersions.isEmpty() || !snapshotVersions.getLast().equals(v))
                    .ifPresent(snapshotVersions::add);
        }

        assertThat(snapshotVersions).as("every 10 events while small, then every 20, 40, 80").containsExactly(10, 20, 40, 80);
        Versioned<Counter> loaded = repository.load(id);
        assertThat(loaded.aggregate().value()).isEqualTo(100);
        assertThat(loaded.aggregate().applied()).as("events replayed after the snapshot").isEqualTo(20);
    }

    @Test
    void a_batch_crossing_a_multiple_of_n_takes_a_snapshot_at_its_end() {
        var repository = repository(10);
        UUID id = UUID.randomUUID();
        repository.update(id, c -> List.of(new Incremented(1), new Incremented(1), new Incremented(1)), metadata);
        for (int i = 0; i < 3; i++) {
            repository.update(id, c -> List.of(new Incremented(1), new Incremented(1), new Incremented(1)), metadata);
        }
        assertThat(snapshots.load(id)).get().extracting(SnapshotStore.StoredSnapshot::version).isEqualTo(12);
        assertThat(repository.load(id).aggregate().value()).isEqualTo(12);
    }

    @Test
    void a_snapshot_of_another_schema_version_or_unreadable_is_ignored_and_the_stream_replayed() {
        var repository = repository(5);
        UUID id = UUID.randomUUID();
        for (int i = 0; i < 7; i++) repository.update(id, c -> c.increment(1), metadata);

        // A snapshot written by another version of the code: its schema version is not ours.
        db.jdbc.update("UPDATE snapshots SET schema_version = 99, payload = '{\"value\": 1000}' WHERE stream_id = ?", id);
        assertThat(repository.load(id).aggregate().value()).isEqualTo(7);
        assertThat(repository.load(id).aggregate().applied()).isEqualTo(7);

        db.jdbc.update("UPDATE snapshots SET schema_version = 1, payload = '{\"value\": \"not a number\"}' WHERE stream_id = ?", id);
        assertThat(repository.load(id).aggregate().value()).isEqualTo(7);
    }

    @Test
    void a_stream_holding_another_aggregates_events_fails_loudly() {
        UUID id = UUID.randomUUID();
        db.store.append(id, "counter", 0, List.of(new Incremented(1)), metadata);
        var limitedOnly = new AggregateRepository<>(db.store,
                new AggregateType<LimitOnly, Limited>("limit-only", Limited.class, LimitOnly::new));
        assertThatThrownBy(() -> limitedOnly.load(id))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining(id.toString());
    }

    static final class LimitOnly implements Aggregate<Limited> {
        LimitOnly(UUID id) {
        }

        @Override
        public void apply(Limited event) {
        }
    }
}

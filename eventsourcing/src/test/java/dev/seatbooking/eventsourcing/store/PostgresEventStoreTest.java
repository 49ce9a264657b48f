package dev.seatbooking.eventsourcing.store;

import dev.seatbooking.eventsourcing.support.Counter.CounterEvent.Incremented;
import dev.seatbooking.eventsourcing.support.Counter.CounterEvent.Limited;
import dev.seatbooking.eventsourcing.support.EventStoreDatabase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.IntFunction;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PostgresEventStoreTest {

    private static EventStoreDatabase db;
    private static PostgresEventStore store;
    private final EventMetadata metadata = EventMetadata.newConversation("test");

    @BeforeAll
    static void start() {
        db = new EventStoreDatabase("event_store", 20);
        store = db.store;
    }

    @AfterAll
    static void stop() {
        db.close();
    }

    @Test
    void appended_events_load_back_in_order_with_their_metadata() {
        UUID stream = UUID.randomUUID();
        AppendResult first = store.append(stream, "counter", 0, List.of(new Limited(10)), metadata);
        AppendResult second = store.append(stream, "counter", 1, List.of(new Incremented(2), new Incremented(3)), metadata);

        assertThat(first.version()).isEqualTo(1);
        assertThat(second.version()).isEqualTo(3);
        List<RecordedEvent<Object>> loaded = store.load(stream);
        assertThat(loaded).extracting(RecordedEvent::event)
                .containsExactly(new Limited(10), new Incremented(2), new Incremented(3));
        assertThat(loaded).extracting(RecordedEvent::version).containsExactly(1, 2, 3);
        assertThat(loaded).allSatisfy(e -> assertThat(e.metadata()).isEqualTo(metadata));
        assertThat(loaded).extracting(RecordedEvent::messageId).doesNotHaveDuplicates();
        assertThat(store.load(stream, 2)).extracting(RecordedEvent::event).containsExactly(new Incremented(3));
        assertThat(store.currentVersion(stream)).isEqualTo(3);
    }

    @Test
    void an_append_behind_the_stream_is_a_conflict_and_writes_nothing() {
        UUID stream = UUID.randomUUID();
        store.append(stream, "counter", 0, List.of(new Incremented(1), new Incremented(1)), metadata);

        assertThatThrownBy(() -> store.append(stream, "counter", 1, List.of(new Incremented(5), new Incremented(6)), metadata))
                .isInstanceOf(ConcurrencyException.class)
                .hasMessageContaining(stream.toString())
                .satisfies(e -> assertThat(((ConcurrencyException) e).expectedVersion()).isEqualTo(1));
        assertThat(store.currentVersion(stream)).isEqualTo(2);
    }

    @Test
    void an_append_ahead_of_the_stream_is_a_conflict_too_so_versions_never_have_holes() {
        UUID stream = UUID.randomUUID();
        store.append(stream, "counter", 0, List.of(new Incremented(1)), metadata);

        assertThatThrownBy(() -> store.append(stream, "counter", 5, List.of(new Incremented(1)), metadata))
                .isInstanceOf(ConcurrencyException.class);
        assertThatThrownBy(() -> store.append(UUID.randomUUID(), "counter", 3, List.of(new Incremented(1)), metadata))
                .isInstanceOf(ConcurrencyException.class);
        assertThat(store.load(stream)).hasSize(1);
    }

    @Test
    void of_many_concurrent_writers_expecting_the_same_version_exactly_one_wins() throws Exception {
        UUID stream = UUID.randomUUID();
        store.append(stream, "counter", 0, List.of(new Limited(100)), metadata);

        assertThat(winnersOfRace(stream, 1, by -> List.of(new Incremented(by), new Incremented(by)))).isEqualTo(1);

        List<RecordedEvent<Object>> loaded = store.load(stream);
        assertThat(loaded).extracting(RecordedEvent::version).containsExactly(1, 2, 3);
        assertThat(loaded.get(1).event()).isEqualTo(loaded.get(2).event()); // both from the one winner
    }

    @Test
    void of_many_concurrent_writers_starting_the_same_stream_with_one_event_exactly_one_wins() throws Exception {
        UUID stream = UUID.randomUUID(); // a single event to a new stream takes the store's plain INSERT

        assertThat(winnersOfRace(stream, 0, by -> List.of(new Incremented(by)))).isEqualTo(1);

        assertThat(store.load(stream)).extracting(RecordedEvent::version).containsExactly(1);
    }

    /** Twelve writers append at once, each at {@code expected}; returns how many succeeded. */
    private long winnersOfRace(UUID stream, int expected, IntFunction<List<?>> eventsOfWriter) throws Exception {
        int writers = 12;
        CountDownLatch go = new CountDownLatch(1);
        List<Callable<Boolean>> attempts = new ArrayList<>();
        for (int i = 0; i < writers; i++) {
            List<?> events = eventsOfWriter.apply(i + 1);
            attempts.add(() -> {
                go.await();
                try {
                    store.append(stream, "counter", expected, events, metadata);
                    return true;
                } catch (ConcurrencyException lost) {
                    return false;
                }
            });
        }
        ExecutorService pool = Executors.newFixedThreadPool(writers);
        try {
            List<Future<Boolean>> results = attempts.stream().map(pool::submit).toList();
            go.countDown();
            long winners = 0;
            for (Future<Boolean> r : results) if (r.get()) winners++;
            return winners;
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void read_all_returns_committed_events_after_a_position_in_commit_order() {
        Position start = lastPosition();
        UUID a = UUID.randomUUID();
        UUID b = UUID.randomUUID();
        store.append(a, "counter", 0, List.of(new Incremented(1)), metadata);
        store.append(b, "counter", 0, List.of(new Incremented(2), new Incremented(3)), metadata);

        List<StoredEvent> read = store.readAll(start, 100);
        assertThat(read).extracting(StoredEvent::streamId).containsExactly(a, b, b);
        assertThat(read).extracting(StoredEvent::eventType).containsOnly("Incremented");
        assertThat(read.get(1).payloadJson()).contains("\"by\"");
        assertThat(read).extracting(StoredEvent::position).isSorted();
        assertThat(store.readAll(read.getFirst().position(), 1)).extracting(StoredEvent::streamId).containsExactly(b);
        assertThat(store.decode(read.get(2))).isEqualTo(new Incremented(3));
    }

    @Test
    void read_all_holds_back_a_later_event_while_an_earlier_transaction_is_still_open() throws Exception {
        Position start = lastPosition();
        UUID early = UUID.randomUUID();
        UUID late = UUID.randomUUID();
        CountDownLatch earlyInserted = new CountDownLatch(1);
        CountDownLatch mayCommit = new CountDownLatch(1);
        Thread slowWriter = Thread.ofPlatform().start(() -> db.transactions.executeWithoutResult(tx -> {
            store.append(early, "counter", 0, List.of(new Incremented(1)), metadata); // takes its position first
            earlyInserted.countDown();
            await(mayCommit);
        }));
        earlyInserted.await();
        store.append(late, "counter", 0, List.of(new Incremented(2)), metadata); // commits first

        // A reader going by global_position alone would return `late` now and later skip `early`.
        assertThat(store.readAll(start, 100)).isEmpty();

        mayCommit.countDown();
        slowWriter.join();
        List<StoredEvent> read = store.readAll(start, 100);
        assertThat(read).extracting(StoredEvent::streamId).containsExactly(early, late);
    }

    @Test
    void a_rolled_back_append_leaves_no_trace_and_does_not_block_readers() {
        Position start = lastPosition();
        UUID stream = UUID.randomUUID();
        assertThatThrownBy(() -> db.transactions.executeWithoutResult(tx -> {
            store.append(stream, "counter", 0, List.of(new Incremented(1)), metadata);
            throw new IllegalStateException("handler failed after appending");
        })).isInstanceOf(IllegalStateException.class);
        UUID after = UUID.randomUUID();
        store.append(after, "counter", 0, List.of(new Incremented(1)), metadata);

        assertThat(store.load(stream)).isEmpty();
        assertThat(store.readAll(start, 100)).extracting(StoredEvent::streamId).containsExactly(after);
    }

    @Test
    void an_append_stores_its_metadata_once_and_every_event_reads_it_back_wherever_a_read_starts() {
        Position start = lastPosition();
        UUID stream = UUID.randomUUID();
        EventMetadata other = EventMetadata.newConversation("someone else");
        store.append(stream, "counter", 0, List.of(new Incremented(1), new Incremented(2), new Incremented(3)), metadata);
        store.append(stream, "counter", 3, List.of(new Incremented(4), new Incremented(5)), other);
        List<EventMetadata> expected = List.of(metadata, metadata, metadata, other, other);

        assertThat(db.jdbc.queryForList("SELECT version FROM events WHERE stream_id = ? AND correlation_id IS NOT NULL"
                + " ORDER BY version", Integer.class, stream)).as("stored on each append's first event").containsExactly(1, 4);
        for (int after = 0; after < 5; after++) {
            assertThat(store.load(stream, after)).extracting(RecordedEvent::metadata).as("load after version " + after)
                    .containsExactlyElementsOf(expected.subList(after, 5));
        }
        for (int page = 1; page <= 5; page++) {
            assertThat(readAllFrom(start, page)).extracting(StoredEvent::metadata).as("pages of " + page)
                    .containsExactlyElementsOf(expected);
        }
        // In a transaction the metadata is looked up on the transaction's connection.
        List<StoredEvent> pagesInTransaction = db.transactions.execute(tx -> readAllFrom(start, 1));
        assertThat(pagesInTransaction).extracting(StoredEvent::metadata).containsExactlyElementsOf(expected);
        List<RecordedEvent<Object>> loadInTransaction = db.transactions.execute(tx -> store.load(stream, 2));
        assertThat(loadInTransaction).extracting(RecordedEvent::metadata).containsExactlyElementsOf(expected.subList(2, 5));
    }

    @Test
    void events_stored_before_metadata_was_kept_once_per_append_read_as_they_were() {
        UUID stream = UUID.randomUUID();
        EventMetadata other = EventMetadata.newConversation("someone else");
        store.append(stream, "counter", 0, List.of(new Incremented(1), new Incremented(2), new Incremented(3)), metadata);
        // As every append wrote them before V6: each event with its metadata, here a different one from the third on.
        storeOnEvent(stream, 2, metadata);
        storeOnEvent(stream, 3, other);

        assertThat(store.load(stream)).extracting(RecordedEvent::metadata).containsExactly(metadata, metadata, other);
        assertThat(store.load(stream, 2)).extracting(RecordedEvent::metadata).containsExactly(other);
    }

    @Test
    void metadata_without_a_cause_or_a_user_reads_back_as_it_was_written_and_so_does_a_full_one() {
        UUID alone = UUID.randomUUID(), many = UUID.randomUUID(), full = UUID.randomUUID();
        EventMetadata bare = new EventMetadata(UUID.randomUUID(), null, null);
        EventMetadata caused = new EventMetadata(UUID.randomUUID(), UUID.randomUUID(), "payments-api");
        Position start = lastPosition();
        store.append(alone, "counter", 0, List.of(new Incremented(1)), bare);
        store.append(alone, "counter", 1, List.of(new Incremented(2)), bare);
        store.append(many, "counter", 0, List.of(new Incremented(1), new Incremented(2)), bare);
        store.append(full, "counter", 0, List.of(new Incremented(1)), caused);
        store.append(full, "counter", 1, List.of(new Incremented(2), new Incremented(3)), caused);

        assertThat(store.load(alone)).extracting(RecordedEvent::metadata).containsOnly(bare);
        assertThat(store.load(many)).extracting(RecordedEvent::metadata).containsOnly(bare);
        assertThat(store.load(full)).extracting(RecordedEvent::metadata).containsOnly(caused);
        assertThat(readAllFrom(start, 2)).extracting(StoredEvent::metadata)
                .containsExactly(bare, bare, bare, bare, caused, caused, caused);
    }

    /** Writes metadata on one stored event, as appends did on each of theirs before V6. */
    private static void storeOnEvent(UUID stream, int version, EventMetadata metadata) {
        db.jdbc.update("UPDATE events SET correlation_id = ?, causation_id = ?, requested_by = ? WHERE stream_id = ? AND version = ?",
                metadata.correlationId(), metadata.causationId(), metadata.user(), stream, version);
    }

    /** This test's events, read from {@code start} in pages of {@code size}. */
    private static List<StoredEvent> readAllFrom(Position start, int size) {
        List<StoredEvent> read = new ArrayList<>();
        for (List<StoredEvent> page = store.readAll(start, size); !page.isEmpty();
             page = store.readAll(page.getLast().position(), size)) {
            read.addAll(page);
        }
        return read;
    }

    private static Position lastPosition() {
        Position last = Position.START;
        for (List<StoredEvent> batch = store.readAll(last, 1000); !batch.isEmpty(); batch = store.readAll(last, 1000)) {
            last = batch.getLast().position();
        }
        return last;
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}

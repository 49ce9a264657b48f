package dev.seatbooking.eventsourcing.store;

import dev.seatbooking.eventsourcing.support.Counter.CounterEvent.Incremented;
import dev.seatbooking.eventsourcing.support.EventStoreDatabase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The gap problem: positions are taken when rows are inserted, but transactions commit in another order.
 * Many writers commit with random delays inside their transactions while a reader follows readAll; the
 * reader must see every event exactly once, and its positions must only ever grow (it never moved past
 * an event that committed later).
 */
class ReadAllUnderConcurrentWritersTest {

    private static final int WRITERS = 8;
    private static final int TRANSACTIONS_PER_WRITER = 120;

    private static EventStoreDatabase db;

    @BeforeAll
    static void start() {
        db = new EventStoreDatabase("read_all_gaps", WRITERS + 4);
    }

    @AfterAll
    static void stop() {
        db.close();
    }

    @Test
    void a_reader_following_read_all_sees_every_event_exactly_once_in_growing_position_order() throws Exception {
        AtomicInteger written = new AtomicInteger();
        AtomicBoolean writing = new AtomicBoolean(true);
        List<StoredEvent> seen = Collections.synchronizedList(new ArrayList<>());
        Thread reader = Thread.ofPlatform().name("follower").start(() -> follow(seen, writing, written));
        Set<UUID> naivelySeen = Collections.synchronizedSet(new HashSet<>());
        Thread naive = Thread.ofPlatform().name("naive-follower").start(() -> followNaively(naivelySeen, writing));

        List<Thread> writers = new ArrayList<>();
        for (int w = 0; w < WRITERS; w++) writers.add(Thread.ofPlatform().name("writer-" + w).start(() -> write(written)));
        for (Thread t : writers) t.join();
        writing.set(false);

        await().atMost(Duration.ofSeconds(60)).until(() -> seen.size() >= written.get());
        reader.join(Duration.ofSeconds(10));
        naive.join(Duration.ofSeconds(10));

        List<StoredEvent> snapshot = List.copyOf(seen);
        assertThat(snapshot).hasSize(written.get());
        assertThat(snapshot).extracting(StoredEvent::messageId).doesNotHaveDuplicates();
        for (int i = 1; i < snapshot.size(); i++) {
            assertThat(snapshot.get(i).position().isAfter(snapshot.get(i - 1).position()))
                    .as("position %d after position %d", i, i - 1).isTrue();
        }
        Set<UUID> inTable = new HashSet<>(db.jdbc.queryForList("SELECT message_id FROM events", UUID.class));
        assertThat(snapshot).extracting(StoredEvent::messageId).containsExactlyInAnyOrderElementsOf(inTable);
        // The load really did commit out of order: a reader going by global_position alone lost events.
        assertThat(naivelySeen.size()).as("events seen by a global_position-only reader").isLessThan(inTable.size());
    }

    /** Each writer owns its streams, so conflicts never hide events; the jitter reorders commits. */
    private static void write(AtomicInteger written) {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        UUID[] streams = {UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID()};
        int[] versions = new int[streams.length];
        EventMetadata metadata = EventMetadata.newConversation("writer");
        for (int i = 0; i < TRANSACTIONS_PER_WRITER; i++) {
            int s = random.nextInt(streams.length);
            int count = 1 + random.nextInt(3);
            List<Incremented> events = new ArrayList<>();
            for (int e = 0; e < count; e++) events.add(new Incremented(1));
            double delaySeconds = random.nextDouble(0.008);
            db.transactions.executeWithoutResult(tx -> {
                db.store.append(streams[s], "counter", versions[s], events, metadata);
                db.jdbc.queryForList("SELECT pg_sleep(?)", delaySeconds); // hold the transaction open a while
            });
            versions[s] += count;
            written.addAndGet(count);
        }
    }

    /** The obvious reader that is wrong: it trusts global_position to grow in commit order. */
    private static void followNaively(Set<UUID> seen, AtomicBoolean writing) {
        long last = 0;
        while (writing.get()) {
            List<java.util.Map<String, Object>> rows = db.jdbc.queryForList(
                    "SELECT global_position, message_id FROM events WHERE global_position > ? ORDER BY global_position LIMIT 50", last);
            for (var row : rows) {
                seen.add((UUID) row.get("message_id"));
                last = (Long) row.get("global_position");
            }
        }
    }

    private static void follow(List<StoredEvent> seen, AtomicBoolean writing, AtomicInteger written) {
        Position last = Position.START;
        ChangeSignal changes = db.store.changes();
        try {
            while (writing.get() || seen.size() < written.get()) {
                long generation = changes.generation();
                List<StoredEvent> batch = db.store.readAll(last, 50);
                if (batch.isEmpty()) {
                    changes.awaitChange(generation, Duration.ofMillis(200));
                    continue;
                }
                seen.addAll(batch);
                last = batch.getLast().position();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}

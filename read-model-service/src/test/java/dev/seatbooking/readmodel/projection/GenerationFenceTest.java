package dev.seatbooking.readmodel.projection;

import dev.seatbooking.readmodel.projection.GenerationRepository.Status;
import dev.seatbooking.readmodel.support.ProjectionTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.PlatformTransactionManager;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.ThreadLocalRandom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The fence between a generation's batches and a change of its status, on the real database: a switch waits for the
 * serving generation's batch in flight, a batch that comes while the switch catches up waits for it and reads what it
 * committed, and a batch writes nothing to {@code projection_generations} (no row lock: a write in every batch).
 */
class GenerationFenceTest extends ProjectionTest {

    private static final Duration WAIT = Duration.ofSeconds(30);

    @Autowired
    PlatformTransactionManager transactionManager;

    /** A thread for each party (the common pool may have one thread, and each party blocks). */
    final ExecutorService threads = Executors.newCachedThreadPool();
    GenerationRepository generations;
    /** A projection of this test alone: the running instance follows only its own projections' generations. */
    Projection projection;

    @BeforeEach
    void aProjectionOfItsOwn() {
        generations = new GenerationRepository(jdbc, transactionManager);
        String name = "fence-" + ThreadLocalRandom.current().ints(8, 'a', 'z' + 1)
                .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append);
        projection = new Nothing(new ProjectionDescriptor(name, 1, Set.of(StreamType.ORDER), StreamType.ORDER));
    }

    @AfterEach
    void stopThreads() {
        threads.shutdownNow();
    }

    @Test
    void a_switch_waits_for_the_serving_generations_batch_in_flight_and_the_next_batch_finds_it_retired()
            throws Exception {
        Generation serving = generations.create(projection, Status.SERVING, Map.of());
        Generation building = generations.create(projection, Status.BUILDING, Map.of());

        CountDownLatch commit = new CountDownLatch(1);
        CompletableFuture<Optional<Status>> entered = new CompletableFuture<>();
        CompletableFuture<Void> batch = CompletableFuture.runAsync(() -> transactions.executeWithoutResult(tx -> {
            entered.complete(generations.statusForBatch(serving));
            awaitQuietly(commit);
        }), threads);
        assertThat(entered.get(WAIT.toSeconds(), TimeUnit.SECONDS)).contains(Status.SERVING);

        CompletableFuture<Boolean> switched = CompletableFuture.supplyAsync(
                () -> generations.switchServing(building, Duration.ofSeconds(10)), threads);
        await("the switch waits for the batch").atMost(WAIT).until(() -> locksWaiting() > 0);
        assertThat(switched).isNotDone();
        assertThat(status(serving)).isEqualTo(Status.SERVING);

        commit.countDown();
        batch.get(WAIT.toSeconds(), TimeUnit.SECONDS);
        assertThat(switched.get(WAIT.toSeconds(), TimeUnit.SECONDS)).isTrue();
        assertThat(aBatchReads(serving)).contains(Status.RETIRED);
        assertThat(aBatchReads(building)).contains(Status.SERVING);
    }

    @Test
    void a_batch_that_comes_while_the_switch_catches_up_waits_for_it_and_reads_what_it_committed() throws Exception {
        Generation serving = generations.create(projection, Status.SERVING, Map.of());
        Generation building = generations.create(projection, Status.BUILDING, Map.of());
        storeOffset(serving, 10);
        storeOffset(building, 5);

        CompletableFuture<Boolean> switched = CompletableFuture.supplyAsync(
                () -> generations.switchServing(building, WAIT), threads);
        await("the switch holds the serving generation's fence while the other catches up").atMost(WAIT)
                .until(() -> fenceHeldExclusively(serving));
        CompletableFuture<Optional<Status>> batch = CompletableFuture.supplyAsync(() -> aBatchReads(serving), threads);
        await("the batch waits for the switch").atMost(WAIT).until(() -> locksWaiting() > 0);
        assertThat(batch).isNotDone();

        storeOffset(building, 10);
        assertThat(switched.get(WAIT.toSeconds(), TimeUnit.SECONDS)).isTrue();
        assertThat(batch.get(WAIT.toSeconds(), TimeUnit.SECONDS)).contains(Status.RETIRED);
    }

    @Test
    void a_batch_leaves_no_lock_on_its_generations_row() {
        Generation serving = generations.create(projection, Status.SERVING, Map.of());

        assertThat(aBatchReads(serving)).contains(Status.SERVING);

        // A row lock would have left the batch's transaction id in the row's xmax (a write: WAL and a dirtied page).
        assertThat(jdbc.queryForObject("""
                SELECT xmax::text FROM projection_generations WHERE projection = ? AND generation = ?""",
                String.class, serving.projection(), serving.number())).isEqualTo("0");
    }

    /** The status a batch's transaction reads (committed at once). */
    private Optional<Status> aBatchReads(Generation generation) {
        return transactions.execute(tx -> generations.statusForBatch(generation));
    }

    private Status status(Generation generation) {
        return generations.all(generation.projection()).stream()
                .filter(row -> row.generation().number() == generation.number())
                .findFirst().orElseThrow().status();
    }

    private void storeOffset(Generation generation, long next) {
        new Tables(generation, jdbc).update("""
                INSERT INTO {g}.offsets (topic, partition, next_offset) VALUES ('fence-test', 0, ?)
                ON CONFLICT (topic, partition) DO UPDATE SET next_offset = excluded.next_offset""", next);
    }

    /** Sessions of this database waiting for a lock (of any kind: advisory, a row's, a transaction's). */
    private int locksWaiting() {
        return jdbc.queryForObject("""
                SELECT count(*) FROM pg_stat_activity
                WHERE datname = current_database() AND wait_event_type = 'Lock'""", Integer.class);
    }

    private boolean fenceHeldExclusively(Generation generation) {
        return Boolean.TRUE.equals(jdbc.queryForObject("""
                SELECT EXISTS (SELECT 1 FROM pg_locks
                               WHERE locktype = 'advisory' AND mode = 'ExclusiveLock' AND granted
                                 AND ((classid::bigint << 32) | objid::bigint) = hashtextextended(?, 0))""",
                Boolean.class, GenerationRepository.fenceKey(generation)));
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            if (!latch.await(WAIT.toSeconds(), TimeUnit.SECONDS)) throw new IllegalStateException("never released");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** A projection with no tables of its own and nothing to apply: the fence is the engine's. */
    private record Nothing(ProjectionDescriptor descriptor) implements Projection {
        @Override
        public List<String> ddl() {
            return List.of();
        }

        @Override
        public void apply(dev.seatbooking.contracts.Envelope event, Tables tables) {
        }
    }
}

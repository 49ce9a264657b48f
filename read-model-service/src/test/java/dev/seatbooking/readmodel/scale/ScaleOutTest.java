package dev.seatbooking.readmodel.scale;

import dev.seatbooking.contracts.Envelope;
import dev.seatbooking.readmodel.ReadModelProperties;
import dev.seatbooking.readmodel.projection.BatchApplier;
import dev.seatbooking.readmodel.projection.Generation;
import dev.seatbooking.readmodel.projection.GenerationRepository;
import dev.seatbooking.readmodel.projection.GenerationSchema;
import dev.seatbooking.readmodel.projection.Projection;
import dev.seatbooking.readmodel.projection.ProjectionRunner;
import dev.seatbooking.readmodel.projection.Tables;
import dev.seatbooking.readmodel.support.CatchUp;
import dev.seatbooking.readmodel.support.EventPublisher;
import dev.seatbooking.readmodel.support.OrderHistories;
import dev.seatbooking.readmodel.support.ProjectionHarness;
import dev.seatbooking.readmodel.support.ReadModelInstance;
import dev.seatbooking.readmodel.support.Snapshots;
import dev.seatbooking.readmodel.support.Stream;
import dev.seatbooking.testinfra.TestKafka;
import dev.seatbooking.testinfra.TestPostgres;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.utils.Utils;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import static dev.seatbooking.readmodel.support.Samples.orderPlaced;
import static dev.seatbooking.readmodel.support.Samples.seats;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Three instances of the service on one database and one broker share the projections: each generation's consumer
 * group gives each instance some partitions, the offsets kept with the rows (fenced per batch) say where each resumes.
 * Events keep coming while one instance is killed; the others take its partitions over from the stored offsets.
 * Afterwards every projection equals a rebuild of the same events from scratch, the instances together applied each
 * event exactly once, and a query sent to an instance that does not own the order's partition still reads its own
 * write: the owner's commit wakes it over PostgreSQL. A rebuild asked of one instance is the only one running across
 * them, is switched once, and both instances follow the switch.
 */
class ScaleOutTest {

    static final int ORDERS = 300;
    // The rebuild is held open while the second instance asks (holdSwitches), so the history's size does not matter.
    static final int ORDERS_TO_REBUILD = 200;
    static final int CHUNK = 200;
    static final Duration WAIT = Duration.ofSeconds(90);

    private final TestPostgres.Database database = TestPostgres.newDatabase("readmodel_scale_out");
    private final ReadModelProperties.Topics topics = new ReadModelProperties.Topics(
            TestKafka.uniqueTopic("scale.conference"), TestKafka.uniqueTopic("scale.registration"),
            TestKafka.uniqueTopic("scale.payments"));
    private final EventPublisher events = EventPublisher.shared();
    private final List<ReadModelInstance> started = new CopyOnWriteArrayList<>();

    @AfterEach
    void stop() {
        started.forEach(ReadModelInstance::close);
    }

    @Test
    void instances_share_the_projections_one_is_killed_mid_stream_and_the_model_equals_a_rebuild() throws Exception {
        OrderHistories histories = new OrderHistories();
        List<Envelope> history = new ArrayList<>(histories.conference("scale" + UUID.randomUUID().toString().substring(0, 6)));
        history.addAll(histories.orders(ORDERS));
        int third = history.size() / 3;
        events.publish(topics, history.subList(0, third)); // the topics exist, with all their partitions

        ReadModelInstance killed = start();
        ReadModelInstance second = start();
        ReadModelInstance third_ = start();
        awaitPartitionsShared(List.of(killed, second, third_));
        Map<String, ProjectionRunner> killedRunners = liveRunners(killed);

        // The rest arrives in chunks while the first instance is killed in the middle of it.
        long appliedBefore = killedRunners.get("draft-orders").eventsApplied();
        CompletableFuture<Void> publishing = CompletableFuture.runAsync(() -> {
            for (int from = third; from < history.size(); from += CHUNK) {
                events.publish(topics, history.subList(from, Math.min(history.size(), from + CHUNK)));
            }
        });
        await().atMost(WAIT).until(() -> killedRunners.get("draft-orders").eventsApplied() > appliedBefore);
        killed.kill();
        publishing.get(WAIT.toSeconds(), TimeUnit.SECONDS);

        List<ReadModelInstance> survivors = List.of(second, third_);
        awaitPartitionsShared(survivors);
        JdbcTemplate jdbc = second.bean(JdbcTemplate.class);
        for (Projection projection : second.projections().all()) {
            Generation generation = second.serving().generation(projection.name()).orElseThrow();
            await().atMost(WAIT).until(() -> CatchUp.stored(new Tables(generation, jdbc),
                    ProjectionRunner.topicsOf(projection, topics)));
        }

        Map<String, ProjectionRunner> secondRunners = liveRunners(second);
        Map<String, ProjectionRunner> thirdRunners = liveRunners(third_);
        for (Projection projection : second.projections().all()) {
            Generation generation = second.serving().generation(projection.name()).orElseThrow();
            assertThat(third_.serving().generation(projection.name())).contains(generation);
            ProjectionHarness rebuilt = rebuildFromScratch(second, projection, history);
            assertThat(Snapshots.of(jdbc, generation)).as(projection.name() + " against a rebuild from scratch")
                    .isEqualTo(Snapshots.of(jdbc, rebuilt.tables().generation()));
            assertThat(GenerationSchema.anomalyCounts(new Tables(generation, jdbc))).as(projection.name()).isEmpty();
            long appliedOnce = rebuiltApplied.get(projection.name());
            // A runner counts a batch just after its commit: the stored offsets can say "caught up" a moment before.
            // A kill that caught the killed runner's batch in its COMMIT (its runner then failed) leaves that batch in
            // doubt: committed or not, the runner never learnt which, and counted nothing. Then the instances together
            // count at most every event once, never more; otherwise exactly once.
            String name = projection.name();
            boolean inDoubt = killedRunners.get(name).failure() != null;
            await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
                long together = killedRunners.get(name).eventsApplied() + secondRunners.get(name).eventsApplied()
                        + thirdRunners.get(name).eventsApplied();
                if (inDoubt) {
                    assertThat(together).as(name + ": events applied by the three instances together, the killed "
                            + "one's last batch in doubt").isLessThanOrEqualTo(appliedOnce);
                } else {
                    assertThat(together).as(name + ": events applied by the three instances together")
                            .isEqualTo(appliedOnce);
                }
            });
        }

        aQueryReadsItsOwnWriteAppliedByAnotherInstance(second, third_);
    }

    @Test
    void only_one_rebuild_runs_across_instances_it_is_switched_once_and_both_instances_follow_it() throws SQLException {
        OrderHistories histories = new OrderHistories();
        List<Envelope> history = new ArrayList<>(histories.conference("rebuilt" + UUID.randomUUID().toString().substring(0, 6)));
        history.addAll(histories.orders(ORDERS_TO_REBUILD));
        events.publish(topics, history);
        ReadModelInstance first = start();
        ReadModelInstance second = start();
        awaitPartitionsShared(List.of(first, second));
        JdbcTemplate jdbc = first.bean(JdbcTemplate.class);
        Map<String, Generation> live = new HashMap<>();
        Map<String, Map<String, List<String>>> liveRows = new HashMap<>();
        for (Projection projection : first.projections().all()) {
            Generation generation = first.serving().generation(projection.name()).orElseThrow();
            await().atMost(WAIT).until(() -> CatchUp.stored(new Tables(generation, jdbc),
                    ProjectionRunner.topicsOf(projection, topics)));
            live.put(projection.name(), generation);
            liveRows.put(projection.name(), Snapshots.of(jdbc, generation));
        }

        try (SwitchHold held = holdSwitches(jdbc)) {
            assertThat(first.postAsOps("/api/admin/projections/rebuild").statusCode()).isEqualTo(202);
            HttpResponse<String> again = second.postAsOps("/api/admin/projections/draft-orders/rebuild");
            assertThat(again.statusCode()).as("one rebuild at a time, across instances").isEqualTo(409);
            assertThat(again.body()).contains("rebuild-in-progress");
            // Still one rebuild once the history is replayed: the rebuild ends when it switches, not before.
            await().atMost(WAIT).until(() -> first.projections().all().stream()
                    .allMatch(p -> replayed(p, List.of(first, second))));
            assertThat(second.postAsOps("/api/admin/projections/draft-orders/rebuild").statusCode()).isEqualTo(409);
        }

        for (ReadModelInstance instance : List.of(first, second)) {
            await().atMost(WAIT).until(() -> live.values().stream().allMatch(g -> instance.serving()
                    .generation(g.projection()).map(now -> now.number() == g.number() + 1).orElse(false)));
        }
        for (Projection projection : first.projections().all()) {
            Generation rebuilt = first.serving().generation(projection.name()).orElseThrow();
            assertThat(Snapshots.of(jdbc, rebuilt)).as(projection.name() + " rebuilt by two instances")
                    .isEqualTo(liveRows.get(projection.name()));
            assertThat(jdbc.queryForList("SELECT status FROM projection_generations WHERE projection = ? ORDER BY generation",
                    String.class, projection.name())).as(projection.name()).hasSize(2).last().isEqualTo("serving");
            // Each instance of the version feeds the building generation once it has noticed it (a small history
            // may be replayed before the second one joins): together they read all of it.
            assertThat(replayed(projection, List.of(first, second)))
                    .as(projection.name() + ": the instances together read all the rebuild had to replay").isTrue();
        }
    }

    /** Whether the instances together have read every record the projection's rebuild has to replay. */
    private static boolean replayed(Projection projection, List<ReadModelInstance> instances) {
        long read = 0;
        long toReplay = 0;
        for (ReadModelInstance instance : instances) {
            var status = instance.lifecycle().rebuildStatus(projection.name());
            if (status.isEmpty()) continue;
            read += status.get().recordsRead();
            toReplay = status.get().recordsToReplay();
        }
        return toReplay > 0 && read >= toReplay;
    }

    /** A transaction of the test's own, open until closed. */
    private interface SwitchHold extends AutoCloseable {
        @Override
        void close() throws SQLException;
    }

    /**
     * Holds every serving generation's fence, as a batch in flight does: a rebuild can replay its history but not
     * switch (the switch closes the serving generation's fence) until the hold is closed, so the rebuild is still
     * running whenever the test asks, however fast the machine.
     */
    private static SwitchHold holdSwitches(JdbcTemplate jdbc) throws SQLException {
        List<Generation> serving = jdbc.query(
                "SELECT projection, generation, schema_version FROM projection_generations WHERE status = 'serving'",
                (row, n) -> new Generation(row.getString(1), row.getInt(2), row.getInt(3)));
        Connection connection = Objects.requireNonNull(jdbc.getDataSource()).getConnection();
        connection.setAutoCommit(false);
        try (PreparedStatement fence = connection.prepareStatement(GenerationRepository.ENTER_FENCE)) {
            for (Generation generation : serving) {
                fence.setString(1, GenerationRepository.fenceKey(generation));
                fence.executeQuery().close();
            }
        }
        return () -> {
            try (connection) {
                connection.rollback();
            }
        };
    }

    /** The order's partition is owned by one instance; the query goes to the other, which waits for the signal. */
    private void aQueryReadsItsOwnWriteAppliedByAnotherInstance(ReadModelInstance owner, ReadModelInstance other)
            throws Exception {
        Set<Integer> owned = partitionsOf(owner, "draft-orders", topics.registrationEvents());
        Stream order = Stream.random();
        while (!owned.contains(partitionOf(order.id()))) order = Stream.random();
        UUID id = order.id();
        int waitingBefore = other.appliedVersions().waiting();
        CompletableFuture<HttpResponse<String>> answer = CompletableFuture.supplyAsync(
                () -> other.order("draft-orders", id, "Consistency-Token", id + ".1"));
        await().atMost(WAIT).until(() -> other.appliedVersions().waiting() > waitingBefore);

        events.publish(topics, List.of(order.next(orderPlaced(id, UUID.randomUUID(), seats(UUID.randomUUID(), 1)))));

        HttpResponse<String> response = answer.get(WAIT.toSeconds(), TimeUnit.SECONDS);
        assertThat(response.statusCode()).isEqualTo(200);
        // Reached, not stale: only the owner's notification could wake it (these instances never re-check on a timer).
        assertThat(response.headers().firstValue("Consistency")).contains("reached");
        assertThat(partitionsOf(other, "draft-orders", topics.registrationEvents()))
                .as("the answering instance does not own the order's partition").doesNotContain(partitionOf(id));
    }

    private final Map<String, Long> rebuiltApplied = new HashMap<>();

    /** The same events, in the order they were published, into a scratch generation: the reference. */
    private ProjectionHarness rebuildFromScratch(ReadModelInstance instance, Projection projection,
                                                List<Envelope> history) {
        ProjectionHarness harness = new ProjectionHarness(projection, instance.bean(JdbcTemplate.class),
                instance.bean(TransactionTemplate.class), instance.bean(BatchApplier.class));
        long applied = 0;
        for (int from = 0; from < history.size(); from += CHUNK) {
            applied += harness.feed(history.subList(from, Math.min(history.size(), from + CHUNK))).applied();
        }
        rebuiltApplied.put(projection.name(), applied);
        return harness;
    }

    private ReadModelInstance start() {
        // Only a signal may end a read-your-writes wait here: no re-check on a timer.
        ReadModelInstance instance = ReadModelInstance.start(database, topics, Map.of(
                "seatbooking.readmodel.consistency-wait", "30s",
                "seatbooking.readmodel.consistency-recheck", "1h"));
        started.add(instance);
        return instance;
    }

    /** Every projection's partitions are split among the instances: each feeds some, none feeds one another does. */
    private void awaitPartitionsShared(List<ReadModelInstance> instances) {
        await().atMost(WAIT).untilAsserted(() -> {
            for (Projection projection : instances.getFirst().projections().all()) {
                Set<TopicPartition> all = new HashSet<>();
                int expected = 0;
                for (String topic : ProjectionRunner.topicsOf(projection, topics)) {
                    expected += CatchUp.endOffsets(List.of(topic)).size();
                }
                for (ReadModelInstance instance : instances) {
                    Set<TopicPartition> mine = instance.lifecycle().liveRunner(projection.name()).orElseThrow()
                            .positions().keySet();
                    assertThat(mine).as(projection.name() + " partitions of an instance").isNotEmpty();
                    for (TopicPartition tp : mine) assertThat(all.add(tp)).as(tp + " fed twice").isTrue();
                }
                assertThat(all).as(projection.name()).hasSize(expected);
            }
        });
    }

    private static Map<String, ProjectionRunner> liveRunners(ReadModelInstance instance) {
        Map<String, ProjectionRunner> runners = new HashMap<>();
        for (Projection projection : instance.projections().all()) {
            runners.put(projection.name(), instance.lifecycle().liveRunner(projection.name()).orElseThrow());
        }
        return runners;
    }

    private static Set<Integer> partitionsOf(ReadModelInstance instance, String projection, String topic) {
        Set<Integer> partitions = new HashSet<>();
        for (TopicPartition tp : instance.lifecycle().liveRunner(projection).orElseThrow().positions().keySet()) {
            if (tp.topic().equals(topic)) partitions.add(tp.partition());
        }
        return partitions;
    }

    /** The producer's default partitioner, as the publisher's records (key: the stream id) meet it. */
    private static int partitionOf(UUID streamId) {
        return Utils.toPositive(Utils.murmur2(streamId.toString().getBytes(StandardCharsets.UTF_8))) % 3;
    }
}

package dev.seatbooking.readmodel.rebuild;

import dev.seatbooking.readmodel.ReadModelProperties;
import dev.seatbooking.readmodel.projection.AppliedVersions;
import dev.seatbooking.readmodel.projection.BatchApplier;
import dev.seatbooking.readmodel.projection.Generation;
import dev.seatbooking.readmodel.projection.GenerationRepository;
import dev.seatbooking.readmodel.projection.GenerationRepository.Row;
import dev.seatbooking.readmodel.projection.GenerationRepository.Status;
import dev.seatbooking.readmodel.projection.GenerationRepository.Target;
import dev.seatbooking.readmodel.projection.InstanceSignals;
import dev.seatbooking.readmodel.projection.Projection;
import dev.seatbooking.readmodel.projection.ProjectionRunner;
import dev.seatbooking.readmodel.projection.Projections;
import dev.seatbooking.readmodel.projection.RunnerListener;
import dev.seatbooking.readmodel.projection.ServingGenerations;
import dev.seatbooking.readmodel.projection.Tables;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;

import javax.sql.DataSource;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Runs the projections in this instance, beside any number of other instances on the same database (ADR 13). For
 * each projection it follows {@code projection_generations}: it serves the generation serving for its schema version
 * and feeds it, and feeds the generation being built for its schema version, if any (each generation's consumer
 * group shares its partitions among the instances feeding it). It looks again whenever an instance says the
 * generations changed, and on a timer. With nothing for its version it creates it: the very first generation serves
 * at once (it answers with what it has while it builds); if another version serves, this one's is built beside it
 * while the instances of that version keep answering and feeding theirs (a rolling deploy of a schema change), and
 * it serves once built. On demand, a rebuild of one or all projections (one at a time per projection, across
 * instances). Generations replaced by a rebuild are dropped after a grace period; a serving generation of an older
 * schema version is retired once no instance of that version runs; a newer version's never.
 */
public final class ProjectionLifecycle implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(ProjectionLifecycle.class);
    /** How long a switch waits, with the replaced generation frozen, for the new one to catch up with it. */
    private static final Duration CATCH_UP = Duration.ofSeconds(10);

    private final Projections projections;
    private final GenerationRepository generations;
    private final ServingGenerations serving;
    private final BatchApplier applier;
    private final AppliedVersions appliedVersions;
    private final JdbcTemplate jdbc;
    private final DataSource dataSource;
    private final String bootstrapServers;
    private final ReadModelProperties properties;
    private final String instanceId = UUID.randomUUID().toString().substring(0, 8);
    private final Map<Generation, ProjectionRunner> runners = new ConcurrentHashMap<>();
    private final Map<String, Rebuild> rebuilds = new ConcurrentHashMap<>();
    private volatile ScheduledExecutorService coordinator;
    private volatile InstanceSignals signals;
    private volatile boolean running;

    public ProjectionLifecycle(Projections projections, GenerationRepository generations, ServingGenerations serving,
                               BatchApplier applier, AppliedVersions appliedVersions, JdbcTemplate jdbc,
                               DataSource dataSource, String bootstrapServers, ReadModelProperties properties) {
        this.projections = projections;
        this.generations = generations;
        this.serving = serving;
        this.applier = applier;
        this.appliedVersions = appliedVersions;
        this.jdbc = jdbc;
        this.dataSource = dataSource;
        this.bootstrapServers = bootstrapServers;
        this.properties = properties;
    }

    @Override
    public synchronized void start() {
        coordinator = Executors.newSingleThreadScheduledExecutor(
                Thread.ofPlatform().name("projection-coordinator").daemon(true).factory());
        running = true;
        signals = new InstanceSignals(dataSource, instanceId, projections.all().stream()
                .map(p -> GenerationRepository.presenceKey(p.name(), p.schemaVersion())).toList(), new Signals());
        signals.start(Duration.ofSeconds(30));
        for (Projection projection : projections.all()) reconcile(projection);
        long every = properties.rebuild().checkInterval().toMillis();
        coordinator.scheduleWithFixedDelay(this::housekeeping, every, every, TimeUnit.MILLISECONDS);
    }

    @Override
    public synchronized void stop() {
        running = false;
        coordinator.shutdownNow();
        List<ProjectionRunner> all = new ArrayList<>(runners.values());
        all.forEach(ProjectionRunner::stop);
        runners.clear();
        signals.close();
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** Whether another instance listens on this database (then each batch tells it what it applied). */
    public boolean otherInstancesListening() {
        InstanceSignals s = signals;
        return s != null && s.othersListening();
    }

    /** This instance's id in the signals it sends (and in its logs). */
    public String instanceId() {
        return instanceId;
    }

    // --- following projection_generations ---

    private void housekeeping() {
        for (Projection projection : projections.all()) {
            try {
                reconcile(projection);
                dropRetired(projection);
            } catch (RuntimeException e) {
                log.warn("Checking the generations of {} failed; trying again in {}", projection.name(),
                        properties.rebuild().checkInterval(), e);
            }
        }
    }

    /** Serves and feeds what the table says this instance's schema version of {@code projection} has. */
    private synchronized void reconcile(Projection projection) {
        if (!running) return;
        List<Row> rows = generations.all(projection.name());
        Optional<Row> building = find(rows, Status.BUILDING, null);
        if (building.isPresent() && building.get().generation().schemaVersion() != projection.schemaVersion()
                && generations.retireIfNobodyRuns(building.get().generation())) {
            log.info("Abandoned {}: no instance of its schema version runs", building.get().generation());
            rows = generations.all(projection.name());
        }
        if (find(rows, Status.SERVING, projection.schemaVersion()).isEmpty()
                && find(rows, Status.BUILDING, null).isEmpty()) {
            createFor(projection, rows);
            rows = generations.all(projection.name());
        }
        Optional<Row> mine = find(rows, Status.SERVING, projection.schemaVersion());
        Rebuild rebuild = rebuilds.get(projection.name());
        if (rebuild != null && mine.isPresent() && rebuild.generation().equals(mine.get().generation())) rebuild.served();
        if (serving.serve(projection.name(), mine.map(Row::generation))) {
            appliedVersions.wakeAll(projection.name());
            mine.ifPresent(row -> log.info("{} serves in this instance ({})", row.generation(), instanceId));
        }
        Map<Generation, Row> fed = new LinkedHashMap<>();
        mine.ifPresent(row -> fed.put(row.generation(), row));
        find(rows, Status.BUILDING, projection.schemaVersion()).ifPresent(row -> fed.put(row.generation(), row));
        runners.forEach((generation, runner) -> {
            if (generation.projection().equals(projection.name())
                    && (!fed.containsKey(generation) || !runner.isRunning())) {
                runners.remove(generation);
                runner.stop();
            }
        });
        fed.values().forEach(row -> runners.computeIfAbsent(row.generation(), g -> startRunner(projection, row)));
        if (mine.isPresent()) retireOlderVersionsNobodyRuns(projection, rows);
    }

    /** Once its own version serves, an instance retires the serving generations of older versions no instance runs. */
    private void retireOlderVersionsNobodyRuns(Projection projection, List<Row> rows) {
        for (Row row : rows) {
            if (row.status() == Status.SERVING && row.generation().schemaVersion() < projection.schemaVersion()
                    && generations.retireIfNobodyRuns(row.generation())) {
                log.info("Retired {}: no instance of its schema version runs any more", row.generation());
            }
        }
    }

    private static Optional<Row> find(List<Row> rows, Status status, Integer schemaVersion) {
        return rows.stream().filter(r -> r.status() == status)
                .filter(r -> schemaVersion == null || r.generation().schemaVersion() == schemaVersion).findFirst();
    }

    /** Nothing serves or is built for this schema version: the first generation serves at once, a later one is built. */
    private void createFor(Projection projection, List<Row> rows) {
        Optional<Row> other = rows.stream().filter(r -> r.status() == Status.SERVING).findFirst();
        try {
            if (other.isEmpty()) {
                Generation first = generations.create(projection, Status.SERVING, Map.of());
                log.info("Building {} from the beginning of its topics", first);
            } else {
                startRebuild(projection, "schema version " + other.get().generation().schemaVersion() + " -> "
                        + projection.schemaVersion() + " (" + other.get().generation() + " serves the other version)");
            }
            InstanceSignals.generationsChanged(jdbc, projection.name());
        } catch (DuplicateKeyException raced) {
            log.debug("Another instance created a generation of {} first", projection.name());
        }
    }

    private ProjectionRunner startRunner(Projection projection, Row row) {
        Generation generation = row.generation();
        Tables tables = new Tables(generation, jdbc);
        RunnerListener listener = new Live(projection);
        if (row.status() == Status.BUILDING) {
            Rebuild rebuild = rebuilds.get(projection.name());
            if (rebuild == null || !rebuild.generation().equals(generation)) {
                rebuild = new Rebuild(generation, generations.targets(generation),
                        "joined (" + (row.createdAt() == null ? "" : "started " + row.createdAt()) + ")", tables,
                        this::switchTo, listener);
                rebuilds.put(projection.name(), rebuild);
            }
            listener = rebuild;
        }
        ProjectionRunner runner = new ProjectionRunner(projection, tables, applier, bootstrapServers,
                properties.topics(), properties.consumer(), row.consumerGroup(), new Fence(generation), listener);
        if (listener instanceof Rebuild rebuild) rebuild.attach(runner);
        runner.start();
        return runner;
    }

    /** Local read-your-writes signal for a serving generation's commits; a stopped runner is replaced or let go. */
    private final class Live implements RunnerListener {
        private final Projection projection;

        Live(Projection projection) {
            this.projection = projection;
        }

        @Override
        public void committed(ProjectionRunner runner, BatchApplier.Outcome outcome) {
            if (serving.isServing(runner.generation())) {
                appliedVersions.applied(projection.name(), outcome.tokenStreamVersions());
            }
        }

        @Override
        public void notFed(ProjectionRunner runner) {
            later(() -> reconcile(projection));
        }
    }

    /** In every batch's transaction: still to be fed? If serving, tell the other instances what it applied. */
    private final class Fence implements dev.seatbooking.readmodel.projection.BatchHooks {
        private final Generation generation;
        private boolean servingNow;

        Fence(Generation generation) {
            this.generation = generation;
        }

        @Override
        public void enter(Tables tables) {
            Optional<Status> status = generations.statusForBatch(generation);
            if (status.isEmpty() || (status.get() != Status.SERVING && status.get() != Status.BUILDING)) {
                throw new dev.seatbooking.readmodel.projection.GenerationNotFedException(generation,
                        status.map(s -> s.name().toLowerCase()).orElse("unknown"));
            }
            servingNow = status.get() == Status.SERVING;
        }

        @Override
        public void leave(Tables tables, BatchApplier.Outcome outcome) {
            if (servingNow && !outcome.tokenStreamVersions().isEmpty()) {
                signals.applied(jdbc, generation, outcome.tokenStreamVersions());
            }
        }
    }

    private void later(Runnable task) {
        try {
            ScheduledExecutorService c = coordinator;
            if (c != null && running) c.execute(task);
        } catch (RejectedExecutionException stopping) {
            // stopping: nothing to follow any more
        }
    }

    /** What the other instances say. */
    private final class Signals implements InstanceSignals.Receiver {
        @Override
        public void applied(Generation generation, Map<UUID, Long> versions) {
            if (serving.isServing(generation)) appliedVersions.applied(generation.projection(), versions);
        }

        @Override
        public void generationsChanged(String projection) {
            projections.find(projection).ifPresent(p -> later(() -> reconcile(p)));
        }

        @Override
        public void connected() {
            projections.all().forEach(p -> later(() -> {
                reconcile(p);
                appliedVersions.wakeAll(p.name()); // what was applied while not listening
            }));
        }
    }

    // --- rebuilds ---

    /**
     * Starts rebuilding {@code name} into a new generation (fed by every instance of this schema version).
     *
     * @throws RebuildInProgressException if it is being rebuilt already (by any instance)
     */
    public synchronized RebuildStatus rebuild(String name) {
        return rebuild(projections.get(name));
    }

    /** Starts rebuilding every projection that is not being rebuilt already. */
    public synchronized List<RebuildStatus> rebuildAll() {
        List<RebuildStatus> started = new ArrayList<>();
        for (Projection projection : projections.all()) {
            Rebuild current = rebuilds.get(projection.name());
            if (current != null && current.inProgress()) {
                started.add(current.status());
                continue;
            }
            try {
                started.add(rebuild(projection));
            } catch (RebuildInProgressException elsewhere) {
                // another instance rebuilds it
            }
        }
        return started;
    }

    private RebuildStatus rebuild(Projection projection) {
        if (!running) throw new IllegalStateException("The projections are not running");
        Generation generation;
        try {
            generation = startRebuild(projection, "requested");
        } catch (DuplicateKeyException e) {
            throw inProgress(projection);
        }
        InstanceSignals.generationsChanged(jdbc, projection.name());
        reconcile(projection);
        Rebuild rebuild = rebuilds.get(projection.name());
        if (rebuild == null || !rebuild.generation().equals(generation)) throw inProgress(projection);
        return rebuild.status();
    }

    private RebuildInProgressException inProgress(Projection projection) {
        int building = generations.all(projection.name()).stream().filter(r -> r.status() == Status.BUILDING)
                .mapToInt(r -> r.generation().number()).findFirst().orElse(0);
        return new RebuildInProgressException(projection.name(), building);
    }

    /** Creates the building generation (the table allows one per projection) and this instance's view of it. */
    private Generation startRebuild(Projection projection, String reason) {
        if (generations.all(projection.name()).stream().anyMatch(r -> r.status() == Status.BUILDING)) {
            throw new DuplicateKeyException("A generation of " + projection.name() + " is being built");
        }
        Map<TopicPartition, Target> targets = captureTargets(ProjectionRunner.topicsOf(projection, properties.topics()));
        Generation generation = generations.create(projection, Status.BUILDING, targets);
        log.info("Rebuilding {} ({}): replaying {} records", generation, reason,
                targets.values().stream().mapToLong(t -> t.end() - t.beginning()).sum());
        rebuilds.put(projection.name(), new Rebuild(generation, targets, reason, new Tables(generation, jdbc),
                this::switchTo, new Live(projection)));
        return generation;
    }

    /** A rebuild replayed its history: switch (on the coordinator thread: the switch waits while it catches up). */
    private void switchTo(Rebuild rebuild) {
        Projection projection = projections.get(rebuild.generation().projection());
        later(() -> {
            boolean switched = false;
            try {
                switched = generations.switchServing(rebuild.generation(), CATCH_UP);
            } catch (RuntimeException e) {
                log.warn("Switching to {} failed; trying again", rebuild.generation(), e);
            } finally {
                rebuild.switchEnded();
            }
            if (switched) {
                log.info("{} serves now (switched by {})", rebuild.generation(), instanceId);
                reconcile(projection);
            }
        });
    }

    /** Drops the tables of generations retired longer ago than the grace period (queries on them have ended). */
    private void dropRetired(Projection projection) {
        Instant before = Instant.now().minus(properties.rebuild().dropRetiredAfter());
        for (Row row : generations.all(projection.name())) {
            if (row.status() != Status.RETIRED || row.retiredAt() == null || row.retiredAt().isAfter(before)) continue;
            try {
                generations.drop(row.generation());
                log.info("Dropped the tables of {}", row.generation());
            } catch (RuntimeException e) {
                log.warn("Could not drop the tables of {}; will try again", row.generation(), e);
            }
        }
    }

    /** Beginning and end offsets of every partition of the topics, now. */
    private Map<TopicPartition, Target> captureTargets(List<String> topics) {
        Map<String, Object> config = Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.CLIENT_ID_CONFIG, "readmodel-rebuild-probe",
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        try (var consumer = new KafkaConsumer<>(config, new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = new ArrayList<>();
            for (String topic : topics) {
                List<PartitionInfo> infos = consumer.partitionsFor(topic, Duration.ofSeconds(10));
                if (infos != null) infos.forEach(i -> partitions.add(new TopicPartition(topic, i.partition())));
            }
            // Assigned (never polled), so that the client keeps the read_committed end offsets it asks for instead
            // of warning, once per partition, that it is "no longer assigned".
            consumer.assign(partitions);
            Map<TopicPartition, Long> beginnings = consumer.beginningOffsets(partitions, Duration.ofSeconds(10));
            Map<TopicPartition, Long> ends = consumer.endOffsets(partitions, Duration.ofSeconds(10));
            Map<TopicPartition, Target> targets = new LinkedHashMap<>();
            for (TopicPartition tp : partitions) targets.put(tp, new Target(beginnings.get(tp), ends.get(tp)));
            return targets;
        }
    }

    // --- what operations see ---

    /** The runner of the generation this instance serves, if it runs here. */
    public Optional<ProjectionRunner> liveRunner(String projection) {
        return serving.generation(projection).map(runners::get);
    }

    /** The current or last rebuild of {@code projection} this instance took part in since it started. */
    public Optional<RebuildStatus> rebuildStatus(String projection) {
        return Optional.ofNullable(rebuilds.get(projection)).map(Rebuild::status);
    }

    public List<Row> generations(String projection) {
        return generations.all(projection);
    }
}

package dev.seatbooking.readmodel.rebuild;

import dev.seatbooking.readmodel.ReadModelProperties;
import dev.seatbooking.readmodel.projection.AppliedVersions;
import dev.seatbooking.readmodel.projection.BatchApplier;
import dev.seatbooking.readmodel.projection.Generation;
import dev.seatbooking.readmodel.projection.GenerationRepository;
import dev.seatbooking.readmodel.projection.GenerationRepository.Row;
import dev.seatbooking.readmodel.projection.GenerationRepository.Status;
import dev.seatbooking.readmodel.projection.GenerationRepository.Target;
import dev.seatbooking.readmodel.projection.GenerationSchema;
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
import org.springframework.jdbc.core.JdbcTemplate;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Runs the projections: at start-up each projection's serving generation resumes from its offsets (the first
 * start builds generation 1 from offset zero), an interrupted rebuild resumes, and a projection whose serving
 * generation was built by another schema version is rebuilt; on demand, a rebuild of one or all projections.
 * Generations replaced by a rebuild are dropped after a grace period.
 *
 * <p>One instance of the service per database: the projections have a single writer each.
 */
public final class ProjectionLifecycle implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(ProjectionLifecycle.class);

    private final Projections projections;
    private final GenerationRepository generations;
    private final ServingGenerations serving;
    private final BatchApplier applier;
    private final AppliedVersions appliedVersions;
    private final JdbcTemplate jdbc;
    private final String bootstrapServers;
    private final ReadModelProperties properties;
    private final Map<String, ProjectionRunner> live = new ConcurrentHashMap<>();
    private final Map<String, Rebuild> rebuilds = new ConcurrentHashMap<>();
    private final java.util.Set<ProjectionRunner> rebuildRunners = ConcurrentHashMap.newKeySet();
    private volatile ScheduledExecutorService janitor;
    private volatile boolean running;

    public ProjectionLifecycle(Projections projections, GenerationRepository generations, ServingGenerations serving,
                               BatchApplier applier, AppliedVersions appliedVersions, JdbcTemplate jdbc,
                               String bootstrapServers, ReadModelProperties properties) {
        this.projections = projections;
        this.generations = generations;
        this.serving = serving;
        this.applier = applier;
        this.appliedVersions = appliedVersions;
        this.jdbc = jdbc;
        this.bootstrapServers = bootstrapServers;
        this.properties = properties;
    }

    @Override
    public synchronized void start() {
        janitor = Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().name("projection-janitor").daemon(true).factory());
        running = true;
        for (Projection projection : projections.all()) startProjection(projection);
    }

    @Override
    public synchronized void stop() {
        running = false;
        List<ProjectionRunner> runners = new ArrayList<>(live.values());
        runners.addAll(rebuildRunners);
        runners.forEach(ProjectionRunner::stop);
        live.clear();
        rebuildRunners.clear();
        janitor.shutdownNow();
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    private void startProjection(Projection projection) {
        List<Row> rows = generations.all(projection.name());
        for (Row row : rows) {
            if (row.status() == Status.RETIRED) dropRetired(row.generation());
        }
        Optional<Row> servingRow = rows.stream().filter(r -> r.status() == Status.SERVING).findFirst();
        Optional<Row> buildingRow = rows.stream().filter(r -> r.status() == Status.BUILDING).findFirst();
        if (buildingRow.isPresent() && buildingRow.get().generation().schemaVersion() != projection.schemaVersion()) {
            Generation abandoned = buildingRow.get().generation();
            log.info("Abandoning {}: built for another schema version than {}", abandoned, projection.schemaVersion());
            generations.retire(abandoned);
            dropRetired(abandoned);
            buildingRow = Optional.empty();
        }
        if (servingRow.isEmpty() && buildingRow.isEmpty()) {
            Generation first = generations.create(projection, Status.SERVING, Map.of());
            log.info("Building {} from the beginning of its topics", first);
            serving.serve(first);
            startLive(projection, first);
            return;
        }
        servingRow.ifPresent(row -> {
            serving.serve(row.generation());
            if (row.generation().schemaVersion() == projection.schemaVersion()) startLive(projection, row.generation());
        });
        if (buildingRow.isPresent()) {
            Generation building = buildingRow.get().generation();
            log.info("Resuming the rebuild of {}", building);
            startRebuildRunner(projection, building, generations.targets(building), "resumed after a restart");
        } else if (servingRow.get().generation().schemaVersion() != projection.schemaVersion()) {
            Generation old = servingRow.get().generation();
            rebuild(projection, "schema version " + old.schemaVersion() + " -> " + projection.schemaVersion());
        }
    }

    private void startLive(Projection projection, Generation generation) {
        ProjectionRunner runner = newRunner(projection, generation, liveListener(projection));
        live.put(projection.name(), runner);
        runner.start();
    }

    private RunnerListener liveListener(Projection projection) {
        return new RunnerListener() {
            @Override
            public void committed(ProjectionRunner runner, BatchApplier.Outcome outcome) {
                if (serving.isServing(runner.generation())) {
                    appliedVersions.applied(projection.name(), outcome.tokenStreamVersions());
                }
            }
        };
    }

    private ProjectionRunner newRunner(Projection projection, Generation generation, RunnerListener listener) {
        return new ProjectionRunner(projection, new Tables(generation, jdbc), applier, bootstrapServers,
                properties.topics(), properties.consumer(), listener);
    }

    /**
     * Starts rebuilding {@code name} into a new generation.
     *
     * @throws RebuildInProgressException if it is being rebuilt already
     */
    public synchronized RebuildStatus rebuild(String name) {
        return rebuild(projections.get(name), "requested");
    }

    /** Starts rebuilding every projection that is not being rebuilt already. */
    public synchronized List<RebuildStatus> rebuildAll() {
        List<RebuildStatus> started = new ArrayList<>();
        for (Projection projection : projections.all()) {
            Rebuild current = rebuilds.get(projection.name());
            started.add(current != null && current.inProgress() ? current.status() : rebuild(projection, "requested"));
        }
        return started;
    }

    private RebuildStatus rebuild(Projection projection, String reason) {
        if (!running) throw new IllegalStateException("The projections are not running");
        Rebuild current = rebuilds.get(projection.name());
        if (current != null && current.inProgress()) {
            throw new RebuildInProgressException(projection.name(), current.generation().number());
        }
        Map<TopicPartition, Target> targets = captureTargets(ProjectionRunner.topicsOf(projection, properties.topics()));
        Generation generation = generations.create(projection, Status.BUILDING, targets);
        log.info("Rebuilding {} ({}): replaying {} records", generation, reason,
                targets.values().stream().mapToLong(t -> t.end() - t.beginning()).sum());
        return startRebuildRunner(projection, generation, targets, reason).status();
    }

    private Rebuild startRebuildRunner(Projection projection, Generation generation, Map<TopicPartition, Target> targets,
                                       String reason) {
        Rebuild rebuild = new Rebuild(generation, targets, reason, new Rebuild.Handover() {
            @Override
            public Map<TopicPartition, Long> freezeServing(Generation building) {
                return freeze(projection);
            }

            @Override
            public void switchTo(ProjectionRunner runner) {
                ProjectionLifecycle.this.switchTo(projection, runner);
            }
        }, outcome -> appliedVersions.applied(projection.name(), outcome.tokenStreamVersions()));
        ProjectionRunner runner = newRunner(projection, generation, rebuild);
        rebuild.attach(runner);
        rebuilds.put(projection.name(), rebuild);
        rebuildRunners.add(runner);
        runner.start();
        return rebuild;
    }

    /** Stops the serving generation's runner; where it stopped. Its tables keep answering queries. */
    private Map<TopicPartition, Long> freeze(Projection projection) {
        ProjectionRunner old = live.remove(projection.name());
        if (old == null) return Map.of();
        old.stop();
        log.info("Rebuild of {} reached its target: {} frozen until the new generation has caught up",
                projection.name(), old.generation());
        return GenerationSchema.offsets(old.tables());
    }

    private void switchTo(Projection projection, ProjectionRunner runner) {
        Generation previous = serving.generation(projection.name()).orElse(null);
        generations.switchServing(runner.generation());
        serving.serve(runner.generation());
        live.put(projection.name(), runner);
        rebuildRunners.remove(runner);
        appliedVersions.wakeAll(projection.name());
        log.info("{} serves now{}", runner.generation(), previous == null ? "" : " instead of " + previous);
        if (previous != null) {
            Duration grace = properties.rebuild().dropRetiredAfter();
            try {
                janitor.schedule(() -> dropRetired(previous), grace.toMillis(), TimeUnit.MILLISECONDS);
            } catch (java.util.concurrent.RejectedExecutionException stopping) {
                // dropped at the next start
            }
        }
    }

    private void dropRetired(Generation generation) {
        try {
            generations.drop(generation);
            log.info("Dropped the tables of {}", generation);
        } catch (RuntimeException e) {
            log.warn("Could not drop the tables of {}; will try at the next start", generation, e);
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
            Map<TopicPartition, Long> beginnings = consumer.beginningOffsets(partitions, Duration.ofSeconds(10));
            Map<TopicPartition, Long> ends = consumer.endOffsets(partitions, Duration.ofSeconds(10));
            Map<TopicPartition, Target> targets = new LinkedHashMap<>();
            for (TopicPartition tp : partitions) targets.put(tp, new Target(beginnings.get(tp), ends.get(tp)));
            return targets;
        }
    }

    /** The runner of the serving generation, if it runs. */
    public Optional<ProjectionRunner> liveRunner(String projection) {
        return Optional.ofNullable(live.get(projection));
    }

    /** The current or last rebuild of {@code projection} since the service started. */
    public Optional<RebuildStatus> rebuildStatus(String projection) {
        return Optional.ofNullable(rebuilds.get(projection)).map(Rebuild::status);
    }

    public List<Row> generations(String projection) {
        return generations.all(projection);
    }
}

package dev.seatbooking.readmodel.rebuild;

import dev.seatbooking.readmodel.projection.BatchApplier;
import dev.seatbooking.readmodel.projection.Generation;
import dev.seatbooking.readmodel.projection.GenerationRepository.Target;
import dev.seatbooking.readmodel.projection.GenerationSchema;
import dev.seatbooking.readmodel.projection.ProjectionRunner;
import dev.seatbooking.readmodel.projection.RunnerListener;
import dev.seatbooking.readmodel.projection.Tables;
import org.apache.kafka.common.TopicPartition;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * One rebuild of one projection (kappa style), as this instance takes part in it: a new generation replays the topics
 * from their beginning while the serving generation keeps answering. Every instance of the same schema version feeds
 * it (its consumer group shares the partitions), so how far it got is read from its stored offsets, not from this
 * instance's partitions. When it has reached the end offsets captured at the start, an instance asks for the switch
 * ({@link Handover}), which freezes the generation it replaces, lets the new one catch up with it and moves the
 * serving pointer in one transaction ({@code GenerationRepository#switchServing}). Readers never see the model go
 * back in time. The new generation's runners then simply go on as the live ones.
 *
 * <p>{@link #polled} runs in this instance's runner thread.
 */
final class Rebuild implements RunnerListener {

    private static final Duration CHECK_EVERY = Duration.ofMillis(200);

    enum Phase {
        /** Replaying history up to the end offsets captured at the start. */
        REPLAYING,
        /** Reached them; waiting for the switch (it freezes the serving generation and catches up with it). */
        CATCHING_UP,
        /** The new generation serves. */
        SERVING
    }

    /** What {@link ProjectionLifecycle} does for the rebuild. */
    interface Handover {
        /** The rebuild has replayed its history: switch to it (not in the runner's thread). */
        void targetsReached(Rebuild rebuild);
    }

    private final Generation generation;
    private final Map<TopicPartition, Target> targets;
    private final String reason;
    private final Tables tables;
    private final Handover handover;
    private final RunnerListener live;
    private final Instant startedAt = Instant.now();
    private final AtomicBoolean switching = new AtomicBoolean();

    private volatile Phase phase = Phase.REPLAYING;
    private volatile Instant finishedAt;
    private volatile ProjectionRunner runner;
    private volatile Map<TopicPartition, Long> stored = Map.of();
    private Instant checkedAt = Instant.EPOCH;

    /**
     * @param live what a runner of this generation does as any other (signal read-your-writes once it serves)
     */
    Rebuild(Generation generation, Map<TopicPartition, Target> targets, String reason, Tables tables,
            Handover handover, RunnerListener live) {
        this.generation = generation;
        this.targets = Map.copyOf(targets);
        this.reason = reason;
        this.tables = tables;
        this.handover = handover;
        this.live = live;
    }

    void attach(ProjectionRunner runner) {
        this.runner = runner;
    }

    Generation generation() {
        return generation;
    }

    Phase phase() {
        return phase;
    }

    boolean inProgress() {
        ProjectionRunner r = runner;
        return phase != Phase.SERVING && r != null && r.isRunning();
    }

    /** The serving pointer is this generation now. */
    void served() {
        if (phase == Phase.SERVING) return;
        stored = GenerationSchema.offsets(tables);
        finishedAt = Instant.now();
        phase = Phase.SERVING;
    }

    /** A switch asked for by {@link Handover#targetsReached} ended (switched or not); the next poll may ask again. */
    void switchEnded() {
        switching.set(false);
    }

    @Override
    public void committed(ProjectionRunner runner, BatchApplier.Outcome outcome) {
        live.committed(runner, outcome);
    }

    @Override
    public void notFed(ProjectionRunner runner) {
        live.notFed(runner);
    }

    @Override
    public void polled(ProjectionRunner runner) {
        if (phase == Phase.SERVING) return;
        Instant now = Instant.now();
        if (Duration.between(checkedAt, now).compareTo(CHECK_EVERY) < 0) return;
        checkedAt = now;
        stored = GenerationSchema.offsets(tables);
        if (phase == Phase.REPLAYING && reached(stored)) phase = Phase.CATCHING_UP;
        if (phase == Phase.CATCHING_UP && switching.compareAndSet(false, true)) handover.targetsReached(this);
    }

    private boolean reached(Map<TopicPartition, Long> offsets) {
        for (Map.Entry<TopicPartition, Target> target : targets.entrySet()) {
            long end = target.getValue().end();
            if (end <= target.getValue().beginning()) continue;
            if (offsets.getOrDefault(target.getKey(), 0L) < end) return false;
        }
        return true;
    }

    /** A snapshot for the admin API. Progress is the generation's (every instance's), the counts this instance's. */
    RebuildStatus status() {
        ProjectionRunner r = runner;
        long total = 0, done = 0;
        Map<TopicPartition, Long> offsets = stored;
        for (Map.Entry<TopicPartition, Target> target : targets.entrySet()) {
            Target t = target.getValue();
            total += Math.max(0, t.end() - t.beginning());
            long position = offsets.getOrDefault(target.getKey(), t.beginning());
            done += Math.max(0, Math.min(position, t.end()) - t.beginning());
        }
        double progress = phase == Phase.SERVING || total == 0 ? 1.0 : (double) done / total;
        long applied = r == null ? 0 : r.eventsApplied();
        long read = r == null ? 0 : r.recordsRead();
        Instant end = finishedAt != null ? finishedAt : Instant.now();
        double seconds = Math.max(0.001, Duration.between(startedAt, end).toNanos() / 1e9);
        return new RebuildStatus(generation.number(), generation.schemaVersion(), phase.name().toLowerCase().replace('_', '-'),
                reason, progress, total, read, applied, startedAt, finishedAt,
                finishedAt == null ? null : Math.round(read / seconds), r == null ? null : r.failure());
    }
}

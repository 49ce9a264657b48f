package dev.seatbooking.readmodel.rebuild;

import dev.seatbooking.readmodel.projection.BatchApplier;
import dev.seatbooking.readmodel.projection.Generation;
import dev.seatbooking.readmodel.projection.GenerationRepository.Target;
import dev.seatbooking.readmodel.projection.ProjectionRunner;
import dev.seatbooking.readmodel.projection.RunnerListener;
import org.apache.kafka.common.TopicPartition;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * One rebuild of one projection (kappa style): a new generation replays the topics from their beginning while
 * the serving generation keeps answering; when it has reached the end offsets captured at the start, the
 * serving generation's runner is stopped (its tables keep answering, frozen), the new one catches up with
 * what arrived meanwhile until it is at least where the serving one stopped on every partition, and the
 * serving pointer moves in one transaction. Readers therefore never see the model go back in time.
 * The new generation's runner then simply goes on as the live one.
 *
 * <p>Everything here runs in the new generation's runner thread ({@link RunnerListener}).
 */
final class Rebuild implements RunnerListener {

    enum Phase {
        /** Replaying history up to the end offsets captured at the start. */
        REPLAYING,
        /** The old generation is frozen; catching up with it before taking over. */
        CATCHING_UP,
        /** The new generation serves. */
        SERVING
    }

    /** What {@link ProjectionLifecycle} does for the rebuild at the two moments that concern other generations. */
    interface Handover {
        /** Stops the serving generation's runner; its committed offsets, or none if it had no runner. */
        Map<TopicPartition, Long> freezeServing(Generation building);

        /** Makes {@code runner}'s generation the serving one. */
        void switchTo(ProjectionRunner runner);
    }

    private final Generation generation;
    private final Map<TopicPartition, Target> targets;
    private final String reason;
    private final Handover handover;
    private final Consumer<BatchApplier.Outcome> whileServing;
    private final Instant startedAt = Instant.now();

    private volatile Phase phase = Phase.REPLAYING;
    private volatile Instant finishedAt;
    private volatile ProjectionRunner runner;
    private Map<TopicPartition, Long> frozenAt;

    Rebuild(Generation generation, Map<TopicPartition, Target> targets, String reason, Handover handover,
            Consumer<BatchApplier.Outcome> whileServing) {
        this.generation = generation;
        this.targets = Map.copyOf(targets);
        this.reason = reason;
        this.handover = handover;
        this.whileServing = whileServing;
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
        return phase != Phase.SERVING && runner != null && runner.isRunning();
    }

    @Override
    public void committed(ProjectionRunner runner, BatchApplier.Outcome outcome) {
        if (phase == Phase.SERVING) whileServing.accept(outcome);
    }

    @Override
    public void polled(ProjectionRunner runner) {
        if (phase == Phase.REPLAYING && reached(runner.positions(), t -> t.end())) {
            frozenAt = handover.freezeServing(generation);
            phase = Phase.CATCHING_UP;
        }
        if (phase == Phase.CATCHING_UP && covers(runner.positions(), frozenAt)) {
            handover.switchTo(runner);
            finishedAt = Instant.now();
            phase = Phase.SERVING;
        }
    }

    private boolean reached(Map<TopicPartition, Long> positions, Function<Target, Long> end) {
        for (Map.Entry<TopicPartition, Target> target : targets.entrySet()) {
            long wanted = end.apply(target.getValue());
            if (wanted <= target.getValue().beginning()) continue;
            Long position = positions.get(target.getKey());
            if (position == null || position < wanted) return false;
        }
        return true;
    }

    private static boolean covers(Map<TopicPartition, Long> positions, Map<TopicPartition, Long> frozen) {
        for (Map.Entry<TopicPartition, Long> old : frozen.entrySet()) {
            Long position = positions.get(old.getKey());
            if (old.getValue() > 0 && (position == null || position < old.getValue())) return false;
        }
        return true;
    }

    /** A snapshot for the admin API. */
    RebuildStatus status() {
        ProjectionRunner r = runner;
        long total = 0, done = 0;
        Map<TopicPartition, Long> positions = r == null ? Map.of() : r.positions();
        for (Map.Entry<TopicPartition, Target> target : targets.entrySet()) {
            Target t = target.getValue();
            total += Math.max(0, t.end() - t.beginning());
            long position = positions.getOrDefault(target.getKey(), t.beginning());
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

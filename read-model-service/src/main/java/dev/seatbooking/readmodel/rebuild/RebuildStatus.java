package dev.seatbooking.readmodel.rebuild;

import java.time.Instant;

/**
 * How a rebuild goes.
 *
 * @param phase            {@code replaying}, {@code catching-up} or {@code serving} (done)
 * @param progress         share of the records up to the end offsets captured at the start, 0 to 1
 * @param recordsToReplay  records between the beginning and those end offsets
 * @param recordsRead      records the new generation has read so far (including those after the targets)
 * @param eventsApplied    events it applied (records of streams it does not follow are read, not applied)
 * @param recordsPerSecond records read per second over the whole rebuild, once finished
 * @param failure          why its last batch failed, while it keeps failing
 */
public record RebuildStatus(int generation, int schemaVersion, String phase, String reason, double progress,
                            long recordsToReplay, long recordsRead, long eventsApplied, Instant startedAt,
                            Instant finishedAt, Long recordsPerSecond, String failure) {
}

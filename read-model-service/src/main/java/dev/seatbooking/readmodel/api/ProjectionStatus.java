package dev.seatbooking.readmodel.api;

import dev.seatbooking.readmodel.rebuild.RebuildStatus;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A projection as operations see it.
 *
 * @param state             {@code live} (serving and following its topics), {@code stalled} (its last batch
 *                          failed and is being retried, see {@code failure}), {@code not-ready} (no generation
 *                          with the current schema serves yet)
 * @param instance          the instance that answers (several may run on one database)
 * @param partitions        how many partitions of the serving generation this instance feeds now (the other
 *                          instances feed the rest); null if it feeds none
 * @param lag               records on this instance's partitions the serving generation has not read; null if unknown
 * @param anomalies         what the serving generation met: {@code version-gap} (applied anyway),
 *                          {@code undecodable} (skipped)
 * @param rebuild           the current or last rebuild since the service started, or null
 */
public record ProjectionStatus(String name, int schemaVersion, Integer servingGeneration, String state,
                               String instance, Integer partitions, Long lag,
                               Long eventsApplied, String failure, Map<String, Long> anomalies,
                               RebuildStatus rebuild, List<GenerationInfo> generations) {

    public record GenerationInfo(int generation, int schemaVersion, String status, Instant createdAt,
                                 Instant servingSince, Instant retiredAt) {
    }
}

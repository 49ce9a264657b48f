package dev.seatbooking.eventsourcing.messaging;

import java.time.Duration;
import java.util.Objects;

/**
 * How a per-poll consumer ({@link BatchInboxListener}) fetches and commits: tuned for a busy partition, where fewer,
 * larger polls mean fewer transactions and offset commits.
 *
 * @param maxPollRecords       the most records a poll returns, so the most one transaction handles: more is fewer
 *                             commits, but a longer wait for the first record of a poll to be committed
 * @param fetchMaxWait         how long the broker may hold a fetch to gather {@code fetchMinBytes}: under load, fewer
 *                             and larger polls; idle, at most this much delay
 * @param fetchMinBytes        see {@code fetchMaxWait}
 * @param offsetCommitInterval how often offsets are committed (at the latest; also on every rebalance and stop)
 *                             rather than after every poll. Redelivery after a crash is harmless: the inbox drops it.
 */
public record PollSettings(int maxPollRecords, Duration fetchMaxWait, int fetchMinBytes,
                           Duration offsetCommitInterval) {

    public PollSettings {
        if (maxPollRecords < 1) throw new IllegalArgumentException("maxPollRecords must be at least 1");
        Objects.requireNonNull(fetchMaxWait, "fetchMaxWait");
        Objects.requireNonNull(offsetCommitInterval, "offsetCommitInterval");
        if (fetchMaxWait.isNegative()) throw new IllegalArgumentException("fetchMaxWait must not be negative");
        if (fetchMinBytes < 0) throw new IllegalArgumentException("fetchMinBytes must not be negative");
        if (offsetCommitInterval.isNegative()) {
            throw new IllegalArgumentException("offsetCommitInterval must not be negative");
        }
    }

    /** Up to 100 records a poll, gathered for up to 20 ms or 32 KiB; offsets committed every second. */
    public static PollSettings defaults() {
        return new PollSettings(100, Duration.ofMillis(20), 32 * 1024, Duration.ofSeconds(1));
    }
}

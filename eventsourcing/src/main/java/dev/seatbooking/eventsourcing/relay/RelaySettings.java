package dev.seatbooking.eventsourcing.relay;

import java.time.Duration;
import java.util.Objects;

/**
 * How an {@link EventRelay} paces itself.
 *
 * @param name            names the relay's checkpoint and lock: relays with the same name on one database
 *                        take turns, relays with different names each publish everything
 * @param batchSize       events read, sent and checkpointed together
 * @param pollTimeout     longest wait for new events when no notification comes
 * @param standbyRetry    how often a relay without the lock tries to take it
 * @param retryBackoff    first pause after a failure; doubles on each further failure in a row
 * @param maxRetryBackoff the longest pause after failures
 */
public record RelaySettings(String name, int batchSize, Duration pollTimeout, Duration standbyRetry,
                            Duration retryBackoff, Duration maxRetryBackoff) {

    public RelaySettings {
        Objects.requireNonNull(name, "name");
        if (batchSize < 1) throw new IllegalArgumentException("batchSize must be positive");
        Objects.requireNonNull(pollTimeout, "pollTimeout");
        Objects.requireNonNull(standbyRetry, "standbyRetry");
        Objects.requireNonNull(retryBackoff, "retryBackoff");
        Objects.requireNonNull(maxRetryBackoff, "maxRetryBackoff");
    }

    public static RelaySettings defaults(String name) {
        return new RelaySettings(name, 500, Duration.ofSeconds(1), Duration.ofSeconds(5),
                Duration.ofSeconds(1), Duration.ofSeconds(30));
    }

    public RelaySettings withBatchSize(int batchSize) {
        return new RelaySettings(name, batchSize, pollTimeout, standbyRetry, retryBackoff, maxRetryBackoff);
    }

    public RelaySettings withStandbyRetry(Duration standbyRetry) {
        return new RelaySettings(name, batchSize, pollTimeout, standbyRetry, retryBackoff, maxRetryBackoff);
    }

    public RelaySettings withRetryBackoff(Duration retryBackoff, Duration maxRetryBackoff) {
        return new RelaySettings(name, batchSize, pollTimeout, standbyRetry, retryBackoff, maxRetryBackoff);
    }
}

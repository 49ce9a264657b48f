package dev.seatbooking.eventsourcing.messaging;

import org.springframework.util.backoff.BackOffExecution;
import org.springframework.util.backoff.ExponentialBackOff;

import java.time.Duration;
import java.util.Objects;

/**
 * The wait after failures in a row: {@code initial}, doubled after each further failure, never more than
 * {@code max}. Spring's {@link ExponentialBackOff} computes it (the same arithmetic as the consumers' retries); this
 * asks it for the wait after the n-th failure, because the relay counts its failures in memory and the outgoing
 * messages count theirs in a table.
 */
public record CappedBackoff(Duration initial, Duration max) {

    private static final double DOUBLING = 2.0; // not Spring's default of 1.5


    public CappedBackoff {
        Objects.requireNonNull(initial, "initial");
        Objects.requireNonNull(max, "max");
        if (initial.isNegative() || initial.isZero()) throw new IllegalArgumentException("initial must be positive");
        if (max.compareTo(initial) < 0) throw new IllegalArgumentException("max must be at least initial");
    }

    /** @param failuresInARow 1 for the wait after the first failure */
    public Duration after(int failuresInARow) {
        if (failuresInARow < 1) throw new IllegalArgumentException("failuresInARow must be positive");
        ExponentialBackOff backOff = new ExponentialBackOff(initial.toMillis(), DOUBLING);
        backOff.setMaxInterval(max.toMillis());
        BackOffExecution waits = backOff.start();
        long wait = waits.nextBackOff();
        // Stops at the cap: a count of thousands (a message failing for days) costs a few steps, not thousands.
        for (int n = 1; n < failuresInARow && wait < max.toMillis(); n++) wait = waits.nextBackOff();
        return Duration.ofMillis(wait);
    }
}

package dev.seatbooking.conference.access;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * A rate per key: {@code burst} units at once, then one more every {@code interval} — a token bucket, kept as the
 * generic cell rate algorithm does: one instant per key (when the bucket will be full again), updated atomically.
 * Never goes into debt, so a refusal never asks for more than one {@code interval} of patience.
 * <p>
 * The keys live in a bounded cache: at most {@code maxKeys}, each forgotten once its bucket would be full again
 * (a forgotten key is a full bucket, so forgetting changes nothing). A flood of new keys evicts old ones instead
 * of growing memory.
 */
final class Budget {

    /** How many units a key may take at once, and how often one comes back. */
    record Rate(int burst, Duration interval) {
        Rate {
            if (burst < 1) throw new IllegalArgumentException("burst must be positive, was " + burst);
            if (!interval.isPositive()) throw new IllegalArgumentException("interval must be positive, was " + interval);
        }

        /** How long an empty bucket takes to fill. */
        Duration refill() {
            return interval.multipliedBy(burst);
        }
    }

    private final Rate rate;
    /** Key → the instant its bucket is full again ("theoretical arrival time"); absent = full. */
    private final Cache<String, Instant> fullAt;

    Budget(Rate rate, long maxKeys) {
        this.rate = rate;
        this.fullAt = Caffeine.newBuilder().maximumSize(maxKeys).expireAfterWrite(rate.refill()).build();
    }

    /**
     * Takes a unit from {@code key}'s bucket if it holds one.
     *
     * @return empty when taken; else how long until a unit comes back (at most one interval)
     */
    Optional<Duration> take(String key, Instant now) {
        Duration[] refusedFor = {null};
        fullAt.asMap().compute(key, (k, full) -> {
            Instant from = full == null || full.isBefore(now) ? now : full;
            Duration owed = Duration.between(now, from); // how much of the burst is used up, as time
            Duration allowed = rate.refill().minus(rate.interval());
            if (owed.compareTo(allowed) > 0) {
                refusedFor[0] = owed.minus(allowed);
                return full;
            }
            return from.plus(rate.interval());
        });
        return Optional.ofNullable(refusedFor[0]);
    }

    /** Gives back a unit taken by {@link #take} (the attempt it paid for turned out legitimate). */
    void giveBack(String key, Instant now) {
        fullAt.asMap().computeIfPresent(key, (k, full) -> {
            Instant less = full.minus(rate.interval());
            return less.isAfter(now) ? less : null;
        });
    }

    long size() {
        fullAt.cleanUp();
        return fullAt.estimatedSize();
    }
}

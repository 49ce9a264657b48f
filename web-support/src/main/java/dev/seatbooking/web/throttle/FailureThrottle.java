package dev.seatbooking.web.throttle;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.Objects;
import java.util.Optional;

/**
 * Slows down guessing: counts failed attempts per key (an order, a client address) in a fixed window; the
 * {@code maxFailures}-th failure within one window locks the key. A locked key is refused every attempt, right or
 * wrong, until the lock ends, so the refusal tells nothing about what was tried. The first lock lasts one window, each
 * further one (while the key is remembered) twice as long as the one before, up to {@code maxLockout}: a lock always
 * ends, so whoever floods a key keeps its rightful user out only while they flood it, plus one lock at most.
 *
 * <p>An attempt counts against the limit from the moment it {@linkplain #begin begins}, so a burst of concurrent
 * attempts cannot outrun the count; one found right does not count any more. A key is forgotten once unused for longer
 * than its longest lock plus a window; at most {@code trackedKeys} keys are kept (Caffeine evicts the least useful).
 */
public final class FailureThrottle<K> {

    /**
     * @param failures    failed attempts in the current window
     * @param checking    attempts begun and not yet found right or wrong
     * @param windowEnd   when the current window ends (null: none open)
     * @param lockedUntil when the current lock ends (null: not locked)
     * @param lockouts    locks so far while the key was remembered: the next one lasts longer
     */
    private record Entry(int failures, int checking, Instant windowEnd, Instant lockedUntil, int lockouts) {
        static final Entry NEW = new Entry(0, 0, null, null, 0);

        Entry checked() {
            return new Entry(failures, Math.max(0, checking - 1), windowEnd, lockedUntil, lockouts);
        }
    }

    private final int maxFailures;
    private final Duration window;
    private final Duration maxLockout;
    private final InstantSource clock;
    private final Cache<K, Entry> entries;

    public FailureThrottle(int maxFailures, Duration window, Duration maxLockout, int trackedKeys, InstantSource clock) {
        if (maxFailures < 1) throw new IllegalArgumentException("maxFailures must be at least 1, was " + maxFailures);
        if (window.isNegative() || window.isZero()) throw new IllegalArgumentException("window must be positive");
        this.maxFailures = maxFailures;
        this.window = window;
        this.maxLockout = maxLockout.compareTo(window) < 0 ? window : maxLockout;
        this.clock = Objects.requireNonNull(clock, "clock");
        this.entries = Caffeine.newBuilder()
                .ticker(() -> epochNanos(clock.instant())) // one clock for locks and for forgetting
                .maximumSize(trackedKeys)
                .expireAfterAccess(this.maxLockout.plus(window))
                .build();
    }

    /**
     * An attempt for this key starts: it counts against the limit until it {@link #passed passed} or
     * {@link #failed failed}.
     *
     * @return empty if the key may try now; otherwise how long it must wait (nothing is counted then)
     */
    public Optional<Duration> begin(K key) {
        Instant now = clock.instant();
        Duration[] wait = {null};
        entries.asMap().compute(key, (k, entry) -> {
            Entry current = entry == null ? Entry.NEW : entry;
            if (current.lockedUntil() != null && now.isBefore(current.lockedUntil())) {
                wait[0] = Duration.between(now, current.lockedUntil());
                return current;
            }
            boolean windowOpen = current.windowEnd() != null && now.isBefore(current.windowEnd());
            int failures = windowOpen ? current.failures() : 0;
            Instant windowEnd = windowOpen ? current.windowEnd() : now.plus(window);
            if (failures + current.checking() >= maxFailures) {
                // Attempts still being checked may use up the window's allowance: wait for them (or the window).
                wait[0] = Duration.between(now, windowEnd);
                return new Entry(failures, current.checking(), windowEnd, null, current.lockouts());
            }
            return new Entry(failures, current.checking() + 1, windowEnd, null, current.lockouts());
        });
        return Optional.ofNullable(wait[0]);
    }

    /** The attempt {@linkplain #begin begun} was right (or was not made after all): it does not count. */
    public void passed(K key) {
        entries.asMap().computeIfPresent(key, (k, entry) -> entry.checked());
    }

    /** The attempt {@linkplain #begin begun} was wrong: it counts, and the last one the limit allows locks the key. */
    public void failed(K key) {
        Instant now = clock.instant();
        entries.asMap().computeIfPresent(key, (k, entry) -> {
            Entry checked = entry.checked();
            int failures = checked.failures() + 1;
            if (failures < maxFailures) {
                return new Entry(failures, checked.checking(), checked.windowEnd(), checked.lockedUntil(),
                        checked.lockouts());
            }
            int lockouts = checked.lockouts() + 1;
            return new Entry(0, checked.checking(), null, now.plus(lockout(lockouts)), lockouts);
        });
    }

    static long epochNanos(Instant instant) {
        return instant.getEpochSecond() * 1_000_000_000L + instant.getNano();
    }

    /** The n-th lock: one window, doubled for each lock before it, at most {@code maxLockout}. */
    private Duration lockout(int n) {
        int doublings = Math.min(n - 1, 30);
        Duration lock = window.multipliedBy(1L << doublings);
        return lock.compareTo(maxLockout) > 0 || lock.isNegative() ? maxLockout : lock;
    }
}

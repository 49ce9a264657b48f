package dev.seatbooking.conference.access;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Throttles guessing: a client (its address) that failed {@code maxFailures} times within {@code window} is refused
 * until its oldest failure leaves the window, even with the right credentials (otherwise the refusal itself would
 * tell a right guess). A success does not clear the failures, so an owner of one conference cannot interleave
 * successes to guess another's code. In memory, per instance: a restart or another instance starts afresh, which
 * the codes' 80 random bits make harmless; the throttle only takes the sport out of online guessing.
 */
public final class FailedSignIns {

    /** Above this many tracked clients, clients whose failures all left the window are forgotten. */
    private static final int PURGE_ABOVE = 10_000;

    private final int maxFailures;
    private final Duration window;
    private final Clock clock;
    private final ConcurrentHashMap<String, Deque<Instant>> failures = new ConcurrentHashMap<>();

    public FailedSignIns(int maxFailures, Duration window, Clock clock) {
        if (maxFailures < 1) throw new IllegalArgumentException("maxFailures must be positive, was " + maxFailures);
        if (window.isNegative() || window.isZero()) throw new IllegalArgumentException("window must be positive");
        this.maxFailures = maxFailures;
        this.window = window;
        this.clock = clock;
    }

    /** @return how long the client must wait, if it is refused now */
    public Optional<Duration> refusal(String client) {
        Deque<Instant> times = failures.get(client);
        if (times == null) return Optional.empty();
        Instant now = clock.instant();
        synchronized (times) {
            forgetOld(times, now);
            if (times.size() < maxFailures) return Optional.empty();
            Duration wait = Duration.between(now, times.peekFirst().plus(window));
            return Optional.of(wait.isNegative() ? Duration.ZERO : wait);
        }
    }

    public void recordFailure(String client) {
        Instant now = clock.instant();
        if (failures.size() > PURGE_ABOVE) purge(now);
        Deque<Instant> times = failures.computeIfAbsent(client, c -> new ArrayDeque<>());
        synchronized (times) {
            forgetOld(times, now);
            times.addLast(now);
            while (times.size() > maxFailures) times.removeFirst();
        }
    }

    private void forgetOld(Deque<Instant> times, Instant now) {
        Instant oldestKept = now.minus(window);
        while (!times.isEmpty() && !times.peekFirst().isAfter(oldestKept)) times.removeFirst();
    }

    private void purge(Instant now) {
        failures.entrySet().removeIf(entry -> {
            Deque<Instant> times = entry.getValue();
            synchronized (times) {
                forgetOld(times, now);
                return times.isEmpty();
            }
        });
    }
}

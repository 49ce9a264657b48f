package dev.seatbooking.readmodel.access;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Ticker;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Slows the guessing of access codes: failed checks are counted per client (its address) and per subject (an order,
 * or the email of a find-my-order lookup), each in a fixed window that starts with its first check. While either
 * count is at its limit, every attempt of that client or on that subject is refused, with a right code as with a
 * wrong one (else the refusal would tell them apart), until the window ends.
 *
 * <p>Each attempt takes its place in both counts before the code is checked and gives it back if the code was right,
 * so that a burst of concurrent attempts cannot slip past the limit. The counts are kept in memory, bounded
 * ({@code trackedKeys} per kind), and forgotten when their window ends: an attacker who floods the table with made-up
 * orders can push out other orders' counts, never a client's own.
 */
public final class AccessThrottle {

    /** @param failures failed checks allowed in one window; @param window how long a count lasts from its first check */
    public record Limit(int failures, Duration window) {
        public Limit {
            if (failures < 1) throw new IllegalArgumentException("failures must be at least 1");
            if (window.isNegative() || window.isZero()) throw new IllegalArgumentException("window must be positive");
        }
    }

    private final Counts clients;
    private final Counts subjects;

    public AccessThrottle(Limit perClient, Limit perSubject, int trackedKeys) {
        this(perClient, perSubject, trackedKeys, Ticker.systemTicker());
    }

    AccessThrottle(Limit perClient, Limit perSubject, int trackedKeys, Ticker ticker) {
        this.clients = new Counts(perClient, trackedKeys, ticker);
        this.subjects = new Counts(perSubject, trackedKeys, ticker);
    }

    /**
     * Takes a place for one check by {@code client} on {@code subject}.
     *
     * @throws Throttled if the client or the subject has used up its failures for now
     */
    public Attempt begin(String client, String subject) {
        Window byClient = clients.take(client);
        if (byClient == null) throw new Throttled(clients.retryAfter(client));
        Window onSubject = subjects.take(subject);
        if (onSubject == null) {
            byClient.release(); // a refused attempt is no failed check
            throw new Throttled(subjects.retryAfter(subject));
        }
        return new Attempt(byClient, onSubject);
    }

    /** One check in progress: {@link #succeeded()} gives its places back; a failure keeps them (counted). */
    public static final class Attempt {
        private final Window byClient;
        private final Window onSubject;

        private Attempt(Window byClient, Window onSubject) {
            this.byClient = byClient;
            this.onSubject = onSubject;
        }

        public void release() {
            byClient.release();
            onSubject.release();
        }
    }

    /** Refused: too many failed checks; try again after {@link #retryAfter()}. */
    public static final class Throttled extends RuntimeException {
        private final Duration retryAfter;

        Throttled(Duration retryAfter) {
            super("Too many failed access code checks; try again in " + seconds(retryAfter) + " s", null, false, false);
            this.retryAfter = retryAfter;
        }

        public Duration retryAfter() {
            return retryAfter;
        }

        /** Whole seconds, rounded up, at least 1 (for {@code Retry-After}). */
        public long retryAfterSeconds() {
            return seconds(retryAfter);
        }

        private static long seconds(Duration duration) {
            return Math.max(1, (duration.toMillis() + 999) / 1000);
        }
    }

    private static final class Window {
        final long endsAt;
        final AtomicInteger taken = new AtomicInteger();

        Window(long endsAt) {
            this.endsAt = endsAt;
        }

        void release() {
            taken.decrementAndGet();
        }
    }

    private static final class Counts {
        private final Limit limit;
        private final Ticker ticker;
        private final Cache<String, Window> windows;

        Counts(Limit limit, int trackedKeys, Ticker ticker) {
            this.limit = limit;
            this.ticker = ticker;
            // Reading a window or counting in it is no write, so each entry goes when its window ends.
            this.windows = Caffeine.newBuilder().maximumSize(trackedKeys).expireAfterWrite(limit.window())
                    .ticker(ticker).build();
        }

        /** The key's window with one more place taken, or null if it is full. */
        Window take(String key) {
            long now = ticker.read();
            Window window = windows.get(key, k -> new Window(now + limit.window().toNanos()));
            if (window.endsAt <= now) { // ended, not yet evicted
                windows.asMap().remove(key, window);
                window = windows.get(key, k -> new Window(now + limit.window().toNanos()));
            }
            if (window.taken.incrementAndGet() > limit.failures()) {
                window.release();
                return null;
            }
            return window;
        }

        Duration retryAfter(String key) {
            return Optional.ofNullable(windows.getIfPresent(key))
                    .map(window -> Duration.ofNanos(Math.max(0, window.endsAt - ticker.read())))
                    .orElse(Duration.ZERO);
        }
    }
}

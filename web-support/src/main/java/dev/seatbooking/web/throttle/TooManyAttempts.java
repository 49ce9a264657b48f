package dev.seatbooking.web.throttle;

import java.time.Duration;

/**
 * A guess was not even checked: its resource or its client is held back for now, whatever the guess. Answered as 429
 * {@code too-many-requests} with {@code Retry-After} by the shared problem handler.
 */
public final class TooManyAttempts extends RuntimeException {

    private final Duration retryAfter;

    public TooManyAttempts(Duration retryAfter) {
        super("Too many failed attempts lately; try again later", null, false, false);
        this.retryAfter = retryAfter;
    }

    public Duration retryAfter() {
        return retryAfter;
    }

    /** Whole seconds, rounded up, at least one: what {@code Retry-After} says. */
    public long retryAfterSeconds() {
        return seconds(retryAfter);
    }

    /** A wait as {@code Retry-After} says it: whole seconds, rounded up, at least one. */
    public static long seconds(Duration wait) {
        return Math.max(1, (wait.toMillis() + 999) / 1000);
    }
}

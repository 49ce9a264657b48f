package dev.seatbooking.registration.service;

import java.time.Duration;

/**
 * Too many wrong access codes for this order or from this client lately: no code is checked until the lock ends,
 * the right one neither (so the refusal tells nothing about the code tried).
 */
public final class TooManyAttempts extends RuntimeException {

    private final Duration retryAfter;

    public TooManyAttempts(Duration retryAfter) {
        super("Too many failed access-code checks; retry after " + retryAfter, null, false, false);
        this.retryAfter = retryAfter;
    }

    public Duration retryAfter() {
        return retryAfter;
    }
}

package dev.seatbooking.web.throttle;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;

/** A clock the test moves. */
final class MovableClock implements InstantSource {
    private Instant now = Instant.parse("2026-01-01T10:00:00Z");

    @Override
    public Instant instant() {
        return now;
    }

    void advance(Duration duration) {
        now = now.plus(duration);
    }
}

package dev.seatbooking.registration.service;

import java.time.Duration;

/** The client asked for as many seats of the conference as one client may for now ({@link SeatsPerClient}). */
public final class TooManySeatsAsked extends RuntimeException {

    private final int limit;
    private final Duration retryAfter;

    public TooManySeatsAsked(int limit, Duration retryAfter) {
        super("This address asked for " + limit + " seats of this conference lately, as many as one client may",
                null, false, false);
        this.limit = limit;
        this.retryAfter = retryAfter;
    }

    public int limit() {
        return limit;
    }

    public Duration retryAfter() {
        return retryAfter;
    }
}

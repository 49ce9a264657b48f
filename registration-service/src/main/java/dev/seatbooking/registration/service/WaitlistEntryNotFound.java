package dev.seatbooking.registration.service;

/**
 * A waitlist request for an entry that does not exist, without its access code, or with another one: one refusal
 * for all three (as {@link AccessDenied} for orders), so that entry ids cannot be probed.
 */
public final class WaitlistEntryNotFound extends RuntimeException {

    public WaitlistEntryNotFound() {
        super("No waitlist entry with this id and access code", null, false, false);
    }
}

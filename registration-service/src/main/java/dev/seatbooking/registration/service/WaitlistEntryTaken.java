package dev.seatbooking.registration.service;

import dev.seatbooking.registration.DomainRejection;

import java.util.UUID;

/** A join whose client-chosen entry id is already another join's (the same join again is answered as the first). */
public final class WaitlistEntryTaken extends DomainRejection {

    public WaitlistEntryTaken(UUID entryId) {
        super(Kind.STATE_CONFLICT, "waitlist-entry-taken",
                "Waitlist entry " + entryId + " was already joined with other data");
    }
}

package dev.seatbooking.registration.service;

import dev.seatbooking.registration.DomainRejection;

import java.util.UUID;

/** An accept with another order id than the one the entry's offer was already accepted into. */
public final class WaitlistOfferTaken extends DomainRejection {

    public WaitlistOfferTaken(UUID entryId) {
        super(Kind.STATE_CONFLICT, "waitlist-offer-accepted",
                "The offer of waitlist entry " + entryId + " was already accepted into another order");
    }
}

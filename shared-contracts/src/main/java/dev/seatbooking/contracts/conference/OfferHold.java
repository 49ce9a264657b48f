package dev.seatbooking.contracts.conference;

import dev.seatbooking.contracts.Require;
import java.time.Duration;

/**
 * How long seats offered to a waitlist entry are held for it before the offer lapses and they pass to the next entry:
 * the one home of the default (24 hours) and of the rule that a hold is positive. Per conference, like
 * {@link ReservationHold}; until owners can set it, every conference has the default.
 */
public record OfferHold(Duration duration) {

    public static final OfferHold DEFAULT = new OfferHold(Duration.ofHours(24));

    public OfferHold {
        Require.nonNull(duration, "offerHold");
        if (duration.isNegative() || duration.isZero()) {
            throw new IllegalArgumentException("offerHold must be positive, was " + duration);
        }
    }
}

package dev.seatbooking.contracts.conference;

import dev.seatbooking.contracts.Require;
import java.time.Duration;

/**
 * How long seats offered to a waitlist entry are held for it before the offer lapses and they pass to the next entry:
 * the one home of the default (24 hours) and of the rule that a hold is positive. Per conference, like
 * {@link ReservationHold}: the owner sets it (Conference Management), {@link ConferenceEvent} carries it, Registration
 * holds its offers for it. Messages carry the plain {@link Duration}; this type is what checks it.
 * <p>
 * What an owner may choose (whole hours, up to two weeks) is Conference Management's policy, not a rule of the hold:
 * a consumer accepts any positive hold it is told.
 */
public record OfferHold(Duration duration) {

    /** When a conference does not say otherwise. */
    public static final OfferHold DEFAULT = new OfferHold(Duration.ofHours(24));

    public OfferHold {
        Require.nonNull(duration, "offerHold");
        if (!duration.isPositive()) {
            throw new IllegalArgumentException("offerHold must be positive, was " + duration);
        }
    }

    public static OfferHold of(Duration duration) {
        return new OfferHold(duration);
    }

    /** Null means {@link #DEFAULT}: a message from a producer that predates the setting, a form left empty. */
    public static OfferHold orDefault(Duration duration) {
        return duration == null ? DEFAULT : new OfferHold(duration);
    }
}

package dev.seatbooking.contracts.conference;

import dev.seatbooking.contracts.Require;
import java.time.Duration;

/**
 * How long a new order's seats are held before they go back on sale: the one home of the default (the book's 15
 * minutes) and of the rule that a hold is positive, for the conference's owner (Conference Management), its
 * announcements ({@link ConferenceEvent}) and the orders placed with it (Registration). Messages keep carrying the
 * plain {@link Duration}; this type is what checks it.
 * <p>
 * What an owner may choose (whole minutes, at most a few hours) is Conference Management's policy, not a rule of
 * the hold: a consumer accepts any positive hold it is told.
 */
public record ReservationHold(Duration duration) {

    /** When a conference does not say otherwise. */
    public static final ReservationHold DEFAULT = new ReservationHold(Duration.ofMinutes(15));

    public ReservationHold {
        Require.nonNull(duration, "reservationHold");
        if (!duration.isPositive()) {
            throw new IllegalArgumentException("reservationHold must be positive, was " + duration);
        }
    }

    public static ReservationHold of(Duration duration) {
        return new ReservationHold(duration);
    }

    /** Null means {@link #DEFAULT}: a message from a producer that predates the setting, a form left empty. */
    public static ReservationHold orDefault(Duration duration) {
        return duration == null ? DEFAULT : new ReservationHold(duration);
    }
}

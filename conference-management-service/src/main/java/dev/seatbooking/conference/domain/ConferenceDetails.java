package dev.seatbooking.conference.domain;

import dev.seatbooking.contracts.conference.CancellationCutoff;
import dev.seatbooking.contracts.conference.ConferenceDates;
import dev.seatbooking.contracts.conference.OfferHold;
import dev.seatbooking.contracts.conference.ReservationHold;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Objects;

/**
 * What an owner says about a conference (everything but its identity, access code and publication state).
 * The API validates the fields' shapes and sizes; the database enforces them again.
 *
 * @param tagline         optional
 * @param twitterSearch   optional
 * @param reservationHold how long an order's seats are held; null means {@link ReservationHold#DEFAULT}
 * @param offerHold       how long seats offered to a waitlist entry are held for it; null means
 *                        {@link OfferHold#DEFAULT}
 * @param cancellationCutoffDays until how many whole days before the start a registrant may cancel a confirmed order;
 *                        null means {@link CancellationCutoff#DEFAULT}
 */
public record ConferenceDetails(String slug, String name, String description, String location, String tagline,
                                String twitterSearch, LocalDate startDate, LocalDate endDate, String ownerName,
                                String ownerEmail, Duration reservationHold, Duration offerHold,
                                Integer cancellationCutoffDays) {

    public ConferenceDetails {
        Objects.requireNonNull(slug, "slug");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(location, "location");
        Objects.requireNonNull(ownerName, "ownerName");
        Objects.requireNonNull(ownerEmail, "ownerEmail");
        new ConferenceDates(startDate, endDate);
        reservationHold = ReservationHold.orDefault(reservationHold).duration();
        offerHold = OfferHold.orDefault(offerHold).duration();
        cancellationCutoffDays = CancellationCutoff.orDefault(cancellationCutoffDays).days();
    }

    /** With the default cancellation cut-off. */
    public ConferenceDetails(String slug, String name, String description, String location, String tagline,
                             String twitterSearch, LocalDate startDate, LocalDate endDate, String ownerName,
                             String ownerEmail, Duration reservationHold, Duration offerHold) {
        this(slug, name, description, location, tagline, twitterSearch, startDate, endDate, ownerName, ownerEmail,
                reservationHold, offerHold, null);
    }
}

package dev.seatbooking.contracts.conference;

import dev.seatbooking.contracts.Message;
import dev.seatbooking.contracts.MessageType;
import dev.seatbooking.contracts.Money;
import dev.seatbooking.contracts.Require;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * What Conference Management tells the other contexts (topic {@code conference.events}, key = conference id).
 *
 * <p>Registration needs the conference's identity, dates and hold time and every seat type's price and quantity;
 * the read side needs the descriptive fields. The access code is never published: it is the owner's secret.
 */
public sealed interface ConferenceEvent extends Message {

    UUID conferenceId();

    /**
     * @param tagline optional
     * @param twitterSearch optional
     * @param reservationHold how long an order's seats are held; absent in a message means
     *                        {@link ReservationHold#DEFAULT}, so producers that predate the setting remain readable
     * @param offerHold       how long seats offered to a waitlist entry are held for it; added later (a new optional
     *                        field, same version): absent means {@link OfferHold#DEFAULT}
     * @param cancellationCutoffDays until how many whole days before the start a registrant may cancel a confirmed
     *                        order; added later (optional, same version): absent means {@link CancellationCutoff#DEFAULT}
     */
    @MessageType(name = "conference.ConferenceCreated")
    record ConferenceCreated(UUID conferenceId, String slug, String name, String description, String location,
                             String tagline, String twitterSearch, LocalDate startDate, LocalDate endDate,
                             String ownerName, String ownerEmail, Duration reservationHold, Duration offerHold,
                             Integer cancellationCutoffDays)
            implements ConferenceEvent {
        public ConferenceCreated {
            Require.nonNull(conferenceId, "conferenceId");
            ConferenceChecks.details(slug, name, description, location, startDate, endDate, ownerName, ownerEmail);
            reservationHold = ReservationHold.orDefault(reservationHold).duration();
            offerHold = OfferHold.orDefault(offerHold).duration();
            cancellationCutoffDays = CancellationCutoff.orDefault(cancellationCutoffDays).days();
        }
    }

    /** The full current details (not a diff), so a consumer that missed an update still converges. */
    @MessageType(name = "conference.ConferenceUpdated")
    record ConferenceUpdated(UUID conferenceId, String slug, String name, String description, String location,
                             String tagline, String twitterSearch, LocalDate startDate, LocalDate endDate,
                             String ownerName, String ownerEmail, Duration reservationHold, Duration offerHold,
                             Integer cancellationCutoffDays)
            implements ConferenceEvent {
        public ConferenceUpdated {
            Require.nonNull(conferenceId, "conferenceId");
            ConferenceChecks.details(slug, name, description, location, startDate, endDate, ownerName, ownerEmail);
            reservationHold = ReservationHold.orDefault(reservationHold).duration();
            offerHold = OfferHold.orDefault(offerHold).duration();
            cancellationCutoffDays = CancellationCutoff.orDefault(cancellationCutoffDays).days();
        }
    }

    @MessageType(name = "conference.ConferencePublished")
    record ConferencePublished(UUID conferenceId) implements ConferenceEvent {
        public ConferencePublished {
            Require.nonNull(conferenceId, "conferenceId");
        }
    }

    @MessageType(name = "conference.ConferenceUnpublished")
    record ConferenceUnpublished(UUID conferenceId) implements ConferenceEvent {
        public ConferenceUnpublished {
            Require.nonNull(conferenceId, "conferenceId");
        }
    }

    /** A seat type, announced once the conference has been published at least once. */
    @MessageType(name = "conference.SeatCreated")
    record SeatCreated(UUID conferenceId, UUID seatTypeId, String name, String description, int quantity,
                       Money price) implements ConferenceEvent {
        public SeatCreated {
            Require.nonNull(conferenceId, "conferenceId");
            Require.nonNull(seatTypeId, "seatTypeId");
            Require.text(name, "name");
            Require.nonNull(description, "description");
            Require.nonNegative(quantity, "quantity");
            Require.nonNull(price, "price");
        }
    }

    /** The seat type's full current state; registration turns a quantity change into AddSeats/RemoveSeats. */
    @MessageType(name = "conference.SeatUpdated")
    record SeatUpdated(UUID conferenceId, UUID seatTypeId, String name, String description, int quantity,
                       Money price) implements ConferenceEvent {
        public SeatUpdated {
            Require.nonNull(conferenceId, "conferenceId");
            Require.nonNull(seatTypeId, "seatTypeId");
            Require.text(name, "name");
            Require.nonNull(description, "description");
            Require.nonNegative(quantity, "quantity");
            Require.nonNull(price, "price");
        }
    }

    /**
     * A promotional code's full current definition (not a diff), sent when it is created and after every change
     * (an edit, disabling or enabling it), once the conference has been published at least once. The code text
     * never changes after creation (it is what registrants typed); its id is the code's identity.
     *
     * @param code       normalized by {@link PromotionalCodeText#normalize}, unique in the conference
     * @param usageLimit how many orders may use it (1 = single use); null = unlimited
     * @param validFrom  optional: not usable before
     * @param validUntil optional: not usable from then on
     * @param exclusive  true: combines with no other code; false: combines with other combinable codes
     * @param enabled    false: refused to new orders (uses already held stay held)
     */
    @MessageType(name = "conference.PromotionalCodeDefined")
    record PromotionalCodeDefined(UUID conferenceId, UUID codeId, String code, Discount discount, CodeScope scope,
                                  Integer usageLimit, Instant validFrom, Instant validUntil, boolean exclusive,
                                  boolean enabled) implements ConferenceEvent {
        public PromotionalCodeDefined {
            Require.nonNull(conferenceId, "conferenceId");
            Require.nonNull(codeId, "codeId");
            code = PromotionalCodeText.normalize(code);
            Require.nonNull(discount, "discount");
            Require.nonNull(scope, "scope");
            if (usageLimit != null && usageLimit < 1) {
                throw new IllegalArgumentException("usageLimit must be at least 1 (null = unlimited), was " + usageLimit);
            }
            if (validFrom != null && validUntil != null && !validFrom.isBefore(validUntil)) {
                throw new IllegalArgumentException("validFrom must be before validUntil");
            }
        }
    }
}

package dev.seatbooking.contracts.conference;

import dev.seatbooking.contracts.Message;
import dev.seatbooking.contracts.MessageType;
import dev.seatbooking.contracts.Money;
import dev.seatbooking.contracts.Require;
import java.time.Duration;
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
     */
    @MessageType(name = "conference.ConferenceCreated")
    record ConferenceCreated(UUID conferenceId, String slug, String name, String description, String location,
                             String tagline, String twitterSearch, LocalDate startDate, LocalDate endDate,
                             String ownerName, String ownerEmail, Duration reservationHold) implements ConferenceEvent {
        public ConferenceCreated {
            Require.nonNull(conferenceId, "conferenceId");
            ConferenceChecks.details(slug, name, description, location, startDate, endDate, ownerName, ownerEmail);
            reservationHold = ReservationHold.orDefault(reservationHold).duration();
        }
    }

    /** The full current details (not a diff), so a consumer that missed an update still converges. */
    @MessageType(name = "conference.ConferenceUpdated")
    record ConferenceUpdated(UUID conferenceId, String slug, String name, String description, String location,
                             String tagline, String twitterSearch, LocalDate startDate, LocalDate endDate,
                             String ownerName, String ownerEmail, Duration reservationHold) implements ConferenceEvent {
        public ConferenceUpdated {
            Require.nonNull(conferenceId, "conferenceId");
            ConferenceChecks.details(slug, name, description, location, startDate, endDate, ownerName, ownerEmail);
            reservationHold = ReservationHold.orDefault(reservationHold).duration();
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
}

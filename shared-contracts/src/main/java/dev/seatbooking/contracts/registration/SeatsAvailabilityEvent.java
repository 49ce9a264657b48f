package dev.seatbooking.contracts.registration;

import dev.seatbooking.contracts.Message;
import dev.seatbooking.contracts.MessageType;
import dev.seatbooking.contracts.Require;
import java.util.List;
import java.util.UUID;

/**
 * Events of the SeatsAvailability aggregate, one per conference (stream id = conference id; topic
 * {@code registration.events}, key = conference id). {@code availableSeatsChanged} lists signed deltas of the
 * remaining seats per seat type, so the read side can keep remaining quantities without replaying reservations.
 * The reservation id is the order id.
 */
public sealed interface SeatsAvailabilityEvent extends Message {

    UUID conferenceId();

    /** @param reservationDetails the seats now held by this reservation (all of them, not a delta) */
    @MessageType(name = "registration.SeatsReserved")
    record SeatsReserved(UUID conferenceId, UUID reservationId, List<SeatQuantity> reservationDetails,
                         List<SeatQuantity> availableSeatsChanged) implements SeatsAvailabilityEvent {
        public SeatsReserved {
            Require.nonNull(conferenceId, "conferenceId");
            Require.nonNull(reservationId, "reservationId");
            reservationDetails = Require.list(reservationDetails, "reservationDetails");
            availableSeatsChanged = Require.list(availableSeatsChanged, "availableSeatsChanged");
        }
    }

    @MessageType(name = "registration.SeatsReservationCancelled")
    record SeatsReservationCancelled(UUID conferenceId, UUID reservationId, List<SeatQuantity> availableSeatsChanged)
            implements SeatsAvailabilityEvent {
        public SeatsReservationCancelled {
            Require.nonNull(conferenceId, "conferenceId");
            Require.nonNull(reservationId, "reservationId");
            availableSeatsChanged = Require.list(availableSeatsChanged, "availableSeatsChanged");
        }
    }

    /** The reserved seats are sold for good; the remaining quantities do not change. */
    @MessageType(name = "registration.SeatsReservationCommitted")
    record SeatsReservationCommitted(UUID conferenceId, UUID reservationId) implements SeatsAvailabilityEvent {
        public SeatsReservationCommitted {
            Require.nonNull(conferenceId, "conferenceId");
            Require.nonNull(reservationId, "reservationId");
        }
    }

    /** Seats were added or removed by the conference owner (signed deltas). */
    @MessageType(name = "registration.AvailableSeatsChanged")
    record AvailableSeatsChanged(UUID conferenceId, List<SeatQuantity> seats) implements SeatsAvailabilityEvent {
        public AvailableSeatsChanged {
            Require.nonNull(conferenceId, "conferenceId");
            seats = Require.list(seats, "seats");
        }
    }
}

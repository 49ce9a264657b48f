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
 *
 * <p>{@code seatsOwedChanged} lists signed deltas of the seats <em>owed</em> per seat type: when the owner lowers a
 * quota below what is on sale, the part that could not be taken off sale (the seats are held or sold) is owed, and
 * the first seats that come back (a cancelled, expired or smaller reservation, or a raised quota) pay it off before
 * any goes back on sale. It was added later: a stored event without it owes nothing (an empty list).
 */
public sealed interface SeatsAvailabilityEvent extends Message {

    UUID conferenceId();

    /**
     * @param reservationDetails the seats now held by this reservation (all of them, not a delta)
     * @param seatsOwedChanged   seats given back by a smaller reservation that paid off seats owed (negative deltas)
     */
    @MessageType(name = "registration.SeatsReserved")
    record SeatsReserved(UUID conferenceId, UUID reservationId, List<SeatQuantity> reservationDetails,
                         List<SeatQuantity> availableSeatsChanged, List<SeatQuantity> seatsOwedChanged)
            implements SeatsAvailabilityEvent {
        public SeatsReserved {
            Require.nonNull(conferenceId, "conferenceId");
            Require.nonNull(reservationId, "reservationId");
            reservationDetails = Require.list(reservationDetails, "reservationDetails");
            availableSeatsChanged = Require.list(availableSeatsChanged, "availableSeatsChanged");
            seatsOwedChanged = Require.optionalList(seatsOwedChanged, "seatsOwedChanged");
        }

        /** Nothing owed was paid off. */
        public SeatsReserved(UUID conferenceId, UUID reservationId, List<SeatQuantity> reservationDetails,
                             List<SeatQuantity> availableSeatsChanged) {
            this(conferenceId, reservationId, reservationDetails, availableSeatsChanged, List.of());
        }
    }

    /** @param seatsOwedChanged released seats that paid off seats owed (negative deltas) instead of going on sale */
    @MessageType(name = "registration.SeatsReservationCancelled")
    record SeatsReservationCancelled(UUID conferenceId, UUID reservationId, List<SeatQuantity> availableSeatsChanged,
                                     List<SeatQuantity> seatsOwedChanged) implements SeatsAvailabilityEvent {
        public SeatsReservationCancelled {
            Require.nonNull(conferenceId, "conferenceId");
            Require.nonNull(reservationId, "reservationId");
            availableSeatsChanged = Require.list(availableSeatsChanged, "availableSeatsChanged");
            seatsOwedChanged = Require.optionalList(seatsOwedChanged, "seatsOwedChanged");
        }

        /** Nothing owed was paid off. */
        public SeatsReservationCancelled(UUID conferenceId, UUID reservationId, List<SeatQuantity> availableSeatsChanged) {
            this(conferenceId, reservationId, availableSeatsChanged, List.of());
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

    /**
     * Seats were added or removed by the conference owner (signed deltas).
     *
     * @param seatsOwedChanged a quota lowered below the seats on sale owes the rest (positive deltas); a raised one
     *                         pays off what is owed first (negative deltas)
     */
    @MessageType(name = "registration.AvailableSeatsChanged")
    record AvailableSeatsChanged(UUID conferenceId, List<SeatQuantity> seats, List<SeatQuantity> seatsOwedChanged)
            implements SeatsAvailabilityEvent {
        public AvailableSeatsChanged {
            Require.nonNull(conferenceId, "conferenceId");
            seats = Require.list(seats, "seats");
            seatsOwedChanged = Require.optionalList(seatsOwedChanged, "seatsOwedChanged");
        }

        /** Nothing owed changed. */
        public AvailableSeatsChanged(UUID conferenceId, List<SeatQuantity> seats) {
            this(conferenceId, seats, List.of());
        }
    }
}

package dev.seatbooking.contracts.registration;

import dev.seatbooking.contracts.Message;
import dev.seatbooking.contracts.MessageType;
import dev.seatbooking.contracts.Require;
import java.time.Instant;
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
 *
 * <p>The waitlist (ADR 15) lives in the same stream: seats that come back go first to what is owed, then to the
 * entries waiting for their type, in join order ({@link WaitlistOfferMade}), and only the rest goes on sale. An offer
 * holds seats as a reservation does (under the entry id) until it is accepted, declined or lapses.
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

    /**
     * A cancelled order's sold seats came back (issue 16): {@code availableSeatsChanged} counts only those that went
     * on sale (positive deltas); those offered to waitlist entries follow as {@link WaitlistOfferMade}s in the same
     * decision, and those paying off a lowered quota are in {@code seatsOwedChanged} (negative deltas).
     *
     * @param seats the seats the order returned
     */
    @MessageType(name = "registration.SoldSeatsReturned")
    record SoldSeatsReturned(UUID conferenceId, UUID orderId, List<SeatQuantity> seats,
                             List<SeatQuantity> availableSeatsChanged, List<SeatQuantity> seatsOwedChanged)
            implements SeatsAvailabilityEvent {
        public SoldSeatsReturned {
            Require.nonNull(conferenceId, "conferenceId");
            Require.nonNull(orderId, "orderId");
            seats = Require.list(seats, "seats");
            availableSeatsChanged = Require.list(availableSeatsChanged, "availableSeatsChanged");
            seatsOwedChanged = Require.list(seatsOwedChanged, "seatsOwedChanged");
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

    /** An entry joined the back of a seat type's waitlist, wanting {@code quantity} seats of it. */
    @MessageType(name = "registration.WaitlistJoined")
    record WaitlistJoined(UUID conferenceId, UUID entryId, UUID seatTypeId, int quantity)
            implements SeatsAvailabilityEvent {
        public WaitlistJoined {
            Require.nonNull(conferenceId, "conferenceId");
            Require.nonNull(entryId, "entryId");
            Require.nonNull(seatTypeId, "seatTypeId");
            Require.nonNegative(quantity, "quantity");
        }
    }

    /**
     * Seats are offered to (held for) an entry; made again when more seats come back for an entry offered fewer than
     * it wants.
     *
     * @param offered               all the seats offered to the entry now (not a delta)
     * @param availableSeatsChanged seats taken off sale for the offer (negative deltas; empty when the seats came
     *                              straight from a release, which then never put them on sale)
     * @param offerExpiresAt        when the offer lapses; set by the first offer, not moved when it grows
     */
    @MessageType(name = "registration.WaitlistOfferMade")
    record WaitlistOfferMade(UUID conferenceId, UUID entryId, SeatQuantity offered,
                             List<SeatQuantity> availableSeatsChanged, Instant offerExpiresAt)
            implements SeatsAvailabilityEvent {
        public WaitlistOfferMade {
            Require.nonNull(conferenceId, "conferenceId");
            Require.nonNull(entryId, "entryId");
            Require.nonNull(offered, "offered");
            availableSeatsChanged = Require.list(availableSeatsChanged, "availableSeatsChanged");
            Require.nonNull(offerExpiresAt, "offerExpiresAt");
        }
    }

    /**
     * The entry left the waitlist (declining its offer, if it had one). The seats it was offered came back: the deltas
     * say which went on sale and which paid off seats owed; those offered to the next entries follow as
     * {@link WaitlistOfferMade}.
     */
    @MessageType(name = "registration.WaitlistLeft")
    record WaitlistLeft(UUID conferenceId, UUID entryId, List<SeatQuantity> availableSeatsChanged,
                        List<SeatQuantity> seatsOwedChanged) implements SeatsAvailabilityEvent {
        public WaitlistLeft {
            Require.nonNull(conferenceId, "conferenceId");
            Require.nonNull(entryId, "entryId");
            availableSeatsChanged = Require.list(availableSeatsChanged, "availableSeatsChanged");
            seatsOwedChanged = Require.list(seatsOwedChanged, "seatsOwedChanged");
        }
    }

    /** The entry's offer lapsed unanswered: the entry leaves the waitlist, its seats come back as for WaitlistLeft. */
    @MessageType(name = "registration.WaitlistOfferLapsed")
    record WaitlistOfferLapsed(UUID conferenceId, UUID entryId, List<SeatQuantity> availableSeatsChanged,
                               List<SeatQuantity> seatsOwedChanged) implements SeatsAvailabilityEvent {
        public WaitlistOfferLapsed {
            Require.nonNull(conferenceId, "conferenceId");
            Require.nonNull(entryId, "entryId");
            availableSeatsChanged = Require.list(availableSeatsChanged, "availableSeatsChanged");
            seatsOwedChanged = Require.list(seatsOwedChanged, "seatsOwedChanged");
        }
    }

    /**
     * The offered seats became the pending reservation of order {@code orderId} (as a SeatsReserved would have made
     * it; the seats on sale do not change) and the entry left the waitlist.
     */
    @MessageType(name = "registration.WaitlistOfferAccepted")
    record WaitlistOfferAccepted(UUID conferenceId, UUID entryId, UUID orderId, List<SeatQuantity> reservationDetails)
            implements SeatsAvailabilityEvent {
        public WaitlistOfferAccepted {
            Require.nonNull(conferenceId, "conferenceId");
            Require.nonNull(entryId, "entryId");
            Require.nonNull(orderId, "orderId");
            reservationDetails = Require.list(reservationDetails, "reservationDetails");
        }
    }
}

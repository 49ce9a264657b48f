package dev.seatbooking.contracts.registration;

import dev.seatbooking.contracts.Message;
import dev.seatbooking.contracts.MessageType;
import dev.seatbooking.contracts.Require;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Commands to the SeatsAvailability aggregate of one conference (topic
 * {@code registration.seats-availability.commands}, key = conference id, so one partition owner is its single writer).
 */
public sealed interface SeatsAvailabilityCommand extends Message {

    UUID conferenceId();

    /**
     * Reserves (or re-reserves with new quantities) seats for an order; the reservation id is the order id.
     *
     * @param expiresAt the command's time-to-live: one still queued after this instant must not reserve anything,
     *                  because its order's hold is already over
     */
    @MessageType(name = "registration.MakeSeatReservation")
    record MakeSeatReservation(UUID conferenceId, UUID reservationId, List<SeatQuantity> seats, Instant expiresAt)
            implements SeatsAvailabilityCommand {
        public MakeSeatReservation {
            Require.nonNull(conferenceId, "conferenceId");
            Require.nonNull(reservationId, "reservationId");
            seats = Require.list(seats, "seats");
            Require.nonNull(expiresAt, "expiresAt");
        }

        /** True once the command is stale: it must then be dropped, not executed. */
        public boolean isExpiredAt(Instant now) {
            return !now.isBefore(expiresAt);
        }
    }

    @MessageType(name = "registration.CancelSeatReservation")
    record CancelSeatReservation(UUID conferenceId, UUID reservationId) implements SeatsAvailabilityCommand {
        public CancelSeatReservation {
            Require.nonNull(conferenceId, "conferenceId");
            Require.nonNull(reservationId, "reservationId");
        }
    }

    @MessageType(name = "registration.CommitSeatReservation")
    record CommitSeatReservation(UUID conferenceId, UUID reservationId) implements SeatsAvailabilityCommand {
        public CommitSeatReservation {
            Require.nonNull(conferenceId, "conferenceId");
            Require.nonNull(reservationId, "reservationId");
        }
    }

    /**
     * A confirmed order was cancelled (issue 16): the seats it bought come back, to what a lowered quota owes, the
     * waitlist in join order, then sale. Sent once per order (its cancellation happens once; the message id derives
     * from the order id), so the writer need not remember which orders returned their seats.
     */
    @MessageType(name = "registration.ReturnSoldSeats")
    record ReturnSoldSeats(UUID conferenceId, UUID orderId, List<SeatQuantity> seats)
            implements SeatsAvailabilityCommand {
        public ReturnSoldSeats {
            Require.nonNull(conferenceId, "conferenceId");
            Require.nonNull(orderId, "orderId");
            seats = Require.list(seats, "seats");
        }
    }

    /** Sent when Conference Management creates a seat type or raises its quantity. */
    @MessageType(name = "registration.AddSeats")
    record AddSeats(UUID conferenceId, UUID seatTypeId, int quantity) implements SeatsAvailabilityCommand {
        public AddSeats {
            Require.nonNull(conferenceId, "conferenceId");
            Require.nonNull(seatTypeId, "seatTypeId");
            Require.nonNegative(quantity, "quantity");
        }
    }

    /** Sent when Conference Management lowers a seat type's quantity. */
    @MessageType(name = "registration.RemoveSeats")
    record RemoveSeats(UUID conferenceId, UUID seatTypeId, int quantity) implements SeatsAvailabilityCommand {
        public RemoveSeats {
            Require.nonNull(conferenceId, "conferenceId");
            Require.nonNull(seatTypeId, "seatTypeId");
            Require.nonNegative(quantity, "quantity");
        }
    }

    /**
     * Puts an entry at the back of a seat type's waitlist (entry id: chosen by the caller, names the entry from then
     * on). Seats of the type that come back are offered to the waitlist, in join order, before any goes on sale.
     */
    @MessageType(name = "registration.JoinWaitlist")
    record JoinWaitlist(UUID conferenceId, UUID entryId, UUID seatTypeId, int quantity)
            implements SeatsAvailabilityCommand {
        public JoinWaitlist {
            Require.nonNull(conferenceId, "conferenceId");
            Require.nonNull(entryId, "entryId");
            Require.nonNull(seatTypeId, "seatTypeId");
            Require.nonNegative(quantity, "quantity");
        }
    }

    /** The entry leaves the waitlist; an open offer is declined: its seats pass to the next entry. */
    @MessageType(name = "registration.LeaveWaitlist")
    record LeaveWaitlist(UUID conferenceId, UUID entryId) implements SeatsAvailabilityCommand {
        public LeaveWaitlist {
            Require.nonNull(conferenceId, "conferenceId");
            Require.nonNull(entryId, "entryId");
        }
    }

    /** Scheduled at an offer's expiry: an offer still open then lapses, and its seats pass to the next entry. */
    @MessageType(name = "registration.ExpireWaitlistOffer")
    record ExpireWaitlistOffer(UUID conferenceId, UUID entryId) implements SeatsAvailabilityCommand {
        public ExpireWaitlistOffer {
            Require.nonNull(conferenceId, "conferenceId");
            Require.nonNull(entryId, "entryId");
        }
    }

    /** The offered seats become the reservation of a new order (reservation id = order id), in one event. */
    @MessageType(name = "registration.AcceptWaitlistOffer")
    record AcceptWaitlistOffer(UUID conferenceId, UUID entryId, UUID orderId) implements SeatsAvailabilityCommand {
        public AcceptWaitlistOffer {
            Require.nonNull(conferenceId, "conferenceId");
            Require.nonNull(entryId, "entryId");
            Require.nonNull(orderId, "orderId");
        }
    }
}

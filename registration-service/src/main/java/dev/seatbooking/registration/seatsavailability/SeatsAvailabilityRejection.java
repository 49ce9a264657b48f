package dev.seatbooking.registration.seatsavailability;

import dev.seatbooking.registration.DomainRejection;

import java.util.UUID;

/** Why SeatsAvailability refused a command. Nothing was reserved or released. */
public abstract sealed class SeatsAvailabilityRejection extends DomainRejection {

    private SeatsAvailabilityRejection(Kind kind, String code, String message) {
        super(kind, code, message);
    }

    /** A seat type no AddSeats ever announced for this conference. */
    public static final class UnknownSeatType extends SeatsAvailabilityRejection {
        public UnknownSeatType(UUID conferenceId, UUID seatTypeId) {
            super(Kind.RULE_VIOLATION, "unknown-seat-type",
                    "Conference " + conferenceId + " has no seat type " + seatTypeId);
        }
    }

    public static final class InvalidSeatQuantity extends SeatsAvailabilityRejection {
        public InvalidSeatQuantity(UUID seatTypeId, int quantity) {
            super(Kind.RULE_VIOLATION, "invalid-seat-quantity",
                    "Seat type " + seatTypeId + " is asked " + quantity + " times: a quantity cannot be negative");
        }
    }

    /** A waitlist entry wants at least one seat, and no more than an order may hold of one seat type. */
    public static final class InvalidWaitlistQuantity extends SeatsAvailabilityRejection {
        public InvalidWaitlistQuantity(UUID seatTypeId, int quantity, int max) {
            super(Kind.RULE_VIOLATION, "invalid-waitlist-quantity",
                    "A waitlist entry wants 1 to " + max + " seats of seat type " + seatTypeId + ", not " + quantity);
        }
    }

    /** Accepting an offer the entry does not have (never made, lapsed, declined, or already accepted). */
    public static final class NoOpenOffer extends SeatsAvailabilityRejection {
        public NoOpenOffer(UUID entryId) {
            super(Kind.STATE_CONFLICT, "no-open-offer", "Waitlist entry " + entryId + " has no open offer");
        }
    }

    /** An offer accepted into an order that already holds a reservation: the order must be a new one. */
    public static final class ReservationExists extends SeatsAvailabilityRejection {
        public ReservationExists(UUID orderId) {
            super(Kind.STATE_CONFLICT, "reservation-exists", "Order " + orderId + " already holds a reservation");
        }
    }
}

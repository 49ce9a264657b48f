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
}

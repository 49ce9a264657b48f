package dev.seatbooking.registration.seatassignments;

import dev.seatbooking.registration.DomainRejection;

import java.util.UUID;

/** Why SeatAssignments refused a command. No attendee changed. */
public abstract sealed class SeatAssignmentsRejection extends DomainRejection {

    private SeatAssignmentsRejection(Kind kind, String code, String message) {
        super(kind, code, message);
    }

    /** No confirmed order created these seat assignments. */
    public static final class UnknownSeatAssignments extends SeatAssignmentsRejection {
        public UnknownSeatAssignments(UUID seatAssignmentsId) {
            super(Kind.UNKNOWN, "unknown-seat-assignments", "Seat assignments " + seatAssignmentsId + " do not exist");
        }
    }

    public static final class UnknownSeatPosition extends SeatAssignmentsRejection {
        public UnknownSeatPosition(UUID seatAssignmentsId, int position) {
            super(Kind.UNKNOWN, "unknown-seat-position",
                    "Seat assignments " + seatAssignmentsId + " have no seat at position " + position);
        }
    }

    /** The seat went to as many people as one seat may ({@link SeatAssignments#MAX_ATTENDEES_PER_SEAT}). */
    public static final class SeatAssignedTooOften extends SeatAssignmentsRejection {
        public SeatAssignedTooOften(UUID seatAssignmentsId, int position, int most) {
            super(Kind.RULE_VIOLATION, "seat-assigned-too-often", "The seat at position " + position
                    + " of seat assignments " + seatAssignmentsId + " went to " + most
                    + " people already, the most one seat may; its attendee's name can still change");
        }
    }

    public static final class NoSeatsPurchased extends SeatAssignmentsRejection {
        public NoSeatsPurchased(UUID orderId) {
            super(Kind.RULE_VIOLATION, "no-seats-purchased", "Order " + orderId + " bought no seat to assign");
        }
    }

    public static final class CreatedForAnotherOrder extends SeatAssignmentsRejection {
        public CreatedForAnotherOrder(UUID seatAssignmentsId, UUID orderId) {
            super(Kind.STATE_CONFLICT, "seat-assignments-of-another-order",
                    "Seat assignments " + seatAssignmentsId + " belong to order " + orderId);
        }
    }
}

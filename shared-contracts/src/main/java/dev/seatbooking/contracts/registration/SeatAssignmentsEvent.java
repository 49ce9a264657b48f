package dev.seatbooking.contracts.registration;

import dev.seatbooking.contracts.Message;
import dev.seatbooking.contracts.MessageType;
import dev.seatbooking.contracts.Require;
import java.util.List;
import java.util.UUID;

/**
 * Events of the SeatAssignments aggregate, one per confirmed order (stream id = seat assignments id, which cannot
 * be the order id because the Order stream has it; topic {@code registration.events}, key = seat assignments id).
 * Every event also names its order, so that consumers listing attendees per order need no lookup.
 */
public sealed interface SeatAssignmentsEvent extends Message {

    UUID seatAssignmentsId();

    UUID orderId();

    @MessageType(name = "registration.SeatAssignmentsCreated")
    record SeatAssignmentsCreated(UUID seatAssignmentsId, UUID orderId, List<SeatPosition> seats)
            implements SeatAssignmentsEvent {
        public SeatAssignmentsCreated {
            Require.nonNull(seatAssignmentsId, "seatAssignmentsId");
            Require.nonNull(orderId, "orderId");
            seats = Require.list(seats, "seats");
        }
    }

    @MessageType(name = "registration.SeatAssigned")
    record SeatAssigned(UUID seatAssignmentsId, UUID orderId, int position, UUID seatTypeId, PersonalInfo attendee)
            implements SeatAssignmentsEvent {
        public SeatAssigned {
            Require.nonNull(seatAssignmentsId, "seatAssignmentsId");
            Require.nonNull(orderId, "orderId");
            Require.nonNegative(position, "position");
            Require.nonNull(seatTypeId, "seatTypeId");
            Require.nonNull(attendee, "attendee");
        }
    }

    @MessageType(name = "registration.SeatUnassigned")
    record SeatUnassigned(UUID seatAssignmentsId, UUID orderId, int position) implements SeatAssignmentsEvent {
        public SeatUnassigned {
            Require.nonNull(seatAssignmentsId, "seatAssignmentsId");
            Require.nonNull(orderId, "orderId");
            Require.nonNegative(position, "position");
        }
    }

    /** Same attendee (same email), changed name. */
    @MessageType(name = "registration.SeatAssignmentUpdated")
    record SeatAssignmentUpdated(UUID seatAssignmentsId, UUID orderId, int position, PersonalInfo attendee)
            implements SeatAssignmentsEvent {
        public SeatAssignmentUpdated {
            Require.nonNull(seatAssignmentsId, "seatAssignmentsId");
            Require.nonNull(orderId, "orderId");
            Require.nonNegative(position, "position");
            Require.nonNull(attendee, "attendee");
        }
    }
}

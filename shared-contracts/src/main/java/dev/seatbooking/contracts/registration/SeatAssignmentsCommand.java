package dev.seatbooking.contracts.registration;

import dev.seatbooking.contracts.Message;
import dev.seatbooking.contracts.MessageType;
import dev.seatbooking.contracts.Require;
import java.util.UUID;

/** Commands to the SeatAssignments aggregate of one confirmed order. */
public sealed interface SeatAssignmentsCommand extends Message {

    UUID seatAssignmentsId();

    @MessageType(name = "registration.AssignSeat")
    record AssignSeat(UUID seatAssignmentsId, int position, PersonalInfo attendee) implements SeatAssignmentsCommand {
        public AssignSeat {
            Require.nonNull(seatAssignmentsId, "seatAssignmentsId");
            Require.nonNegative(position, "position");
            Require.nonNull(attendee, "attendee");
        }
    }

    @MessageType(name = "registration.UnassignSeat")
    record UnassignSeat(UUID seatAssignmentsId, int position) implements SeatAssignmentsCommand {
        public UnassignSeat {
            Require.nonNull(seatAssignmentsId, "seatAssignmentsId");
            Require.nonNegative(position, "position");
        }
    }
}

package dev.seatbooking.readmodel.orderseats;

import java.util.List;
import java.util.UUID;

/**
 * @param seatAssignmentsId the SeatAssignments aggregate to send seat assignment commands to
 * @param version           the version of the seat assignments stream this view reflects
 */
public record OrderSeats(UUID orderId, UUID seatAssignmentsId, List<Seat> seats, long version) {

    /** @param seatTypeName null until the seat type's details reached the read side; @param attendee null if unassigned */
    public record Seat(int position, UUID seatTypeId, String seatTypeName, Attendee attendee) {
    }

    public record Attendee(String firstName, String lastName, String email) {
    }
}

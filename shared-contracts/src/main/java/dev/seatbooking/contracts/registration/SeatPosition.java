package dev.seatbooking.contracts.registration;

import dev.seatbooking.contracts.Require;
import java.util.UUID;

/** One purchased seat of an order: each seat bought is its own position, to which one attendee can be assigned. */
public record SeatPosition(int position, UUID seatTypeId) {

    public SeatPosition {
        Require.nonNegative(position, "position");
        Require.nonNull(seatTypeId, "seatTypeId");
    }
}

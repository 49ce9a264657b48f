package dev.seatbooking.contracts.registration;

import dev.seatbooking.contracts.Require;
import java.util.UUID;

/**
 * A number of seats of one seat type. May be negative where it describes a change of availability
 * (e.g. {@code -2} in {@code SeatsReserved.availableSeatsChanged}).
 */
public record SeatQuantity(UUID seatTypeId, int quantity) {

    public SeatQuantity {
        Require.nonNull(seatTypeId, "seatTypeId");
    }
}

package dev.seatbooking.readmodel.draftorder;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * @param reservationExpiration when the seats are released unless the order is confirmed (the countdown)
 * @param registrant            null until the registrant gave their details
 *                              (the order's access code is never part of a view: see OrderAccessCodes)
 * @param version               the order stream's version this view reflects
 */
public record DraftOrder(UUID orderId, UUID conferenceId, DraftOrderState state, List<Line> lines,
                         Instant reservationExpiration, Registrant registrant, long version) {

    /** @param requested seats asked for; @param reserved seats held (0 until the reservation answers) */
    public record Line(UUID seatTypeId, int requested, int reserved) {
    }

    public record Registrant(String firstName, String lastName, String email) {
    }
}

package dev.seatbooking.contracts.registration;

import dev.seatbooking.contracts.Message;
import dev.seatbooking.contracts.MessageType;
import dev.seatbooking.contracts.Require;
import java.util.UUID;

/**
 * Events of a conference's promotional code uses (one stream per conference, a stream type of its own; its stream id
 * is derived from the conference id, which is SeatsAvailability's stream id; topic {@code registration.events}, key =
 * that stream id, so one conference's uses stay in order; every event names its conference). Written with the event
 * store's expected version by whoever decides (ADR 14), so two orders never take the same last use. A use of a limited code is scarce like a seat: held with an order's
 * reservation, released when the order expires or drops the code, spent when the order is confirmed.
 *
 * <p>Every event carries the code's counts after it ({@code held}, {@code used}), so a consumer that only shows them
 * (the owner's list of codes) keeps the latest without replaying the uses.
 */
public sealed interface PromotionalCodeUsesEvent extends Message {

    UUID conferenceId();

    UUID codeId();

    UUID orderId();

    /** Uses held by orders not yet confirmed, after this event. */
    int held();

    /** Uses spent by confirmed orders, after this event. */
    int used();

    @MessageType(name = "registration.PromotionalCodeUseHeld")
    record PromotionalCodeUseHeld(UUID conferenceId, UUID codeId, UUID orderId, int held, int used)
            implements PromotionalCodeUsesEvent {
        public PromotionalCodeUseHeld {
            check(conferenceId, codeId, orderId, held, used);
        }
    }

    /** The order expired, was cancelled before confirmation or dropped the code: the use is available again. */
    @MessageType(name = "registration.PromotionalCodeUseReleased")
    record PromotionalCodeUseReleased(UUID conferenceId, UUID codeId, UUID orderId, int held, int used)
            implements PromotionalCodeUsesEvent {
        public PromotionalCodeUseReleased {
            check(conferenceId, codeId, orderId, held, used);
        }
    }

    /** The order was confirmed: its held use is spent for good. */
    @MessageType(name = "registration.PromotionalCodeUseSpent")
    record PromotionalCodeUseSpent(UUID conferenceId, UUID codeId, UUID orderId, int held, int used)
            implements PromotionalCodeUsesEvent {
        public PromotionalCodeUseSpent {
            check(conferenceId, codeId, orderId, held, used);
        }
    }

    private static void check(UUID conferenceId, UUID codeId, UUID orderId, int held, int used) {
        Require.nonNull(conferenceId, "conferenceId");
        Require.nonNull(codeId, "codeId");
        Require.nonNull(orderId, "orderId");
        Require.nonNegative(held, "held");
        Require.nonNegative(used, "used");
    }
}

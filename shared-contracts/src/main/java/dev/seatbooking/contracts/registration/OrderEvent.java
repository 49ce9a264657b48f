package dev.seatbooking.contracts.registration;

import dev.seatbooking.contracts.Message;
import dev.seatbooking.contracts.MessageType;
import dev.seatbooking.contracts.Money;
import dev.seatbooking.contracts.Require;
import dev.seatbooking.contracts.conference.CodeScope;
import dev.seatbooking.contracts.conference.Discount;
import dev.seatbooking.contracts.conference.PromotionalCodeText;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** Events of the Order aggregate (stream id = order id; topic {@code registration.events}, key = order id). */
public sealed interface OrderEvent extends Message {

    UUID orderId();

    /** @param accessCode lets the registrant find the order again with their email (record locator) */
    @MessageType(name = "registration.OrderPlaced")
    record OrderPlaced(UUID orderId, UUID conferenceId, List<SeatQuantity> seats, Instant reservationAutoExpiration,
                       String accessCode) implements OrderEvent {
        public OrderPlaced {
            Require.nonNull(orderId, "orderId");
            Require.nonNull(conferenceId, "conferenceId");
            seats = Require.list(seats, "seats");
            Require.nonNull(reservationAutoExpiration, "reservationAutoExpiration");
            Require.text(accessCode, "accessCode");
        }
    }

    /** The registrant changed the seats while the reservation was held. */
    @MessageType(name = "registration.OrderUpdated")
    record OrderUpdated(UUID orderId, List<SeatQuantity> seats) implements OrderEvent {
        public OrderUpdated {
            Require.nonNull(orderId, "orderId");
            seats = Require.list(seats, "seats");
        }
    }

    /**
     * Prices come from the seat types Conference Management published; discounts from the promotional codes applied
     * to the order.
     *
     * @param total     what the order costs: the lines' totals less the discounts (never below zero)
     * @param discounts what each applied code takes off each line in its scope (only lines it takes something off),
     *                  in the order the discounts were taken. Added in v2 (issue 14): a v1 event, stored before
     *                  codes, is upcast with none ({@code Upcasters.ORDER_TOTALS_CALCULATED_V1}), and its total is
     *                  the lines' sum, as it always was.
     */
    @MessageType(name = "registration.OrderTotalsCalculated", version = 2)
    record OrderTotalsCalculated(UUID orderId, Money total, List<OrderLine> lines, boolean isFreeOfCharge,
                                 List<DiscountLine> discounts) implements OrderEvent {
        public OrderTotalsCalculated {
            Require.nonNull(orderId, "orderId");
            Require.nonNull(total, "total");
            lines = Require.list(lines, "lines");
            discounts = Require.optionalList(discounts, "discounts");
        }

        /** Without discounts: no promotional code applies. */
        public OrderTotalsCalculated(UUID orderId, Money total, List<OrderLine> lines, boolean isFreeOfCharge) {
            this(orderId, total, lines, isFreeOfCharge, List.of());
        }
    }

    /**
     * The registrant applied a promotional code while the order was held (with the placement or afterwards). It
     * carries the code's discount, scope and exclusivity as they were when it was applied: the order is priced with
     * those until the code is removed, whatever the owner changes later (a use already held stays held).
     */
    @MessageType(name = "registration.PromotionalCodeApplied")
    record PromotionalCodeApplied(UUID orderId, UUID codeId, String code, Discount discount, CodeScope scope,
                                  boolean exclusive) implements OrderEvent {
        public PromotionalCodeApplied {
            Require.nonNull(orderId, "orderId");
            Require.nonNull(codeId, "codeId");
            code = PromotionalCodeText.normalize(code);
            Require.nonNull(discount, "discount");
            Require.nonNull(scope, "scope");
        }
    }

    /**
     * The code no longer applies to the order: the registrant removed it, or a seat change left no line in its scope.
     * Its use is released.
     */
    @MessageType(name = "registration.PromotionalCodeRemoved")
    record PromotionalCodeRemoved(UUID orderId, UUID codeId, String code, Reason reason) implements OrderEvent {

        public enum Reason { REMOVED_BY_REGISTRANT, NO_LINE_IN_SCOPE }

        public PromotionalCodeRemoved {
            Require.nonNull(orderId, "orderId");
            Require.nonNull(codeId, "codeId");
            code = PromotionalCodeText.normalize(code);
            Require.nonNull(reason, "reason");
        }
    }

    /** Fewer seats were available than asked; {@code seats} is what was actually reserved. */
    @MessageType(name = "registration.OrderPartiallyReserved")
    record OrderPartiallyReserved(UUID orderId, Instant reservationExpiration, List<SeatQuantity> seats)
            implements OrderEvent {
        public OrderPartiallyReserved {
            Require.nonNull(orderId, "orderId");
            Require.nonNull(reservationExpiration, "reservationExpiration");
            seats = Require.list(seats, "seats");
        }
    }

    @MessageType(name = "registration.OrderReservationCompleted")
    record OrderReservationCompleted(UUID orderId, Instant reservationExpiration, List<SeatQuantity> seats)
            implements OrderEvent {
        public OrderReservationCompleted {
            Require.nonNull(orderId, "orderId");
            Require.nonNull(reservationExpiration, "reservationExpiration");
            seats = Require.list(seats, "seats");
        }
    }

    /**
     * The order was rejected: its hold and the expiry buffer after it ran out before it was paid (a payment that
     * arrives later is not applied); its seats go back on sale.
     */
    @MessageType(name = "registration.OrderExpired")
    record OrderExpired(UUID orderId) implements OrderEvent {
        public OrderExpired {
            Require.nonNull(orderId, "orderId");
        }
    }

    /**
     * A confirmed order was cancelled, by the conference's owner or by the registrant (before the owner's cut-off):
     * its seats go back on sale, and payments refunds the payment that confirmed it ({@code OrderConfirmed.paymentId};
     * a free order has nothing to refund).
     *
     * @param conferenceId the order's conference, so that a consumer need not have seen its OrderPlaced
     */
    @MessageType(name = "registration.OrderCancelled")
    record OrderCancelled(UUID orderId, UUID conferenceId, CancelledBy cancelledBy, Instant cancelledAt)
            implements OrderEvent {

        public enum CancelledBy { OWNER, REGISTRANT }

        public OrderCancelled {
            Require.nonNull(orderId, "orderId");
            Require.nonNull(conferenceId, "conferenceId");
            Require.nonNull(cancelledBy, "cancelledBy");
            Require.nonNull(cancelledAt, "cancelledAt");
        }
    }

    @MessageType(name = "registration.OrderRegistrantAssigned")
    record OrderRegistrantAssigned(UUID orderId, String firstName, String lastName, String email)
            implements OrderEvent {
        public OrderRegistrantAssigned {
            Require.nonNull(orderId, "orderId");
            Require.nonNull(firstName, "firstName");
            Require.nonNull(lastName, "lastName");
            Require.text(email, "email");
        }
    }

    /**
     * Paid, or free of charge. Streams written before free orders existed hold {@code registration.OrderPaymentConfirmed}
     * v1 instead; the codec upcasts it to this event with {@code isFreeOfCharge = false}.
     *
     * @param paymentId the payment that confirmed the order: registration decides which payment is the order's, and
     *                  Payments keeps that one and refunds any other completed payment of the order. Null for a free
     *                  order, and in events stored before the field existed.
     */
    @MessageType(name = "registration.OrderConfirmed")
    record OrderConfirmed(UUID orderId, boolean isFreeOfCharge, UUID paymentId) implements OrderEvent {
        public OrderConfirmed {
            Require.nonNull(orderId, "orderId");
        }

        /** Without a payment: a free order (or an event stored before the payment was named). */
        public OrderConfirmed(UUID orderId, boolean isFreeOfCharge) {
            this(orderId, isFreeOfCharge, null);
        }
    }
}

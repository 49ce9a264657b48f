package dev.seatbooking.payments.domain;

import dev.seatbooking.contracts.Money;

import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * An order as this context knows it from registration's events ({@code OrderPlaced}, {@code OrderTotalsCalculated},
 * {@code OrderConfirmed}, {@code OrderExpired}), plus the payment of ours that completed for it, if any.
 *
 * @param paidBy the completed payment of this order that is not itself due for refund, or null
 */
public record KnownOrder(UUID orderId, UUID conferenceId, Money total, boolean freeOfCharge, OrderStatus status,
                         UUID paidBy) {

    public KnownOrder {
        Objects.requireNonNull(orderId, "orderId");
        Objects.requireNonNull(conferenceId, "conferenceId");
        Objects.requireNonNull(total, "total");
        Objects.requireNonNull(status, "status");
    }

    /*
     * "This money must go back" is decided here, whichever of a payment's completion and the order's expiry
     * payments sees first: the one that comes second asks. Registration keeps no record of it (issue 13).
     */

    /**
     * Whether a payment that has just completed for this order must be refunded: the order expired, or it was
     * already paid by another payment or confirmed without one.
     */
    public Optional<RefundReason> refundDueWhenCompletedBy(UUID paymentId) {
        if (status == OrderStatus.EXPIRED) return Optional.of(RefundReason.ORDER_EXPIRED);
        if (paidBy != null && !paidBy.equals(paymentId)) return Optional.of(RefundReason.ORDER_ALREADY_PAID);
        if (status == OrderStatus.CONFIRMED && paidBy == null) return Optional.of(RefundReason.ORDER_ALREADY_PAID);
        return Optional.empty();
    }

    /**
     * The order has just expired (this is its expired state): the payment that had paid it, if any, completed too
     * late and must be refunded, for {@link RefundReason#ORDER_EXPIRED}. A second payment was already marked when it
     * completed.
     */
    public Optional<UUID> refundDueWhenExpired() {
        return Optional.ofNullable(paidBy);
    }
}

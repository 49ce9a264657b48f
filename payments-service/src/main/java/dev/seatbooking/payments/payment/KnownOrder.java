package dev.seatbooking.payments.payment;

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

    public KnownOrder paidBy(UUID paymentId) {
        return new KnownOrder(orderId, conferenceId, total, freeOfCharge, status, paymentId);
    }

    public KnownOrder withStatus(OrderStatus newStatus) {
        return new KnownOrder(orderId, conferenceId, total, freeOfCharge, newStatus, paidBy);
    }

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
}

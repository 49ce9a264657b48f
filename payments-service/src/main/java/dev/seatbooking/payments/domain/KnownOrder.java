package dev.seatbooking.payments.domain;

import dev.seatbooking.contracts.Money;
import dev.seatbooking.contracts.payments.RefundReason;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * An order as this context knows it from registration's events ({@code OrderPlaced}, {@code OrderTotalsCalculated},
 * {@code OrderConfirmed}, {@code OrderExpired}).
 *
 * <p>Registration decides which payment is the order's: the one its {@code OrderConfirmed} names. Until then a
 * completed payment is neither kept nor due back (registration may not have applied it: it came while the order was
 * re-reserved, or paid an old total), and the registrant may pay again.
 *
 * @param confirmedBy the payment registration confirmed the order with; null until confirmed, for a free order, and
 *                    for an order confirmed before {@code OrderConfirmed} named its payment
 */
public record KnownOrder(UUID orderId, UUID conferenceId, Money total, boolean freeOfCharge, OrderStatus status,
                         UUID confirmedBy) {

    public KnownOrder {
        Objects.requireNonNull(orderId, "orderId");
        Objects.requireNonNull(conferenceId, "conferenceId");
        Objects.requireNonNull(total, "total");
        Objects.requireNonNull(status, "status");
    }

    /*
     * "This money must go back" is decided here, whichever of a payment's completion and the order's confirmation or
     * expiry payments sees first: the one that comes second asks. Registration keeps no record of it (issue 13).
     */

    /**
     * Whether a payment that has just completed for this order must be refunded: the order expired, or it was
     * confirmed with another payment or without one. A pending order waits for registration's decision.
     */
    public Optional<RefundReason> refundDueWhenCompletedBy(UUID paymentId) {
        return switch (status) {
            case EXPIRED -> Optional.of(RefundReason.ORDER_EXPIRED);
            case CONFIRMED -> paymentId.equals(confirmedBy) ? Optional.empty()
                    : Optional.of(RefundReason.ORDER_ALREADY_PAID);
            case CANCELLED -> Optional.of(RefundReason.ORDER_CANCELLED);
            case PENDING -> Optional.empty();
        };
    }

    /**
     * The order has just been cancelled (this is its cancelled state): no payment of it is kept any more, so every
     * completed one not yet due back (the one that confirmed it) is, for {@link RefundReason#ORDER_CANCELLED}. A free
     * order has none.
     *
     * @param completed the order's completed payments not yet due back
     */
    public List<UUID> refundDueWhenCancelled(List<UUID> completed) {
        return List.copyOf(completed);
    }

    /**
     * The order has just been confirmed (this is its confirmed state): the completed payments that did not confirm
     * it are due back, for {@link RefundReason#ORDER_ALREADY_PAID}.
     *
     * @param completed the order's completed payments not yet due back, the earliest completed first
     */
    public List<UUID> refundDueWhenConfirmed(List<UUID> completed) {
        UUID kept = confirmedBy;
        if (kept == null && !freeOfCharge && !completed.isEmpty()) {
            // Confirmed by an event stored before OrderConfirmed named its payment: as then, the first one is kept.
            kept = completed.getFirst();
        }
        UUID keep = kept;
        return completed.stream().filter(payment -> !payment.equals(keep)).toList();
    }

    /**
     * The order has just expired (this is its expired state): every payment that had completed for it came too late
     * and is due back, for {@link RefundReason#ORDER_EXPIRED}.
     *
     * @param completed the order's completed payments not yet due back
     */
    public List<UUID> refundDueWhenExpired(List<UUID> completed) {
        return List.copyOf(completed);
    }
}

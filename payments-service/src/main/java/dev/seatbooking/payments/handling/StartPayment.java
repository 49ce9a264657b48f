package dev.seatbooking.payments.handling;

import dev.seatbooking.contracts.Money;
import dev.seatbooking.contracts.payments.PaymentItem;

import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * A request to pay an order, as a client sends it: the payment id is the client's, so sending the same request
 * again is harmless.
 *
 * @param conferenceId optional: the order's conference is known from registration; if given it must be that one
 * @param description  shown to the payer by the processor
 * @param items        shown to the payer; if any, they add up to the amount
 */
public record StartPayment(UUID paymentId, UUID orderId, UUID conferenceId, String description, Money amount,
                           List<PaymentItem> items) {

    public StartPayment {
        Objects.requireNonNull(paymentId, "paymentId");
        Objects.requireNonNull(orderId, "orderId");
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(amount, "amount");
        items = List.copyOf(items);
    }

    /** Whether this asks for the very payment {@code existing} records (so it is a repeat, not a conflict). */
    public boolean sameAs(PaymentRecord existing) {
        return paymentId.equals(existing.paymentId())
                && orderId.equals(existing.orderId())
                && (conferenceId == null || conferenceId.equals(existing.conferenceId()))
                && description.equals(existing.description())
                && amount.equals(existing.amount())
                && items.equals(existing.items());
    }
}

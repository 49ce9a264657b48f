package dev.seatbooking.payments.orders;

import dev.seatbooking.contracts.Money;
import dev.seatbooking.payments.domain.KnownOrder;
import dev.seatbooking.payments.domain.OrderStatus;

import java.util.Optional;
import java.util.UUID;

/**
 * A row of {@code order_totals}: an order as far as registration's events have told us.
 *
 * @param conferenceId null until {@code OrderPlaced} was applied
 * @param total        null until {@code OrderTotalsCalculated} was applied
 * @param confirmedBy  the payment {@code OrderConfirmed} named, if any
 * @param version      the order stream's version last applied
 */
public record OrderTotals(UUID orderId, UUID conferenceId, Money total, boolean freeOfCharge, OrderStatus status,
                          UUID confirmedBy, long version) {

    /** The order as payment decisions see it, once both its conference and its total are known. */
    public Optional<KnownOrder> known() {
        if (conferenceId == null || total == null) return Optional.empty();
        return Optional.of(new KnownOrder(orderId, conferenceId, total, freeOfCharge, status, confirmedBy));
    }
}

package dev.seatbooking.payments.api;

import dev.seatbooking.payments.domain.OrderStatus;
import io.swagger.v3.oas.annotations.media.Schema;

import java.util.List;
import java.util.UUID;

/**
 * What payments knows of an order from registration's events, with the payments made for it.
 *
 * @param total   null until registration's {@code OrderTotalsCalculated} arrived
 * @param version the order stream's version last applied
 */
@Schema(name = "KnownOrder")
public record KnownOrderView(UUID orderId, UUID conferenceId, AmountJson total, boolean freeOfCharge,
                             OrderStatus status, long version, List<PaymentView> payments) {
}

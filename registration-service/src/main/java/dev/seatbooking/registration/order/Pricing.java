package dev.seatbooking.registration.order;

import dev.seatbooking.contracts.Money;
import dev.seatbooking.contracts.registration.OrderEvent.OrderTotalsCalculated;
import dev.seatbooking.contracts.registration.OrderLine;
import dev.seatbooking.contracts.registration.SeatQuantity;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** Prices seats with the conference's current seat types (the book's PricingService). */
final class Pricing {

    private Pricing() {
    }

    /**
     * @param currencyIfEmpty the currency of a total without lines (nothing could be reserved), which has no
     *                        price to take it from
     */
    static OrderTotalsCalculated totals(UUID orderId, List<SeatQuantity> seats, ConferenceSeatTypes seatTypes,
                                        String currencyIfEmpty) {
        List<OrderLine> lines = new ArrayList<>();
        for (SeatQuantity seat : seats) {
            if (seat.quantity() == 0) continue;
            var seatType = seatTypes.find(seat.seatTypeId()).orElseThrow(
                    () -> new OrderRejection.UnknownSeatType(seatTypes.conferenceId(), seat.seatTypeId()));
            lines.add(OrderLine.of(seatType.id(), seatType.name(), seatType.price(), seat.quantity()));
        }
        Money total = Money.zero(lines.isEmpty() ? currencyIfEmpty : lines.getFirst().unitPrice().currency());
        for (OrderLine line : lines) {
            if (!line.lineTotal().currency().equals(total.currency())) {
                throw new OrderRejection.MixedCurrencies(seatTypes.conferenceId());
            }
            total = total.plus(line.lineTotal());
        }
        // An order with no seat left costs nothing but is not "free": there is nothing to confirm.
        boolean freeOfCharge = total.isZero() && !lines.isEmpty();
        return new OrderTotalsCalculated(orderId, total, lines, freeOfCharge);
    }
}

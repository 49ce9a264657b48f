package dev.seatbooking.registration.order;

import dev.seatbooking.contracts.Money;
import dev.seatbooking.contracts.registration.DiscountLine;
import dev.seatbooking.contracts.registration.OrderEvent.OrderTotalsCalculated;
import dev.seatbooking.contracts.registration.OrderEvent.PromotionalCodeApplied;
import dev.seatbooking.contracts.registration.OrderLine;
import dev.seatbooking.contracts.registration.SeatQuantity;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** Prices seats with the conference's current seat types (the book's PricingService), less the codes' discounts. */
final class Pricing {

    private Pricing() {
    }

    /** One line per seat type asked for, priced as the conference sells it now; all in one currency. */
    static List<OrderLine> lines(List<SeatQuantity> seats, ConferenceSeatTypes seatTypes) {
        List<OrderLine> lines = new ArrayList<>();
        for (SeatQuantity seat : seats) {
            if (seat.quantity() == 0) continue;
            var seatType = seatTypes.find(seat.seatTypeId()).orElseThrow(
                    () -> new OrderRejection.UnknownSeatType(seatTypes.conferenceId(), seat.seatTypeId()));
            lines.add(OrderLine.of(seatType.id(), seatType.name(), seatType.price(), seat.quantity()));
        }
        for (OrderLine line : lines) {
            if (!line.unitPrice().currency().equals(lines.getFirst().unitPrice().currency())) {
                throw new OrderRejection.MixedCurrencies(seatTypes.conferenceId());
            }
        }
        return List.copyOf(lines);
    }

    /**
     * The order's totals: the lines' sum less the discounts of the codes applied ({@link Discounts}).
     *
     * @param currencyIfEmpty the currency of a total without lines (nothing could be reserved), which has no
     *                        price to take it from
     */
    static OrderTotalsCalculated totals(UUID orderId, List<OrderLine> lines, List<PromotionalCodeApplied> codes,
                                        String currencyIfEmpty) {
        String currency = lines.isEmpty() ? currencyIfEmpty : lines.getFirst().unitPrice().currency();
        BigDecimal total = BigDecimal.ZERO;
        for (OrderLine line : lines) total = total.add(line.lineTotal().amount());
        List<DiscountLine> discounts = Discounts.of(lines, codes);
        for (DiscountLine discount : discounts) total = total.subtract(discount.amount().amount());
        Money owed = new Money(total, currency);
        // An order with no seat left costs nothing but is not "free": there is nothing to confirm.
        boolean freeOfCharge = owed.isZero() && !lines.isEmpty();
        return new OrderTotalsCalculated(orderId, owed, lines, freeOfCharge, discounts);
    }
}

package dev.seatbooking.readmodel.support;

import dev.seatbooking.contracts.Money;
import dev.seatbooking.contracts.conference.ConferenceEvent.ConferenceCreated;
import dev.seatbooking.contracts.conference.ConferenceEvent.ConferenceUpdated;
import dev.seatbooking.contracts.conference.ConferenceEvent.SeatCreated;
import dev.seatbooking.contracts.conference.CodeScope;
import dev.seatbooking.contracts.conference.Discount;
import dev.seatbooking.contracts.registration.DiscountLine;
import dev.seatbooking.contracts.registration.OrderEvent.OrderPlaced;
import dev.seatbooking.contracts.registration.OrderEvent.OrderTotalsCalculated;
import dev.seatbooking.contracts.registration.OrderEvent.PromotionalCodeApplied;
import dev.seatbooking.contracts.registration.OrderLine;
import dev.seatbooking.contracts.registration.SeatQuantity;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** Contract events with sensible defaults, numbers in sight. */
public final class Samples {

    public static final Instant NOW = Instant.parse("2030-05-01T09:30:00Z");
    public static final Instant EXPIRES = NOW.plus(15, ChronoUnit.MINUTES);

    private Samples() {
    }

    public static ConferenceCreated conferenceCreated(UUID id, String slug) {
        return new ConferenceCreated(id, slug, "Conference " + slug, "All about " + slug, "Lisbon", "Be there",
                "#" + slug, LocalDate.of(2030, 6, 12), LocalDate.of(2030, 6, 14), "Owner", "owner@example.com",
                Duration.ofMinutes(15), null, null);
    }

    public static ConferenceUpdated conferenceRenamed(UUID id, String slug, String name) {
        return new ConferenceUpdated(id, slug, name, "All about " + slug, "Porto", null, null,
                LocalDate.of(2030, 6, 12), LocalDate.of(2030, 6, 14), "Owner", "owner@example.com", null, null, null);
    }

    public static SeatCreated seatCreated(UUID conferenceId, UUID seatTypeId, String name, int quantity, String price) {
        return new SeatCreated(conferenceId, seatTypeId, name, name + " seat", quantity, Money.of(price, "EUR"));
    }

    public static SeatQuantity seats(UUID seatTypeId, int quantity) {
        return new SeatQuantity(seatTypeId, quantity);
    }

    public static OrderPlaced orderPlaced(UUID orderId, UUID conferenceId, SeatQuantity... seats) {
        return new OrderPlaced(orderId, conferenceId, List.of(seats), EXPIRES, accessCode(orderId));
    }

    /** The access code {@link #orderPlaced} gives the order. */
    public static String accessCode(UUID orderId) {
        return "AC" + orderId.toString().substring(0, 6);
    }

    /** Totals at {@code unitPrice} EUR per seat. */
    public static OrderTotalsCalculated totals(UUID orderId, String unitPrice, SeatQuantity... seats) {
        List<OrderLine> lines = new ArrayList<>();
        Money total = Money.zero("EUR");
        for (SeatQuantity seat : seats) {
            OrderLine line = OrderLine.of(seat.seatTypeId(), "Seat " + seat.seatTypeId().toString().substring(0, 4),
                    Money.of(unitPrice, "EUR"), seat.quantity());
            lines.add(line);
            total = total.plus(line.lineTotal());
        }
        return new OrderTotalsCalculated(orderId, total, lines, total.isZero());
    }

    /** A combinable percentage code for every seat type. */
    public static PromotionalCodeApplied codeApplied(UUID orderId, UUID codeId, String code, int percent) {
        return new PromotionalCodeApplied(orderId, codeId, code, Discount.percentage(percent), CodeScope.ALL_SEAT_TYPES,
                false);
    }

    public static DiscountLine discount(UUID codeId, String code, UUID seatTypeId, String amount) {
        return new DiscountLine(codeId, code, seatTypeId, Money.of(amount, "EUR"));
    }

    /** Totals at {@code unitPrice} EUR per seat, less the discounts (free of charge once nothing is left). */
    public static OrderTotalsCalculated discountedTotals(UUID orderId, String unitPrice, List<DiscountLine> discounts,
                                                         SeatQuantity... seats) {
        OrderTotalsCalculated lines = totals(orderId, unitPrice, seats);
        BigDecimal total = lines.total().amount();
        for (DiscountLine discount : discounts) total = total.subtract(discount.amount().amount());
        return new OrderTotalsCalculated(orderId, new Money(total, "EUR"), lines.lines(), total.signum() == 0,
                discounts);
    }
}

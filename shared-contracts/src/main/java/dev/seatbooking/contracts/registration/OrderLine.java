package dev.seatbooking.contracts.registration;

import dev.seatbooking.contracts.Money;
import dev.seatbooking.contracts.Require;
import java.util.UUID;

/** One priced line of an order. {@link #of} computes the line total; the canonical constructor only checks shape. */
public record OrderLine(UUID seatTypeId, String description, Money unitPrice, int quantity, Money lineTotal) {

    public OrderLine {
        Require.nonNull(seatTypeId, "seatTypeId");
        Require.nonNull(description, "description");
        Require.nonNull(unitPrice, "unitPrice");
        Require.nonNegative(quantity, "quantity");
        Require.nonNull(lineTotal, "lineTotal");
        if (!unitPrice.currency().equals(lineTotal.currency())) {
            throw new IllegalArgumentException("unitPrice " + unitPrice + " and lineTotal " + lineTotal
                    + " are in different currencies");
        }
    }

    public static OrderLine of(UUID seatTypeId, String description, Money unitPrice, int quantity) {
        Require.nonNull(unitPrice, "unitPrice");
        return new OrderLine(seatTypeId, description, unitPrice, quantity, unitPrice.times(quantity));
    }
}

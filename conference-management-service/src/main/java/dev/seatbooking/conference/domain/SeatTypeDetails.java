package dev.seatbooking.conference.domain;

import dev.seatbooking.contracts.Money;

import java.util.Objects;

/** What an owner says about a seat type. */
public record SeatTypeDetails(String name, String description, int quantity, Money price) {

    public SeatTypeDetails {
        Objects.requireNonNull(name, "name");
        if (description == null) description = "";
        if (quantity < 0) throw new IllegalArgumentException("quantity must not be negative, was " + quantity);
        Objects.requireNonNull(price, "price");
    }
}

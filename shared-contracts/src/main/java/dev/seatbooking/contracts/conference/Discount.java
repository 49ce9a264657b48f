package dev.seatbooking.contracts.conference;

import dev.seatbooking.contracts.Money;
import dev.seatbooking.contracts.Require;

/**
 * What a promotional code takes off an order: a {@link Kind#PERCENTAGE percentage} (1-100) of each order line in
 * the code's scope, or a {@link Kind#FIXED_AMOUNT fixed amount} taken once per order from the lines in scope (never
 * below zero). Exactly one of {@code percent} and {@code amount} is set, as the kind says.
 */
public record Discount(Kind kind, Integer percent, Money amount) {

    public enum Kind { PERCENTAGE, FIXED_AMOUNT }

    public static final int MIN_PERCENT = 1;
    public static final int MAX_PERCENT = 100;

    public Discount {
        Require.nonNull(kind, "kind");
        switch (kind) {
            case PERCENTAGE -> {
                Require.nonNull(percent, "percent");
                if (percent < MIN_PERCENT || percent > MAX_PERCENT) {
                    throw new IllegalArgumentException("percent must be " + MIN_PERCENT + "-" + MAX_PERCENT
                            + ", was " + percent);
                }
                if (amount != null) throw new IllegalArgumentException("a percentage discount has no amount");
            }
            case FIXED_AMOUNT -> {
                Require.nonNull(amount, "amount");
                if (amount.isZero()) throw new IllegalArgumentException("amount must be positive");
                if (percent != null) throw new IllegalArgumentException("a fixed-amount discount has no percent");
            }
        }
    }

    public static Discount percentage(int percent) {
        return new Discount(Kind.PERCENTAGE, percent, null);
    }

    public static Discount fixedAmount(Money amount) {
        return new Discount(Kind.FIXED_AMOUNT, null, amount);
    }
}

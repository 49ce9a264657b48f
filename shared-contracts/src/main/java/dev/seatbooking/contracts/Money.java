package dev.seatbooking.contracts;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Currency;

/**
 * An amount of money in one currency. Exact: {@link BigDecimal} only, never {@code double}.
 *
 * <p>The amount is normalized to the currency's minor unit (2 decimals for EUR/USD, 0 for JPY), so {@code 10},
 * {@code 10.0} and {@code 10.00} EUR are equal; an amount finer than the minor unit is rejected rather than
 * rounded, because rounding money silently is a bug. Negative amounts are rejected: prices, totals and payments
 * in this domain never are.
 */
public record Money(BigDecimal amount, String currency) {

    public Money {
        Require.nonNull(amount, "amount");
        Currency iso = currencyOf(Require.nonNull(currency, "currency"));
        if (amount.signum() < 0) {
            throw new IllegalArgumentException("amount must not be negative, was " + amount.toPlainString());
        }
        try {
            amount = amount.setScale(iso.getDefaultFractionDigits(), RoundingMode.UNNECESSARY);
        } catch (ArithmeticException e) {
            throw new IllegalArgumentException("amount " + amount.toPlainString() + " has more than "
                    + iso.getDefaultFractionDigits() + " decimal places, the minor unit of " + currency);
        }
    }

    /** {@code Money.of("12.50", "EUR")}: from the decimal text, so no binary rounding can creep in. */
    public static Money of(String amount, String currency) {
        Require.nonNull(amount, "amount");
        return new Money(new BigDecimal(amount), currency);
    }

    public static Money zero(String currency) {
        return new Money(BigDecimal.ZERO, currency);
    }

    public Money plus(Money other) {
        Require.nonNull(other, "other");
        requireSameCurrency(other);
        return new Money(amount.add(other.amount), currency);
    }

    public Money times(int factor) {
        Require.nonNegative(factor, "factor");
        return new Money(amount.multiply(BigDecimal.valueOf(factor)), currency);
    }

    public boolean isZero() {
        return amount.signum() == 0;
    }

    @Override
    public String toString() {
        return amount.toPlainString() + " " + currency;
    }

    private void requireSameCurrency(Money other) {
        if (!currency.equals(other.currency)) {
            throw new IllegalArgumentException("cannot combine " + this + " and " + other + ": different currencies");
        }
    }

    private static Currency currencyOf(String code) {
        Currency iso;
        try {
            iso = Currency.getInstance(code);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("currency '" + code + "' is not an ISO 4217 code");
        }
        // Pseudo-currencies (XXX, XAU...) have no minor unit, so they cannot be normalized.
        if (iso.getDefaultFractionDigits() < 0) {
            throw new IllegalArgumentException("currency '" + code + "' is not a currency money can be paid in");
        }
        return iso;
    }
}

package dev.seatbooking.payments.api;

import dev.seatbooking.contracts.Money;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.PositiveOrZero;

import java.math.BigDecimal;

/**
 * An amount of money on the wire, e.g. {@code {"amount": 120.00, "currency": "EUR"}}: an exact decimal (a JSON number
 * or a decimal string), below a billion, with at most 4 decimals here and no more than the currency's minor unit
 * once it is money. The digits are checked before any arithmetic, because an exponent such as {@code 1e999999999}
 * is cheap to send and ruinous to scale or print.
 */
@Schema(name = "Amount")
public record AmountJson(
        @Schema(example = "120.00", minimum = "0") @NotNull @PositiveOrZero
        @Digits(integer = 9, fraction = 4, message = "must be a decimal below 1000000000 with at most 4 decimals") BigDecimal amount,
        @Schema(example = "EUR") @NotNull @Pattern(regexp = "[A-Z]{3}", message = "must be an ISO 4217 code") String currency) {

    static AmountJson of(Money money) {
        return new AmountJson(money.amount(), money.currency());
    }

    /** @throws IllegalArgumentException when it is not money (unknown currency, finer than its minor unit) */
    Money toMoney() {
        return new Money(amount, currency);
    }
}

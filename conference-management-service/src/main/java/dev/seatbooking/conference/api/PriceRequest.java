package dev.seatbooking.conference.api;

import dev.seatbooking.contracts.Money;
import dev.seatbooking.web.validation.SingleLine;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.math.BigDecimal;
import java.util.Currency;

/**
 * A price: an amount of at least 0 in an ISO 4217 currency, no finer than the currency's minor unit. The amount may
 * come as a JSON number or as a string holding a decimal (money often travels as a string to stay exact, and the web
 * form's field is one): the shared strict JSON reads both alike, and the OpenAPI document says so.
 */
@PriceRequest.InCurrency
@SingleLine
public record PriceRequest(
        @Schema(types = {"number", "string"}, pattern = DECIMAL, example = "199.00",
                description = "A decimal: a JSON number, or a string holding one, as the web form sends it")
        @NotNull @DecimalMin("0") @DecimalMax("1000000") BigDecimal amount,
        @Schema(example = "EUR")
        @NotBlank @Pattern(regexp = "[A-Z]{3}", message = "must be an ISO 4217 currency code such as EUR")
        String currency) {

    /**
     * The decimals a string may hold (those {@link BigDecimal#BigDecimal(String)} reads, as the platform's strict JSON
     * does): for the document, which says that a string is as good as a number here.
     */
    static final String DECIMAL = "^[+-]?([0-9]+(\\.[0-9]*)?|\\.[0-9]+)([eE][+-]?[0-9]+)?$";

    Money toMoney() {
        return new Money(amount, currency);
    }

    /** The currency exists and has a minor unit; the amount has no more decimals than that unit. */
    @Target(ElementType.TYPE)
    @Retention(RetentionPolicy.RUNTIME)
    @Constraint(validatedBy = InCurrency.Validator.class)
    public @interface InCurrency {

        String message() default "";

        Class<?>[] groups() default {};

        Class<? extends Payload>[] payload() default {};

        class Validator implements ConstraintValidator<InCurrency, PriceRequest> {
            @Override
            public boolean isValid(PriceRequest price, ConstraintValidatorContext context) {
                if (price == null || price.currency() == null || !price.currency().matches("[A-Z]{3}")) return true;
                Currency currency;
                try {
                    currency = Currency.getInstance(price.currency());
                } catch (IllegalArgumentException e) {
                    return FieldViolation.report(context, "currency", "is not an ISO 4217 currency code");
                }
                int digits = currency.getDefaultFractionDigits();
                if (digits < 0) return FieldViolation.report(context, "currency", "is not a currency prices can be paid in");
                if (price.amount() != null && price.amount().stripTrailingZeros().scale() > digits) {
                    return FieldViolation.report(context, "amount", "must have at most " + digits + " decimal places in "
                            + price.currency());
                }
                return true;
            }
        }
    }
}

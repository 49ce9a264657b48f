package dev.seatbooking.conference.api;

import dev.seatbooking.contracts.conference.Discount;
import dev.seatbooking.web.validation.SingleLine;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** A code's discount: a percentage of each line in scope, or a fixed amount taken once per order. */
@SingleLine
@DiscountRequest.OneOfBoth
public record DiscountRequest(
        @NotNull Discount.Kind kind,
        @Schema(description = "PERCENTAGE only: 1 to 100 (100: the lines in scope are free)")
        @Min(Discount.MIN_PERCENT) @Max(Discount.MAX_PERCENT) Integer percent,
        @Schema(description = "FIXED_AMOUNT only: more than 0, in the currency of the conference's seat types")
        @Valid PriceRequest amount) {

    Discount toDiscount() {
        return kind == Discount.Kind.PERCENTAGE ? Discount.percentage(percent) : Discount.fixedAmount(amount.toMoney());
    }

    /** The field the kind needs is there, the other is not, and an amount is more than zero. */
    @Target(ElementType.TYPE)
    @Retention(RetentionPolicy.RUNTIME)
    @Constraint(validatedBy = OneOfBoth.Validator.class)
    public @interface OneOfBoth {

        String message() default "";

        Class<?>[] groups() default {};

        Class<? extends Payload>[] payload() default {};

        class Validator implements ConstraintValidator<OneOfBoth, DiscountRequest> {
            @Override
            public boolean isValid(DiscountRequest d, ConstraintValidatorContext context) {
                if (d == null || d.kind() == null) return true;
                boolean percentage = d.kind() == Discount.Kind.PERCENTAGE;
                boolean valid = asKindSays(context, d.kind(), "percent", d.percent() != null, percentage);
                valid &= asKindSays(context, d.kind(), "amount", d.amount() != null, !percentage);
                if (!percentage && d.amount() != null && d.amount().amount() != null && d.amount().amount().signum() == 0) {
                    valid = FieldViolation.report(context, "amount.amount", "must be more than 0");
                }
                return valid;
            }

            private static boolean asKindSays(ConstraintValidatorContext context, Discount.Kind kind, String field,
                                              boolean present, boolean needed) {
                if (present == needed) return true;
                return FieldViolation.report(context, field,
                        (needed ? "is needed for a " : "must be absent for a ") + kind + " discount");
            }
        }
    }
}

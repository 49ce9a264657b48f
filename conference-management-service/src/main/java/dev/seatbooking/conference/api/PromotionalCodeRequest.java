package dev.seatbooking.conference.api;

import dev.seatbooking.conference.promotion.CodeTerms;
import dev.seatbooking.contracts.conference.CodeScope;
import dev.seatbooking.contracts.conference.PromotionalCodeText;
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
import jakarta.validation.constraints.Size;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A promotional code, to create it ({@code POST .../promotional-codes}) or replace its terms ({@code PUT
 * .../promotional-codes/{codeId}}, where the code text may be left out or must be the code's own).
 */
@SingleLine
@PromotionalCodeRequest.Consistent
public record PromotionalCodeRequest(
        @Schema(description = "Client-chosen id, so that a replayed create creates nothing twice (create only; on PUT"
                + " it must be absent or the path's)")
        UUID id,
        @Schema(description = "What registrants type: 3-32 letters A-Z, digits, '-' or '_'; case does not matter (kept"
                + " upper-case) and it is unique in the conference. Needed to create; fixed afterwards",
                example = "SPEAKER-2026")
        @Size(max = 64) String code,
        @NotNull @Valid DiscountRequest discount,
        @Schema(description = "The seat types it applies to; absent or null: every seat type, also those added later")
        @Size(min = 1, max = 100, message = "must list 1 to 100 seat types, or be left out for every seat type")
        List<@NotNull UUID> seatTypeIds,
        @Schema(description = "How many orders may use it: 1 = single use; absent or null = unlimited")
        @Min(1) @Max(MAX_USES) Integer usageLimit,
        @Schema(description = "Optional: not usable before this instant (ISO 8601, e.g. 2026-06-01T00:00:00Z)")
        @YearBetween(min = ConferenceRequest.MIN_YEAR, max = ConferenceRequest.MAX_YEAR) Instant validFrom,
        @Schema(description = "Optional: not usable from this instant on; after validFrom")
        @YearBetween(min = ConferenceRequest.MIN_YEAR, max = ConferenceRequest.MAX_YEAR) Instant validUntil,
        @Schema(description = "true: combines with no other code; false: with other combinable codes")
        @NotNull Boolean exclusive) {

    static final int MAX_USES = 1_000_000;

    CodeTerms toTerms() {
        CodeScope scope = seatTypeIds == null ? CodeScope.ALL_SEAT_TYPES : CodeScope.of(seatTypeIds);
        return new CodeTerms(discount.toDiscount(), scope, usageLimit, validFrom, validUntil, exclusive);
    }

    /** The text has the shape of a code, the scope repeats no seat type, and the window ends after it starts. */
    @Target(ElementType.TYPE)
    @Retention(RetentionPolicy.RUNTIME)
    @Constraint(validatedBy = Consistent.Validator.class)
    public @interface Consistent {

        String message() default "";

        Class<?>[] groups() default {};

        Class<? extends Payload>[] payload() default {};

        class Validator implements ConstraintValidator<Consistent, PromotionalCodeRequest> {
            @Override
            public boolean isValid(PromotionalCodeRequest r, ConstraintValidatorContext context) {
                if (r == null) return true;
                boolean valid = true;
                if (r.code() != null && !PromotionalCodeText.isValid(r.code())) {
                    valid = FieldViolation.report(context, "code", "must be " + PromotionalCodeText.MIN_LENGTH + " to "
                            + PromotionalCodeText.MAX_LENGTH + " letters A-Z, digits, '-' or '_' (case does not matter)");
                }
                if (r.seatTypeIds() != null && r.seatTypeIds().stream().distinct().count() != r.seatTypeIds().size()) {
                    valid = FieldViolation.report(context, "seatTypeIds", "must not name a seat type twice");
                }
                if (r.validFrom() != null && r.validUntil() != null && !r.validFrom().isBefore(r.validUntil())) {
                    valid = FieldViolation.report(context, "validUntil", "must be after validFrom");
                }
                return valid;
            }
        }
    }
}

package dev.seatbooking.registration.order;

import dev.seatbooking.contracts.Require;
import dev.seatbooking.contracts.conference.CodeScope;
import dev.seatbooking.contracts.conference.Discount;
import dev.seatbooking.contracts.conference.PromotionalCodeText;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/**
 * A promotional code of a conference as Conference Management last defined it ({@code PromotionalCodeDefined}): what
 * a registrant's code is checked against when it is applied.
 *
 * @param usageLimit null = unlimited (the uses are counted by {@code PromotionalCodeUses}, not here)
 * @param validFrom  optional: not usable before
 * @param validUntil optional: not usable from then on
 */
public record PromotionalCode(UUID codeId, String code, Discount discount, CodeScope scope, Integer usageLimit,
                              Instant validFrom, Instant validUntil, boolean exclusive, boolean enabled) {

    public PromotionalCode {
        Require.nonNull(codeId, "codeId");
        code = PromotionalCodeText.normalize(code);
        Require.nonNull(discount, "discount");
        Require.nonNull(scope, "scope");
    }

    /** The conference's codes by their (normalized) text. */
    @FunctionalInterface
    public interface Lookup {
        Lookup NONE = code -> Optional.empty();

        Optional<PromotionalCode> find(String normalizedCode);
    }
}

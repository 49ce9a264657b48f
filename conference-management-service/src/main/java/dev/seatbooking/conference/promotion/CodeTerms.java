package dev.seatbooking.conference.promotion;

import dev.seatbooking.contracts.conference.CodeScope;
import dev.seatbooking.contracts.conference.Discount;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Objects;

/**
 * What an owner says about a promotional code, everything but its text (which is fixed at creation) and whether it
 * is enabled (changed on its own).
 *
 * @param usageLimit how many orders may use it (1 = single use); null = unlimited
 * @param validFrom  optional: not usable before
 * @param validUntil optional: not usable from then on; after validFrom
 * @param exclusive  true: combines with no other code; false: with other combinable codes
 */
public record CodeTerms(Discount discount, CodeScope scope, Integer usageLimit, Instant validFrom, Instant validUntil,
                        boolean exclusive) {

    public CodeTerms {
        Objects.requireNonNull(discount, "discount");
        Objects.requireNonNull(scope, "scope");
        if (usageLimit != null && usageLimit < 1) {
            throw new IllegalArgumentException("usageLimit must be at least 1 (null = unlimited), was " + usageLimit);
        }
        // kept to the database's precision, so that what is stored, shown and announced is the same instant
        if (validFrom != null) validFrom = validFrom.truncatedTo(ChronoUnit.MICROS);
        if (validUntil != null) validUntil = validUntil.truncatedTo(ChronoUnit.MICROS);
        if (validFrom != null && validUntil != null && !validFrom.isBefore(validUntil)) {
            throw new PromotionalCodeRejection.WindowOutOfOrder();
        }
    }
}

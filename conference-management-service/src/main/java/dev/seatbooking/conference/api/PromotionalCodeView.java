package dev.seatbooking.conference.api;

import dev.seatbooking.conference.promotion.CodeTerms;
import dev.seatbooking.conference.promotion.CodeUses;
import dev.seatbooking.conference.promotion.PromotionalCode;
import dev.seatbooking.contracts.conference.Discount;
import io.swagger.v3.oas.annotations.media.Schema;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A promotional code as its owner sees it, with its uses as registration last reported them.
 *
 * @param seatTypeIds null when it applies to every seat type
 * @param usageLimit  null when unlimited
 */
public record PromotionalCodeView(UUID id, String code, DiscountView discount, boolean allSeatTypes,
                                  List<UUID> seatTypeIds, Integer usageLimit, Instant validFrom, Instant validUntil,
                                  boolean exclusive, boolean enabled,
                                  @Schema(description = "Uses held by orders not yet confirmed") int held,
                                  @Schema(description = "Uses spent by confirmed orders") int used) {

    public record DiscountView(Discount.Kind kind, Integer percent, Views.PriceView amount) {
    }

    static PromotionalCodeView of(PromotionalCode code, CodeUses uses) {
        CodeTerms t = code.terms();
        Discount d = t.discount();
        return new PromotionalCodeView(code.id(), code.code(),
                new DiscountView(d.kind(), d.percent(), Views.PriceView.of(d.amount())),
                t.scope().allSeatTypes(), t.scope().allSeatTypes() ? null : t.scope().seatTypeIds(), t.usageLimit(),
                t.validFrom(), t.validUntil(), t.exclusive(), code.isEnabled(), uses.held(), uses.used());
    }
}

package dev.seatbooking.contracts.registration;

import dev.seatbooking.contracts.Money;
import dev.seatbooking.contracts.Require;
import dev.seatbooking.contracts.conference.PromotionalCodeText;
import java.util.UUID;

/**
 * What one promotional code takes off one priced line of an order (a line of {@code seatTypeId}); positive, in the
 * order's currency.
 */
public record DiscountLine(UUID codeId, String code, UUID seatTypeId, Money amount) {

    public DiscountLine {
        Require.nonNull(codeId, "codeId");
        code = PromotionalCodeText.normalize(code);
        Require.nonNull(seatTypeId, "seatTypeId");
        Require.nonNull(amount, "amount");
        if (amount.isZero()) throw new IllegalArgumentException("a discount line takes something off");
    }
}

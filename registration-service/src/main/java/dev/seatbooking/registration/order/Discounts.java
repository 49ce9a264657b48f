package dev.seatbooking.registration.order;

import dev.seatbooking.contracts.Money;
import dev.seatbooking.contracts.conference.Discount;
import dev.seatbooking.contracts.registration.DiscountLine;
import dev.seatbooking.contracts.registration.OrderEvent.PromotionalCodeApplied;
import dev.seatbooking.contracts.registration.OrderLine;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * What the codes applied to an order take off its lines (docs/domain.md, "Promotional codes — the registrant's
 * side"):
 * <ul>
 * <li>each discount is taken from what is left of a line after the discounts before it, so no line (and no order)
 * ever goes below zero;</li>
 * <li>percentages first, then fixed amounts, each group in the order the codes were applied: a fixed amount taken
 * first would shrink what a percentage is a percentage of, so this order is the registrant's;</li>
 * <li>a percentage takes that percent of each line in scope, rounded to the currency's minor unit half up (a half
 * cent goes to the registrant);</li>
 * <li>a fixed amount is taken once per order, from the lines in scope in the order's line order, each line giving
 * what it has left until the amount is used up (exact: no rounding, no cent lost in a split).</li>
 * </ul>
 * An exclusive code is the only code of its order ({@link Order}), so it is never combined here.
 */
final class Discounts {

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    private Discounts() {
    }

    static List<DiscountLine> of(List<OrderLine> lines, List<PromotionalCodeApplied> codes) {
        BigDecimal[] left = lines.stream().map(l -> l.lineTotal().amount()).toArray(BigDecimal[]::new);
        List<DiscountLine> discounts = new ArrayList<>();
        for (PromotionalCodeApplied code : inPricingOrder(codes)) {
            BigDecimal amountLeft = code.discount().kind() == Discount.Kind.FIXED_AMOUNT
                    ? code.discount().amount().amount() : null;
            for (int i = 0; i < lines.size(); i++) {
                OrderLine line = lines.get(i);
                if (!code.scope().covers(line.seatTypeId()) || left[i].signum() == 0) continue;
                BigDecimal taken = amountLeft == null ? percentOf(left[i], code.discount().percent())
                        : amountLeft.min(left[i]);
                if (taken.signum() == 0) continue;
                left[i] = left[i].subtract(taken);
                if (amountLeft != null) amountLeft = amountLeft.subtract(taken);
                discounts.add(new DiscountLine(code.codeId(), code.code(), line.seatTypeId(),
                        new Money(taken, line.lineTotal().currency())));
            }
        }
        return List.copyOf(discounts);
    }

    private static List<PromotionalCodeApplied> inPricingOrder(List<PromotionalCodeApplied> codes) {
        return Stream.concat(
                codes.stream().filter(c -> c.discount().kind() == Discount.Kind.PERCENTAGE),
                codes.stream().filter(c -> c.discount().kind() == Discount.Kind.FIXED_AMOUNT)).toList();
    }

    /** Rounded half up to the amount's own scale (a Money amount's scale is its currency's minor unit). */
    private static BigDecimal percentOf(BigDecimal amount, int percent) {
        return amount.multiply(BigDecimal.valueOf(percent)).divide(HUNDRED, amount.scale(), RoundingMode.HALF_UP)
                .min(amount);
    }
}

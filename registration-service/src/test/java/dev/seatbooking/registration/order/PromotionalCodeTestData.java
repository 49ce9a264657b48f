package dev.seatbooking.registration.order;

import dev.seatbooking.contracts.conference.CodeScope;
import dev.seatbooking.contracts.conference.Discount;
import dev.seatbooking.contracts.registration.DiscountLine;
import dev.seatbooking.contracts.registration.OrderEvent.OrderTotalsCalculated;
import dev.seatbooking.contracts.registration.OrderEvent.PromotionalCodeApplied;
import dev.seatbooking.contracts.registration.OrderEvent.PromotionalCodeRemoved;
import dev.seatbooking.contracts.registration.OrderLine;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import static dev.seatbooking.registration.order.OrderTestData.*;

/** Promotional codes of {@link OrderTestData}'s conference. */
final class PromotionalCodeTestData {

    /** 10 % off every seat type, combinable, unlimited. */
    static final PromotionalCode TEN_OFF = code("TEN-OFF", Discount.percentage(10), CodeScope.ALL_SEAT_TYPES, false);
    /** 20 % off workshops, combinable. */
    static final PromotionalCode WORKSHOP20 = code("WORKSHOP20", Discount.percentage(20), CodeScope.of(List.of(WORKSHOP)),
            false);
    /** 30 EUR off the order, combinable. */
    static final PromotionalCode THIRTY_EUR = code("THIRTY", Discount.fixedAmount(eur("30.00")), CodeScope.ALL_SEAT_TYPES,
            false);
    /** A free general admission for speakers: 100 %, exclusive. */
    static final PromotionalCode SPEAKER = code("SPEAKER", Discount.percentage(100), CodeScope.of(List.of(GENERAL)), true);

    private PromotionalCodeTestData() {
    }

    static PromotionalCode code(String text, Discount discount, CodeScope scope, boolean exclusive) {
        return new PromotionalCode(UUID.nameUUIDFromBytes(text.getBytes()), text, discount, scope, null, null, null,
                exclusive, true);
    }

    static PromotionalCode disabled(PromotionalCode code) {
        return new PromotionalCode(code.codeId(), code.code(), code.discount(), code.scope(), code.usageLimit(),
                code.validFrom(), code.validUntil(), code.exclusive(), false);
    }

    static PromotionalCode validBetween(PromotionalCode code, Instant from, Instant until) {
        return new PromotionalCode(code.codeId(), code.code(), code.discount(), code.scope(), code.usageLimit(), from,
                until, code.exclusive(), code.enabled());
    }

    static PromotionalCode.Lookup defined(PromotionalCode... codes) {
        Map<String, PromotionalCode> byText = Arrays.stream(codes)
                .collect(Collectors.toMap(PromotionalCode::code, Function.identity()));
        return text -> Optional.ofNullable(byText.get(text));
    }

    static PromotionalCodeApplied applied(PromotionalCode code) {
        return new PromotionalCodeApplied(ORDER, code.codeId(), code.code(), code.discount(), code.scope(),
                code.exclusive());
    }

    static PromotionalCodeRemoved removed(PromotionalCode code, PromotionalCodeRemoved.Reason reason) {
        return new PromotionalCodeRemoved(ORDER, code.codeId(), code.code(), reason);
    }

    static DiscountLine discount(PromotionalCode code, UUID seatType, String amount) {
        return new DiscountLine(code.codeId(), code.code(), seatType, eur(amount));
    }

    static OrderTotalsCalculated discounted(String total, List<OrderLine> lines, DiscountLine... discounts) {
        return new OrderTotalsCalculated(ORDER, eur(total), lines, eur(total).isZero() && !lines.isEmpty(),
                Arrays.asList(discounts));
    }
}

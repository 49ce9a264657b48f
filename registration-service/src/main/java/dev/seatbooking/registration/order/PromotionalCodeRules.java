package dev.seatbooking.registration.order;

import dev.seatbooking.contracts.conference.CodeScope;
import dev.seatbooking.contracts.conference.Discount;
import dev.seatbooking.contracts.conference.PromotionalCodeText;
import dev.seatbooking.contracts.registration.OrderEvent.PromotionalCodeApplied;
import dev.seatbooking.contracts.registration.OrderLine;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Whether a code may be applied to an order as it is now (the order checks first that it is held): each refusal an
 * {@link OrderRejection} naming the code. Whether a use of it is left is the conference's {@code PromotionalCodeUses}'
 * to say.
 */
final class PromotionalCodeRules {

    private PromotionalCodeRules() {
    }

    /**
     * @param applied  the codes the order has, in the order they were applied
     * @param lines    the order's lines as last priced
     * @param currency the order's currency
     */
    static PromotionalCodeApplied application(UUID orderId, String typed, PromotionalCode.Lookup definitions,
                                              Instant now, List<PromotionalCodeApplied> applied,
                                              List<OrderLine> lines, String currency) {
        String code = PromotionalCodeText.normalize(typed);
        PromotionalCode definition = definitions.find(code)
                .orElseThrow(() -> new OrderRejection.UnknownPromotionalCode(code));
        if (applied.stream().anyMatch(c -> c.codeId().equals(definition.codeId()))) {
            throw new OrderRejection.PromotionalCodeAlreadyApplied(code);
        }
        if (!definition.enabled()) throw new OrderRejection.PromotionalCodeDisabled(code);
        requireValidAt(definition, now);
        requireCombinable(definition, applied);
        if (!touchesALine(definition.scope(), lines)) throw new OrderRejection.PromotionalCodeOutOfScope(code);
        Discount discount = definition.discount();
        if (discount.kind() == Discount.Kind.FIXED_AMOUNT && !discount.amount().currency().equals(currency)) {
            throw new OrderRejection.PromotionalCodeCurrencyMismatch(code, currency);
        }
        return new PromotionalCodeApplied(orderId, definition.codeId(), code, discount, definition.scope(),
                definition.exclusive());
    }

    /** A code applies to an order while at least one of its lines is of a seat type in the code's scope. */
    static boolean touchesALine(CodeScope scope, List<OrderLine> lines) {
        return lines.stream().anyMatch(line -> line.quantity() > 0 && scope.covers(line.seatTypeId()));
    }

    /** From {@code validFrom} (included) until {@code validUntil} (excluded), either optional. */
    private static void requireValidAt(PromotionalCode definition, Instant now) {
        if (definition.validFrom() != null && now.isBefore(definition.validFrom())) {
            throw new OrderRejection.PromotionalCodeNotYetValid(definition.code(), definition.validFrom());
        }
        if (definition.validUntil() != null && !now.isBefore(definition.validUntil())) {
            throw new OrderRejection.PromotionalCodeExpired(definition.code(), definition.validUntil());
        }
    }

    /** An exclusive code is an order's only code. */
    private static void requireCombinable(PromotionalCode definition, List<PromotionalCodeApplied> applied) {
        if (definition.exclusive() && !applied.isEmpty()) {
            throw new OrderRejection.PromotionalCodeConflict(definition.code(), applied.getFirst().code(), true);
        }
        applied.stream().filter(PromotionalCodeApplied::exclusive).findFirst().ifPresent(exclusive -> {
            throw new OrderRejection.PromotionalCodeConflict(definition.code(), exclusive.code(), false);
        });
    }
}

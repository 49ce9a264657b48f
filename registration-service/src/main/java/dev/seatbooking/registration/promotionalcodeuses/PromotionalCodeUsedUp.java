package dev.seatbooking.registration.promotionalcodeuses;

import dev.seatbooking.registration.DomainRejection;

/** Every use of a limited code is held by an order or spent: the order is as it was. */
public final class PromotionalCodeUsedUp extends DomainRejection {

    public PromotionalCodeUsedUp(String code, int usageLimit) {
        super(Kind.RULE_VIOLATION, "promotional-code-used-up", "Promotional code " + code + " is used up: all "
                + usageLimit + (usageLimit == 1 ? " use is" : " uses are") + " taken");
    }
}

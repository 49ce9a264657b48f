package dev.seatbooking.contracts.payments;

import dev.seatbooking.contracts.Money;
import dev.seatbooking.contracts.Require;

/** One line of a payment, as shown to the payer by the processor. */
public record PaymentItem(String description, Money amount) {

    public PaymentItem {
        Require.nonNull(description, "description");
        Require.nonNull(amount, "amount");
    }
}

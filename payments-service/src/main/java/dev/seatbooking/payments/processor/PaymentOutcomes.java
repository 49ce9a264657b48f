package dev.seatbooking.payments.processor;

import java.util.UUID;

/** How a processor reports the payer's answer: accepted completes the payment, rejected cancels it. */
public interface PaymentOutcomes {

    void accepted(UUID paymentId);

    void rejected(UUID paymentId);
}

package dev.seatbooking.payments.processor;

import java.util.UUID;

/**
 * The secrets of the links on which payers answer the simulated processor: only the holder of a payment's link may
 * see its page and accept or reject it. A payment id alone is not enough (it is in events, logs and answers).
 */
public interface PayerLinks {

    /**
     * A new secret for the payment's link (128 random bits, base64url), replacing any earlier one. Only its hash is
     * kept, so the secret is in this answer and nowhere else.
     */
    String issue(UUID paymentId);

    /** Whether {@code secret} is the secret of the payment's current link; false for an unknown payment. */
    boolean opens(UUID paymentId, String secret);
}

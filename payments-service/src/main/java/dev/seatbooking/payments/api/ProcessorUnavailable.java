package dev.seatbooking.payments.api;

import java.util.UUID;

/**
 * The payment is recorded (initiated) but the processor did not take it, so there is no link for the payer yet. Not
 * the client's fault, and it passes: the same request again hands the payment to the processor and answers the link.
 */
final class ProcessorUnavailable extends RuntimeException {

    /** Seconds the client is asked to wait before sending the same request again. */
    static final long RETRY_AFTER_SECONDS = 5;

    ProcessorUnavailable(UUID paymentId, Throwable cause) {
        super("Payment " + paymentId + " is recorded, but the payment processor did not take it; send the same"
                + " request again in " + RETRY_AFTER_SECONDS + " s", cause);
    }
}

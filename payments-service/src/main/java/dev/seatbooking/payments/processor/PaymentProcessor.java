package dev.seatbooking.payments.processor;

import dev.seatbooking.contracts.Money;
import dev.seatbooking.contracts.payments.PaymentItem;

import java.net.URI;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The external, third-party payment processor. This service hands it each initiated payment; the processor lets
 * the payer approve or decline it and reports the answer through {@link PaymentOutcomes}, which completes or
 * cancels the payment. {@link SimulatedPaymentProcessor} stands in for a real one; a real gateway implements this
 * same interface (create a checkout session in {@link #submit} and answer its URL, answer its webhook with
 * {@link PaymentOutcomes}; call its refund API with the refund id as idempotency key in {@link #refund}).
 */
public interface PaymentProcessor {

    /** What the processor needs to take the money. */
    record PaymentRequest(UUID paymentId, UUID orderId, String description, Money amount, List<PaymentItem> items) {
    }

    /**
     * Hands an initiated payment to the processor and answers where the payer goes to approve or decline it
     * (absolute, or a path on this service): a link only its holder may use, as a hosted payment page's URL carries
     * a token. Empty when the processor answers without the payer. Called again for the same payment (a repeated
     * start request), it must do no harm; the link it answers then replaces the earlier one.
     */
    Optional<URI> submit(PaymentRequest payment);

    /** What the processor needs to pay a completed payment's money back. */
    record RefundRequest(UUID refundId, UUID paymentId, Money amount) {
    }

    /**
     * Pays the money of a completed payment back to the payer. Idempotent by {@code refundId} (a real gateway's
     * idempotency key): asked again for a refund it already paid (an attempt whose answer was lost), it answers
     * success without paying twice.
     *
     * @throws RefundNotDone the processor did not pay it (down, refused, timed out): payments tries again later
     */
    void refund(RefundRequest refund);
}

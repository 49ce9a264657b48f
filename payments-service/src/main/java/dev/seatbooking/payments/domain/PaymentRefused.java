package dev.seatbooking.payments.domain;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/**
 * A command the payment domain refuses, with the rule it broke ({@link Reason}) and the values that show why. The
 * API turns each reason into a problem type; nothing was changed.
 */
public final class PaymentRefused extends RuntimeException {

    public enum Reason {
        /** Registration has not (yet) announced this order with its total, or the access code given is not its. */
        UNKNOWN_ORDER,
        /** No payment has this id, or the credential given does not open it. */
        UNKNOWN_PAYMENT,
        /** The amount differs from the order's total (value or currency). */
        AMOUNT_MISMATCH,
        /** The conference given is not the order's. */
        CONFERENCE_MISMATCH,
        /** The payment's items do not add up to its amount. */
        ITEMS_MISMATCH,
        /** The order expired; its seats went back on sale. */
        ORDER_EXPIRED,
        /** Another payment already paid the order, or it was confirmed. */
        ORDER_ALREADY_PAID,
        /** The order costs nothing: registration confirms it without payment. */
        ORDER_FREE_OF_CHARGE,
        /** The payment id is taken by a payment with other content. */
        PAYMENT_ID_CONFLICT,
        /** The payment completed; it can no longer be cancelled. */
        PAYMENT_ALREADY_COMPLETED,
        /** The payment was rejected or cancelled; it can no longer complete. */
        PAYMENT_ALREADY_REJECTED
    }

    private final Reason reason;
    private final Map<String, Object> details;

    public PaymentRefused(Reason reason, String message, Map<String, ?> details) {
        super(message);
        this.reason = Objects.requireNonNull(reason);
        this.details = Collections.unmodifiableMap(new LinkedHashMap<>(details));
    }

    public PaymentRefused(Reason reason, String message) {
        this(reason, message, Map.of());
    }

    /**
     * The same refusal, word for word, whether the order is unknown or the access code given is missing or wrong:
     * the answer must not tell which order ids exist.
     */
    public static PaymentRefused unknownOrder(UUID orderId) {
        return new PaymentRefused(Reason.UNKNOWN_ORDER, "Order " + orderId + " is not known to payments with this "
                + "access code; if the order was just placed, retry in a moment", Map.of("orderId", orderId));
    }

    /** The same refusal whether the payment is unknown or the credential given does not open it. */
    public static PaymentRefused unknownPayment(UUID paymentId) {
        return new PaymentRefused(Reason.UNKNOWN_PAYMENT, "Payment " + paymentId + " is not known with the "
                + "credentials given", Map.of("paymentId", paymentId));
    }

    public Reason reason() {
        return reason;
    }

    /** Values that explain the refusal (ids, expected and actual amounts), for the problem answer. */
    public Map<String, Object> details() {
        return details;
    }
}

package dev.seatbooking.contracts.payments;

/** Why a completed payment's money goes back to the payer. */
public enum RefundReason {
    /** The payment completed for an order that had expired (before or after the payment completed). */
    ORDER_EXPIRED,
    /** Registration confirmed the order with another payment (or without one): this one was not needed. */
    ORDER_ALREADY_PAID,
    /** The order this payment confirmed was cancelled, by its owner or its registrant. */
    ORDER_CANCELLED
}

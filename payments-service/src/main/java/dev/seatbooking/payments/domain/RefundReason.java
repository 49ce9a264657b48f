package dev.seatbooking.payments.domain;

/** Why a completed payment must be paid back: the money arrived for an order that cannot take it. */
public enum RefundReason {
    /** The order expired (its seats went back on sale) before or after the payment completed. */
    ORDER_EXPIRED,
    /** Another payment had already paid the order, or the order was confirmed without this payment. */
    ORDER_ALREADY_PAID
}

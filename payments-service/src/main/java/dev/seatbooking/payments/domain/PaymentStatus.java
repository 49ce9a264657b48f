package dev.seatbooking.payments.domain;

/** Where a payment is in its life: initiated, then completed (the processor took the money) or rejected. */
public enum PaymentStatus {
    INITIATED, COMPLETED, REJECTED
}

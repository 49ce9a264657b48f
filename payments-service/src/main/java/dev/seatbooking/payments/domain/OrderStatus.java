package dev.seatbooking.payments.domain;

/**
 * An order as registration announced it: still open for payment, confirmed, expired (rejected), or cancelled after
 * it was confirmed (by its owner or its registrant).
 */
public enum OrderStatus {
    PENDING, CONFIRMED, EXPIRED, CANCELLED
}

package dev.seatbooking.payments.domain;

/** An order as registration announced it: still open for payment, confirmed, or expired (rejected). */
public enum OrderStatus {
    PENDING, CONFIRMED, EXPIRED
}

package dev.seatbooking.registration.order;

/** Where an order stands, as its events tell it. */
public enum OrderStatus {
    /** No OrderPlaced yet: the order does not exist. */
    NOT_PLACED,
    /** Placed or updated; SeatsAvailability has not answered for its current seats yet. */
    PENDING_RESERVATION,
    /** Fewer seats than asked were available; the order now holds what was reserved. */
    PARTIALLY_RESERVED,
    RESERVATION_COMPLETED,
    /** Rejected (its hold and the buffer after it ran out unconfirmed): final, its seats went back on sale. */
    EXPIRED,
    /** Paid or free of charge: its seats are sold. Final but for a cancellation. */
    CONFIRMED,
    /** Confirmed, then cancelled by the owner or the registrant (issue 16): final, its seats came back. */
    CANCELLED;

    boolean isReserved() {
        return this == PARTIALLY_RESERVED || this == RESERVATION_COMPLETED;
    }
}

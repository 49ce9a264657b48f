package dev.seatbooking.registration.process;

/** How a registration process ended. */
public enum Completion {
    /** The order was confirmed and its seats committed. */
    CONFIRMED,
    /** The order was rejected (its hold ran out) and its seats, if any, released. */
    REJECTED
}

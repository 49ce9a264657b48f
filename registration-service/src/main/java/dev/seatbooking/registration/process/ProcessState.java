package dev.seatbooking.registration.process;

/** The RI's (V3) states of a registration; whether it has finished is {@link RegistrationProcessState#completed()}. */
public enum ProcessState {
    NOT_STARTED,
    /** MakeSeatReservation sent (on placing or updating the order); waiting for its SeatsReserved. */
    AWAITING_RESERVATION_CONFIRMATION,
    /** The order knows its reserved seats; waiting for payment (or a free order's confirmation). */
    RESERVATION_CONFIRMATION_RECEIVED,
    /** Paid; ConfirmOrder sent, waiting for OrderConfirmed. */
    PAYMENT_CONFIRMATION_RECEIVED
}

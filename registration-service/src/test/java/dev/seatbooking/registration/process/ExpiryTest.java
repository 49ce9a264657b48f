package dev.seatbooking.registration.process;

import org.junit.jupiter.api.Test;

import static dev.seatbooking.registration.process.ProcessScenario.*;

/** ExpireRegistrationProcess, which the process scheduled for itself at the hold's end plus the buffer. */
class ExpiryTest {

    @Test
    void an_order_still_awaiting_its_reservation_is_rejected_and_its_seats_released() {
        given(orderPlaced(seat(GENERAL, 2)))
                .when(expiry())
                .thenSends(rejectOrder(), cancelSeatReservation())
                .thenCompletes(Completion.REJECTED)
                .thenReportsNothing();
    }

    @Test
    void a_reserved_order_not_paid_in_time_is_rejected_and_its_seats_released() {
        given(orderPlaced(seat(GENERAL, 2)), seatsReserved(seat(GENERAL, 2)))
                .when(expiry())
                .thenSends(rejectOrder(), cancelSeatReservation())
                .thenCompletes(Completion.REJECTED);
    }

    @Test
    void a_payment_that_came_inside_the_buffer_wins_over_the_expiry() {
        given(orderPlaced(seat(GENERAL, 2)), seatsReserved(seat(GENERAL, 2)), paymentCompleted(PAYMENT))
                .when(expiry())
                .thenIgnores()
                .thenIsIn(ProcessState.PAYMENT_CONFIRMATION_RECEIVED);
        given(orderPlaced(seat(GENERAL, 2)), seatsReserved(seat(GENERAL, 2)), paymentCompleted(PAYMENT), expiry())
                .when(orderConfirmed())
                .thenSends(commitSeatReservation())
                .thenCompletes(Completion.CONFIRMED);
    }

    @Test
    void a_paid_order_changed_after_payment_expires_and_its_payment_is_not_applied() {
        given(orderPlaced(seat(GENERAL, 2)), seatsReserved(seat(GENERAL, 2)), paymentCompleted(PAYMENT),
                        orderUpdated(seat(GENERAL, 4)))
                .when(expiry())
                .thenSends(rejectOrder(), cancelSeatReservation())
                .thenDoesNotApply(PAYMENT)
                .thenCompletes(Completion.REJECTED);
    }

    @Test
    void an_expiry_the_process_did_not_schedule_is_ignored() {
        given(orderPlaced(seat(GENERAL, 2)), seatsReserved(seat(GENERAL, 2)))
                .when(staleExpiry())
                .thenIgnores();
    }

    @Test
    void an_expiry_after_confirmation_is_ignored() {
        // Cancelling the scheduled expiry is best effort: one already on its way still arrives.
        given(orderPlaced(seat(GENERAL, 2)), seatsReserved(seat(GENERAL, 2)), paymentCompleted(PAYMENT),
                        orderConfirmed())
                .when(expiry())
                .thenIgnores();
    }

    @Test
    void an_expiry_delivered_twice_rejects_once() {
        given(orderPlaced(seat(GENERAL, 2)), expiry())
                .when(expiry())
                .thenIgnores();
    }

    @Test
    void an_expiry_before_the_order_was_placed_is_ignored() {
        givenNothing()
                .when(staleExpiry())
                .thenIgnores();
    }
}

package dev.seatbooking.registration.process;

import org.junit.jupiter.api.Test;

import static dev.seatbooking.registration.process.ProcessScenario.*;

class SeatsReservedTest {

    @Test
    void the_answer_to_the_reservation_marks_the_order_reserved_until_the_hold_end() {
        given(orderPlaced(seat(GENERAL, 2), seat(WORKSHOP, 1)))
                .when(seatsReserved(seat(GENERAL, 2), seat(WORKSHOP, 1)))
                .thenSends(markSeatsAsReserved(seat(GENERAL, 2), seat(WORKSHOP, 1)))
                .thenIsIn(ProcessState.RESERVATION_CONFIRMATION_RECEIVED)
                .thenRuns()
                .thenReportsNothing();
    }

    @Test
    void fewer_seats_reserved_are_passed_on_for_the_order_to_be_partially_reserved() {
        given(orderPlaced(seat(GENERAL, 5), seat(WORKSHOP, 1)))
                .when(seatsReserved(seat(GENERAL, 3)))
                .thenSends(markSeatsAsReserved(seat(GENERAL, 3)))
                .thenIsIn(ProcessState.RESERVATION_CONFIRMATION_RECEIVED);
    }

    @Test
    void the_answer_to_a_reservation_replaced_by_an_update_is_ignored() {
        given(orderPlaced(seat(GENERAL, 2)), orderUpdated(seat(GENERAL, 4)))
                .when(seatsReservedAnswering(1, seat(GENERAL, 2)))
                .thenIgnores();
    }

    @Test
    void answers_arriving_out_of_order_honour_the_latest_reservation() {
        given(orderPlaced(seat(GENERAL, 2)), orderUpdated(seat(GENERAL, 4)), seatsReservedAnswering(2, seat(GENERAL, 4)))
                .when(seatsReservedAnswering(1, seat(GENERAL, 2)))
                .thenIgnores();
        given(orderPlaced(seat(GENERAL, 2)), orderUpdated(seat(GENERAL, 4)), seatsReservedAnswering(1, seat(GENERAL, 2)))
                .when(seatsReservedAnswering(2, seat(GENERAL, 4)))
                .thenSends(markSeatsAsReserved(seat(GENERAL, 4)))
                .thenIsIn(ProcessState.RESERVATION_CONFIRMATION_RECEIVED);
    }

    @Test
    void the_same_answer_again_is_skipped() {
        given(orderPlaced(seat(GENERAL, 2)), seatsReserved(seat(GENERAL, 2)))
                .when(seatsReserved(seat(GENERAL, 2)))
                .thenIgnores();
        given(orderPlaced(seat(GENERAL, 2)), seatsReserved(seat(GENERAL, 2)), paymentCompleted(PAYMENT))
                .when(seatsReserved(seat(GENERAL, 2)))
                .thenIgnores();
    }

    @Test
    void an_answer_after_the_registration_ended_is_ignored() {
        given(orderPlaced(seat(GENERAL, 2)), seatsReserved(seat(GENERAL, 2)), orderConfirmed())
                .when(seatsReserved(seat(GENERAL, 2)))
                .thenIgnores();
        given(orderPlaced(seat(GENERAL, 2)), expiry())
                .when(seatsReserved(seat(GENERAL, 2)))
                .thenIgnores();
    }
}

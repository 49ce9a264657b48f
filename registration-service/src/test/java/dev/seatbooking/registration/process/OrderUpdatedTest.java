package dev.seatbooking.registration.process;

import dev.seatbooking.contracts.registration.RegistrationProcessCommand.ExpireRegistrationProcess;
import dev.seatbooking.contracts.registration.SeatsAvailabilityCommand.MakeSeatReservation;
import org.junit.jupiter.api.Test;

import static dev.seatbooking.registration.process.ProcessScenario.*;
import static org.assertj.core.api.Assertions.assertThat;

class OrderUpdatedTest {

    @Test
    void an_update_while_awaiting_the_reservation_sends_a_new_one_and_awaits_that_instead() {
        var then = given(orderPlaced(seat(GENERAL, 2)))
                .when(orderUpdated(seat(GENERAL, 1), seat(WORKSHOP, 3)))
                .thenSends(makeSeatReservation(seat(GENERAL, 1), seat(WORKSHOP, 3)))
                .thenSchedulesNothing()
                .thenIsIn(ProcessState.AWAITING_RESERVATION_CONFIRMATION);
        then.state(s -> assertThat(s.seatReservationCommandId()).isEqualTo(then.decision().send().getFirst().messageId())
                .isNotEqualTo(then.given().sent(MakeSeatReservation.class).getFirst().messageId()));
    }

    @Test
    void an_update_after_the_reservation_goes_back_to_awaiting_one() {
        given(orderPlaced(seat(GENERAL, 2)), seatsReserved(seat(GENERAL, 2)))
                .when(orderUpdated(seat(GENERAL, 4)))
                .thenSends(makeSeatReservation(seat(GENERAL, 4)))
                .thenIsIn(ProcessState.AWAITING_RESERVATION_CONFIRMATION);
    }

    @Test
    void an_update_keeps_the_expiry_scheduled_when_the_order_was_placed() {
        var then = given(orderPlaced(seat(GENERAL, 2)), seatsReserved(seat(GENERAL, 2)))
                .when(orderUpdated(seat(GENERAL, 4)))
                .thenSchedulesNothing()
                .thenCancelsNothing();
        assertThat(then.decision().state().expirationCommandId()).isEqualTo(then.given().scheduled(ExpireRegistrationProcess.class).envelope().messageId());
    }

    @Test
    void an_update_after_payment_is_refused_and_noted() {
        given(orderPlaced(seat(GENERAL, 2)), seatsReserved(seat(GENERAL, 2)), paymentCompleted(PAYMENT))
                .when(orderUpdated(seat(GENERAL, 4)))
                .thenRefuses()
                .thenIsIn(ProcessState.PAYMENT_CONFIRMATION_RECEIVED)
                .state(s -> assertThat(s.orderChangedAfterPayment()).isTrue());
    }

    @Test
    void an_update_after_the_registration_ended_is_refused() {
        given(orderPlaced(seat(GENERAL, 2)), seatsReserved(seat(GENERAL, 2)), orderConfirmed())
                .when(orderUpdated(seat(GENERAL, 4)))
                .thenRefuses()
                .thenChangesNothing();
        given(orderPlaced(seat(GENERAL, 2)), expiry())
                .when(orderUpdated(seat(GENERAL, 4)))
                .thenRefuses()
                .thenChangesNothing();
    }

    @Test
    void an_update_of_an_order_never_placed_is_refused() {
        givenNothing()
                .when(orderUpdated(seat(GENERAL, 4)))
                .thenRefuses()
                .thenChangesNothing();
    }
}

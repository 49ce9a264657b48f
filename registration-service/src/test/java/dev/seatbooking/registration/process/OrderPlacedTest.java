package dev.seatbooking.registration.process;

import dev.seatbooking.contracts.registration.SeatsAvailabilityCommand.MakeSeatReservation;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static dev.seatbooking.registration.process.ProcessScenario.*;
import static org.assertj.core.api.Assertions.assertThat;

class OrderPlacedTest {

    @Test
    void a_placed_order_gets_its_seats_reserved_and_its_expiry_scheduled_at_the_hold_end_plus_14_minutes() {
        givenNothing()
                .when(orderPlaced(seat(GENERAL, 2), seat(WORKSHOP, 1)))
                .thenSends(makeSeatReservation(seat(GENERAL, 2), seat(WORKSHOP, 1)))
                .thenSchedules(expireRegistrationProcess(), HOLD_END.plus(Duration.ofMinutes(14)))
                .thenIsIn(ProcessState.AWAITING_RESERVATION_CONFIRMATION)
                .thenRuns()
                .thenReportsNothing();
    }

    @Test
    void the_reservation_lives_one_minute_longer_than_the_hold() {
        var then = givenNothing().when(orderPlaced(seat(GENERAL, 2)));
        var reservation = (MakeSeatReservation) then.decision().send().getFirst().payload();
        assertThat(reservation.expiresAt()).isEqualTo(HOLD_END.plus(Duration.ofMinutes(1)));
    }

    @Test
    void the_process_remembers_which_reservation_and_which_expiry_it_sent() {
        var then = givenNothing().when(orderPlaced(seat(GENERAL, 2)));
        then.state(s -> {
            assertThat(s.seatReservationCommandId()).isEqualTo(then.decision().send().getFirst().messageId());
            assertThat(s.expirationCommandId()).isEqualTo(then.decision().schedule().getFirst().envelope().messageId());
            assertThat(s.conferenceId()).isEqualTo(CONFERENCE);
            assertThat(s.reservationAutoExpiration()).isEqualTo(HOLD_END);
        });
    }

    @Test
    void the_buffer_is_configurable() {
        withBuffer(Duration.ofMinutes(5)).givenMessages()
                .when(orderPlaced(seat(GENERAL, 2)))
                .thenSchedules(expireRegistrationProcess(), HOLD_END.plus(Duration.ofMinutes(5)));
    }

    @Test
    void an_order_placed_whose_hold_is_already_over_is_rejected_at_once() {
        givenNothing()
                .when(orderPlaced(seat(GENERAL, 2)).at(HOLD_END))
                .thenSends(rejectOrder())
                .thenSchedulesNothing()
                .thenCompletes(Completion.REJECTED);
    }

    @Test
    void the_same_order_placed_again_changes_nothing() {
        given(orderPlaced(seat(GENERAL, 2)))
                .when(orderPlaced(seat(GENERAL, 2)))
                .thenIgnores();
        given(orderPlaced(seat(GENERAL, 2)).at(HOLD_END))
                .when(orderPlaced(seat(GENERAL, 2)).at(HOLD_END))
                .thenIgnores();
    }

    @Test
    void the_same_order_placed_for_another_conference_is_an_error() {
        given(orderPlaced(seat(GENERAL, 2)))
                .when(orderPlacedFor(OTHER_CONFERENCE, seat(GENERAL, 2)))
                .thenFailsWith(IllegalStateException.class);
    }
}

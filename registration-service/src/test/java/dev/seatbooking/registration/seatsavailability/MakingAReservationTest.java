package dev.seatbooking.registration.seatsavailability;

import dev.seatbooking.contracts.registration.SeatsAvailabilityEvent;
import dev.seatbooking.contracts.registration.SeatsAvailabilityEvent.SeatsReserved;
import dev.seatbooking.eventsourcing.testing.AggregateFixture;
import org.junit.jupiter.api.Test;

import java.util.List;

import static dev.seatbooking.registration.seatsavailability.SeatsAvailabilityTestData.*;
import static org.assertj.core.api.Assertions.assertThat;

class MakingAReservationTest {

    private final AggregateFixture<SeatsAvailability, SeatsAvailabilityEvent> availability =
            AggregateFixture.of(SeatsAvailability::new, CONFERENCE);

    @Test
    void reserves_what_is_asked_while_enough_seats_remain() {
        availability.given(seatsAdded(GENERAL, 10))
                .when(a -> a.makeReservation(makeReservation(ORDER, seat(GENERAL, 4)), NOW))
                .then(seatsReserved(ORDER, holding(seat(GENERAL, 4)), availabilityChanged(change(GENERAL, -4))))
                .state(a -> {
                    assertThat(a.remaining(GENERAL)).isEqualTo(6);
                    assertThat(a.reservation(ORDER)).contains(List.of(seat(GENERAL, 4)));
                });
    }

    @Test
    void reserves_only_what_is_left_when_asked_for_more() {
        availability.given(seatsAdded(GENERAL, 10), seatsReserved(OTHER_ORDER, GENERAL, 8))
                .when(a -> a.makeReservation(makeReservation(ORDER, seat(GENERAL, 5)), NOW))
                .then(seatsReserved(ORDER, holding(seat(GENERAL, 2)), availabilityChanged(change(GENERAL, -2))))
                .state(a -> assertThat(a.remaining(GENERAL)).isZero());
    }

    @Test
    void reserves_each_seat_type_on_its_own() {
        availability.given(seatsAdded(GENERAL, 10), seatsAdded(WORKSHOP, 1))
                .when(a -> a.makeReservation(makeReservation(ORDER, seat(GENERAL, 3), seat(WORKSHOP, 2)), NOW))
                .then(seatsReserved(ORDER, holding(seat(GENERAL, 3), seat(WORKSHOP, 1)),
                        availabilityChanged(change(GENERAL, -3), change(WORKSHOP, -1))));
    }

    @Test
    void a_sold_out_seat_type_reserves_nothing_but_the_process_still_gets_its_answer() {
        availability.given(seatsAdded(GENERAL, 2), seatsReserved(OTHER_ORDER, GENERAL, 2))
                .when(a -> a.makeReservation(makeReservation(ORDER, seat(GENERAL, 3)), NOW))
                .then(seatsReserved(ORDER, holding(), availabilityChanged()))
                .state(a -> assertThat(a.reservation(ORDER)).isEmpty());
    }

    @Test
    void made_again_with_more_seats_it_counts_the_seats_it_already_holds() {
        availability.given(seatsAdded(GENERAL, 5), seatsReserved(ORDER, GENERAL, 3))
                .when(a -> a.makeReservation(makeReservation(ORDER, seat(GENERAL, 6)), NOW))
                .then(seatsReserved(ORDER, holding(seat(GENERAL, 5)), availabilityChanged(change(GENERAL, -2))));
    }

    @Test
    void made_again_with_fewer_seats_it_releases_the_difference() {
        availability.given(seatsAdded(GENERAL, 10), seatsReserved(ORDER, GENERAL, 6))
                .when(a -> a.makeReservation(makeReservation(ORDER, seat(GENERAL, 2)), NOW))
                .then(seatsReserved(ORDER, holding(seat(GENERAL, 2)), availabilityChanged(change(GENERAL, 4))))
                .state(a -> assertThat(a.remaining(GENERAL)).isEqualTo(8));
    }

    @Test
    void made_again_with_fewer_seats_the_released_ones_first_pay_off_what_a_lowered_quota_owes() {
        availability.given(seatsAdded(GENERAL, 10), seatsReserved(ORDER, GENERAL, 8), quotaLowered(GENERAL, 2, 3))
                .when(a -> a.makeReservation(makeReservation(ORDER, seat(GENERAL, 4)), NOW))
                .then(new SeatsReserved(CONFERENCE, ORDER, holding(seat(GENERAL, 4)), availabilityChanged(change(GENERAL, 1)),
                        owedChanged(change(GENERAL, -3))))
                .state(a -> {
                    assertThat(a.remaining(GENERAL)).as("quota 5 - 4 held").isEqualTo(1);
                    assertThat(a.owed(GENERAL)).isZero();
                });
    }

    @Test
    void made_again_without_a_seat_type_it_releases_that_type() {
        availability.given(seatsAdded(GENERAL, 10), seatsAdded(WORKSHOP, 10),
                        seatsReserved(ORDER, holding(seat(GENERAL, 2), seat(WORKSHOP, 3)),
                                availabilityChanged(change(GENERAL, -2), change(WORKSHOP, -3))))
                .when(a -> a.makeReservation(makeReservation(ORDER, seat(GENERAL, 2)), NOW))
                .then(seatsReserved(ORDER, holding(seat(GENERAL, 2)), availabilityChanged(change(WORKSHOP, 3))))
                .state(a -> assertThat(a.remaining(WORKSHOP)).isEqualTo(10));
    }

    @Test
    void made_again_unchanged_it_answers_again_and_changes_nothing() {
        availability.given(seatsAdded(GENERAL, 10), seatsReserved(ORDER, GENERAL, 4))
                .when(a -> a.makeReservation(makeReservation(ORDER, seat(GENERAL, 4)), NOW))
                .then(seatsReserved(ORDER, holding(seat(GENERAL, 4)), availabilityChanged()))
                .state(a -> assertThat(a.remaining(GENERAL)).isEqualTo(6));
    }

    @Test
    void another_reservations_seats_are_never_taken() {
        availability.given(seatsAdded(GENERAL, 4), seatsReserved(OTHER_ORDER, GENERAL, 4))
                .when(a -> a.makeReservation(makeReservation(ORDER, seat(GENERAL, 1)), NOW))
                .then(seatsReserved(ORDER, holding(), availabilityChanged()))
                .state(a -> assertThat(a.reservation(OTHER_ORDER)).contains(List.of(seat(GENERAL, 4))));
    }

    @Test
    void a_seat_type_the_conference_does_not_have_is_an_error() {
        availability.given(seatsAdded(GENERAL, 10))
                .when(a -> a.makeReservation(makeReservation(ORDER, seat(GENERAL, 1), seat(NOT_SOLD_HERE, 1)), NOW))
                .thenRejectedWith(SeatsAvailabilityRejection.UnknownSeatType.class);
    }

    @Test
    void a_negative_quantity_is_an_error() {
        availability.given(seatsAdded(GENERAL, 10))
                .when(a -> a.makeReservation(makeReservation(ORDER, seat(GENERAL, -1)), NOW))
                .thenRejectedWith(SeatsAvailabilityRejection.InvalidSeatQuantity.class);
    }

    @Test
    void a_command_past_its_time_to_live_reserves_nothing() {
        availability.given(seatsAdded(GENERAL, 10))
                .when(a -> a.makeReservation(makeReservation(ORDER, seat(GENERAL, 4)), TIME_TO_LIVE_END))
                .thenNothing()
                .state(a -> assertThat(a.remaining(GENERAL)).isEqualTo(10));
        availability.given(seatsAdded(GENERAL, 10))
                .when(a -> a.makeReservation(makeReservation(ORDER, seat(GENERAL, 4)), TIME_TO_LIVE_END.minusMillis(1)))
                .then(seatsReserved(ORDER, GENERAL, 4));
    }
}

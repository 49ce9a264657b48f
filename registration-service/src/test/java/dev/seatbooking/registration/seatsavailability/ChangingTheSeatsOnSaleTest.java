package dev.seatbooking.registration.seatsavailability;

import dev.seatbooking.contracts.registration.SeatsAvailabilityEvent;
import dev.seatbooking.contracts.registration.SeatsAvailabilityEvent.AvailableSeatsChanged;
import dev.seatbooking.eventsourcing.testing.AggregateFixture;
import org.junit.jupiter.api.Test;

import java.util.List;

import static dev.seatbooking.registration.seatsavailability.SeatsAvailabilityTestData.*;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * AddSeats and RemoveSeats, sent when Conference Management creates or resizes a seat type. A quota lowered below
 * the seats on sale owes the rest, paid off first by seats that come back (see also {@code LoweredQuotaTest}).
 */
class ChangingTheSeatsOnSaleTest {

    private final AggregateFixture<SeatsAvailability, SeatsAvailabilityEvent> availability =
            AggregateFixture.of(SeatsAvailability::new, CONFERENCE);

    @Test
    void a_new_seat_type_goes_on_sale() {
        availability.givenNothing()
                .when(a -> a.addSeats(addSeats(GENERAL, 100), NOW))
                .then(seatsAdded(GENERAL, 100))
                .state(a -> assertThat(a.remaining(GENERAL)).isEqualTo(100));
    }

    @Test
    void added_seats_come_on_top_of_those_on_sale() {
        availability.given(seatsAdded(GENERAL, 100), seatsReserved(ORDER, GENERAL, 30))
                .when(a -> a.addSeats(addSeats(GENERAL, 20), NOW))
                .then(seatsAdded(GENERAL, 20))
                .state(a -> assertThat(a.remaining(GENERAL)).isEqualTo(90));
    }

    @Test
    void a_seat_type_created_without_seats_is_known_so_orders_for_it_get_an_answer() {
        availability.givenNothing()
                .when(a -> a.addSeats(addSeats(WORKSHOP, 0), NOW))
                .then(seatsAdded(WORKSHOP, 0));
        availability.given(seatsAdded(WORKSHOP, 0))
                .when(a -> a.makeReservation(makeReservation(ORDER, seat(WORKSHOP, 2)), NOW))
                .then(seatsReserved(ORDER, holding(), availabilityChanged()));
    }

    @Test
    void adding_no_seats_to_a_known_type_changes_nothing() {
        availability.given(seatsAdded(GENERAL, 100))
                .when(a -> a.addSeats(addSeats(GENERAL, 0), NOW))
                .thenNothing();
    }

    @Test
    void removed_seats_come_off_sale() {
        availability.given(seatsAdded(GENERAL, 100))
                .when(a -> a.removeSeats(removeSeats(GENERAL, 40)))
                .then(seatsRemoved(GENERAL, 40))
                .state(a -> assertThat(a.remaining(GENERAL)).isEqualTo(60));
    }

    @Test
    void only_seats_on_sale_can_be_removed_the_rest_is_owed_and_held_ones_stay_with_their_order() {
        availability.given(seatsAdded(GENERAL, 10), seatsReserved(ORDER, GENERAL, 8))
                .when(a -> a.removeSeats(removeSeats(GENERAL, 5)))
                .then(quotaLowered(GENERAL, 2, 3))
                .state(a -> {
                    assertThat(a.remaining(GENERAL)).isZero();
                    assertThat(a.owed(GENERAL)).isEqualTo(3);
                    assertThat(a.reservation(ORDER)).isPresent();
                });
    }

    @Test
    void a_quota_lowered_on_a_sold_out_seat_type_is_owed_in_full() {
        availability.given(seatsAdded(GENERAL, 3), seatsReserved(ORDER, GENERAL, 3))
                .when(a -> a.removeSeats(removeSeats(GENERAL, 1)))
                .then(quotaLowered(GENERAL, 0, 1))
                .state(a -> assertThat(a.owed(GENERAL)).isEqualTo(1));
    }

    @Test
    void a_quota_lowered_twice_owes_both_reductions() {
        availability.given(seatsAdded(GENERAL, 3), seatsReserved(ORDER, GENERAL, 3), quotaLowered(GENERAL, 0, 1))
                .when(a -> a.removeSeats(removeSeats(GENERAL, 2)))
                .then(quotaLowered(GENERAL, 0, 2))
                .state(a -> assertThat(a.owed(GENERAL)).isEqualTo(3));
    }

    @Test
    void removing_from_an_unknown_seat_type_or_removing_none_changes_nothing() {
        availability.givenNothing()
                .when(a -> a.removeSeats(removeSeats(WORKSHOP, 1)))
                .thenNothing();
        availability.given(seatsAdded(GENERAL, 3))
                .when(a -> a.removeSeats(removeSeats(GENERAL, 0)))
                .thenNothing();
    }

    @Test
    void a_raised_quota_first_pays_off_what_a_lowered_one_owes_then_puts_the_rest_on_sale() {
        availability.given(seatsAdded(GENERAL, 10), seatsReserved(ORDER, GENERAL, 8), quotaLowered(GENERAL, 2, 3))
                .when(a -> a.addSeats(addSeats(GENERAL, 5), NOW))
                .then(new AvailableSeatsChanged(CONFERENCE, List.of(change(GENERAL, 2)), owedChanged(change(GENERAL, -3))))
                .state(a -> {
                    assertThat(a.remaining(GENERAL)).isEqualTo(2);
                    assertThat(a.owed(GENERAL)).isZero();
                });
    }

    @Test
    void a_quota_raised_by_less_than_is_owed_only_pays_off_part_of_it() {
        availability.given(seatsAdded(GENERAL, 10), seatsReserved(ORDER, GENERAL, 8), quotaLowered(GENERAL, 2, 3))
                .when(a -> a.addSeats(addSeats(GENERAL, 1), NOW))
                .then(new AvailableSeatsChanged(CONFERENCE, List.of(), owedChanged(change(GENERAL, -1))))
                .state(a -> {
                    assertThat(a.remaining(GENERAL)).isZero();
                    assertThat(a.owed(GENERAL)).isEqualTo(2);
                });
    }
}

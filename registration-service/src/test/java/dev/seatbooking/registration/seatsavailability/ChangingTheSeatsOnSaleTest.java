package dev.seatbooking.registration.seatsavailability;

import dev.seatbooking.contracts.registration.SeatsAvailabilityEvent;
import dev.seatbooking.eventsourcing.testing.AggregateFixture;
import org.junit.jupiter.api.Test;

import static dev.seatbooking.registration.seatsavailability.SeatsAvailabilityTestData.*;
import static org.assertj.core.api.Assertions.assertThat;

/** AddSeats and RemoveSeats, sent when Conference Management creates or resizes a seat type. */
class ChangingTheSeatsOnSaleTest {

    private final AggregateFixture<SeatsAvailability, SeatsAvailabilityEvent> availability =
            AggregateFixture.of(SeatsAvailability::new, CONFERENCE);

    @Test
    void a_new_seat_type_goes_on_sale() {
        availability.givenNothing()
                .when(a -> a.addSeats(addSeats(GENERAL, 100)))
                .then(seatsAdded(GENERAL, 100))
                .state(a -> assertThat(a.remaining(GENERAL)).isEqualTo(100));
    }

    @Test
    void added_seats_come_on_top_of_those_on_sale() {
        availability.given(seatsAdded(GENERAL, 100), seatsReserved(ORDER, GENERAL, 30))
                .when(a -> a.addSeats(addSeats(GENERAL, 20)))
                .then(seatsAdded(GENERAL, 20))
                .state(a -> assertThat(a.remaining(GENERAL)).isEqualTo(90));
    }

    @Test
    void a_seat_type_created_without_seats_is_known_so_orders_for_it_get_an_answer() {
        availability.givenNothing()
                .when(a -> a.addSeats(addSeats(WORKSHOP, 0)))
                .then(seatsAdded(WORKSHOP, 0));
        availability.given(seatsAdded(WORKSHOP, 0))
                .when(a -> a.makeReservation(makeReservation(ORDER, seat(WORKSHOP, 2)), NOW))
                .then(seatsReserved(ORDER, holding(), availabilityChanged()));
    }

    @Test
    void adding_no_seats_to_a_known_type_changes_nothing() {
        availability.given(seatsAdded(GENERAL, 100))
                .when(a -> a.addSeats(addSeats(GENERAL, 0)))
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
    void only_seats_on_sale_can_be_removed_held_ones_stay_with_their_order() {
        availability.given(seatsAdded(GENERAL, 10), seatsReserved(ORDER, GENERAL, 8))
                .when(a -> a.removeSeats(removeSeats(GENERAL, 5)))
                .then(seatsRemoved(GENERAL, 2))
                .state(a -> {
                    assertThat(a.remaining(GENERAL)).isZero();
                    assertThat(a.reservation(ORDER)).isPresent();
                });
    }

    @Test
    void removing_from_a_sold_out_or_unknown_seat_type_changes_nothing() {
        availability.given(seatsAdded(GENERAL, 3), seatsReserved(ORDER, GENERAL, 3))
                .when(a -> a.removeSeats(removeSeats(GENERAL, 1)))
                .thenNothing();
        availability.givenNothing()
                .when(a -> a.removeSeats(removeSeats(WORKSHOP, 1)))
                .thenNothing();
    }
}

package dev.seatbooking.registration.seatsavailability;

import dev.seatbooking.contracts.registration.SeatsAvailabilityEvent;
import dev.seatbooking.contracts.registration.SeatsAvailabilityEvent.SeatsReservationCancelled;
import dev.seatbooking.eventsourcing.testing.AggregateFixture;
import org.junit.jupiter.api.Test;

import java.util.List;

import static dev.seatbooking.registration.seatsavailability.SeatsAvailabilityTestData.*;
import static org.assertj.core.api.Assertions.assertThat;

/** CancelSeatReservation and CommitSeatReservation. */
class EndingAReservationTest {

    private final AggregateFixture<SeatsAvailability, SeatsAvailabilityEvent> availability =
            AggregateFixture.of(SeatsAvailability::new, CONFERENCE);

    @Test
    void cancelling_a_reservation_puts_its_seats_back_on_sale() {
        availability.given(seatsAdded(GENERAL, 10), seatsAdded(WORKSHOP, 5),
                        seatsReserved(ORDER, holding(seat(GENERAL, 3), seat(WORKSHOP, 1)),
                                availabilityChanged(change(GENERAL, -3), change(WORKSHOP, -1))))
                .when(a -> a.cancelReservation(cancelReservation(ORDER), NOW))
                .then(reservationCancelled(ORDER, change(GENERAL, 3), change(WORKSHOP, 1)))
                .state(a -> {
                    assertThat(a.remaining(GENERAL)).isEqualTo(10);
                    assertThat(a.remaining(WORKSHOP)).isEqualTo(5);
                    assertThat(a.reservation(ORDER)).isEmpty();
                });
    }

    @Test
    void seats_released_by_a_cancelled_reservation_first_pay_off_what_a_lowered_quota_owes() {
        availability.given(seatsAdded(GENERAL, 10), seatsReserved(ORDER, GENERAL, 8), quotaLowered(GENERAL, 2, 3))
                .when(a -> a.cancelReservation(cancelReservation(ORDER), NOW))
                .then(new SeatsReservationCancelled(CONFERENCE, ORDER, List.of(change(GENERAL, 5)),
                        owedChanged(change(GENERAL, -3))))
                .state(a -> {
                    assertThat(a.remaining(GENERAL)).as("the lowered quota").isEqualTo(5);
                    assertThat(a.owed(GENERAL)).isZero();
                });
    }

    @Test
    void a_cancelled_reservation_smaller_than_what_is_owed_puts_nothing_on_sale() {
        availability.given(seatsAdded(GENERAL, 10), seatsReserved(ORDER, GENERAL, 4), seatsReserved(OTHER_ORDER, GENERAL, 6),
                        quotaLowered(GENERAL, 0, 7))
                .when(a -> a.cancelReservation(cancelReservation(ORDER), NOW))
                .then(new SeatsReservationCancelled(CONFERENCE, ORDER, List.of(), owedChanged(change(GENERAL, -4))))
                .state(a -> {
                    assertThat(a.remaining(GENERAL)).isZero();
                    assertThat(a.owed(GENERAL)).isEqualTo(3);
                });
    }

    @Test
    void cancelling_an_unknown_reservation_does_nothing() {
        availability.given(seatsAdded(GENERAL, 10))
                .when(a -> a.cancelReservation(cancelReservation(ORDER), NOW))
                .thenNothing();
    }

    @Test
    void cancelling_twice_releases_the_seats_once() {
        availability.given(seatsAdded(GENERAL, 10), seatsReserved(ORDER, GENERAL, 3),
                        reservationCancelled(ORDER, change(GENERAL, 3)))
                .when(a -> a.cancelReservation(cancelReservation(ORDER), NOW))
                .thenNothing();
    }

    @Test
    void committing_a_reservation_sells_its_seats_for_good() {
        availability.given(seatsAdded(GENERAL, 10), seatsReserved(ORDER, GENERAL, 3))
                .when(a -> a.commitReservation(commitReservation(ORDER)))
                .then(reservationCommitted(ORDER))
                .state(a -> {
                    assertThat(a.remaining(GENERAL)).isEqualTo(7);
                    assertThat(a.reservation(ORDER)).isEmpty();
                });
    }

    @Test
    void committing_an_unknown_reservation_does_nothing() {
        availability.given(seatsAdded(GENERAL, 10))
                .when(a -> a.commitReservation(commitReservation(ORDER)))
                .thenNothing();
    }

    @Test
    void committing_twice_does_nothing_the_second_time() {
        availability.given(seatsAdded(GENERAL, 10), seatsReserved(ORDER, GENERAL, 3), reservationCommitted(ORDER))
                .when(a -> a.commitReservation(commitReservation(ORDER)))
                .thenNothing();
    }

    @Test
    void sold_seats_never_go_back_on_sale() {
        availability.given(seatsAdded(GENERAL, 10), seatsReserved(ORDER, GENERAL, 3), reservationCommitted(ORDER))
                .when(a -> a.cancelReservation(cancelReservation(ORDER), NOW))
                .thenNothing()
                .state(a -> assertThat(a.remaining(GENERAL)).isEqualTo(7));
    }

    @Test
    void a_cancelled_reservation_cannot_be_committed() {
        availability.given(seatsAdded(GENERAL, 10), seatsReserved(ORDER, GENERAL, 3),
                        reservationCancelled(ORDER, change(GENERAL, 3)))
                .when(a -> a.commitReservation(commitReservation(ORDER)))
                .thenNothing();
    }
}

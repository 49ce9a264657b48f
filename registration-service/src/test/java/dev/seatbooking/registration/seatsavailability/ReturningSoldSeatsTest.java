package dev.seatbooking.registration.seatsavailability;

import dev.seatbooking.contracts.registration.SeatQuantity;
import dev.seatbooking.contracts.registration.SeatsAvailabilityCommand.ReturnSoldSeats;
import dev.seatbooking.contracts.registration.SeatsAvailabilityEvent;
import dev.seatbooking.contracts.registration.SeatsAvailabilityEvent.SoldSeatsReturned;
import dev.seatbooking.eventsourcing.testing.AggregateFixture;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static dev.seatbooking.registration.seatsavailability.SeatsAvailabilityTestData.*;
import static org.assertj.core.api.Assertions.assertThat;

/** A cancelled order's sold seats come back (issue 16) as any seats that come back: owed, waitlist, then sale. */
class ReturningSoldSeatsTest {

    private final AggregateFixture<SeatsAvailability, SeatsAvailabilityEvent> availability =
            AggregateFixture.of(SeatsAvailability::new, CONFERENCE);

    /** GENERAL: 4 seats, all sold to ORDER; then {@code more}. */
    private static List<SeatsAvailabilityEvent> soldOutAnd(SeatsAvailabilityEvent... more) {
        List<SeatsAvailabilityEvent> events = new ArrayList<>(List.of(seatsAdded(GENERAL, 4),
                seatsReserved(ORDER, GENERAL, 4), reservationCommitted(ORDER)));
        events.addAll(List.of(more));
        return events;
    }

    @Test
    void returned_seats_go_on_sale_when_nobody_waits() {
        availability.given(soldOutAnd())
                .when(a -> a.returnSoldSeats(returnSeats(ORDER, seat(GENERAL, 3)), NOW))
                .then(returned(ORDER, List.of(seat(GENERAL, 3)), availabilityChanged(change(GENERAL, 3)), List.of()))
                .state(a -> assertThat(a.remaining(GENERAL)).isEqualTo(3));
    }

    @Test
    void returned_seats_go_to_a_waiting_entry_first_in_join_order() {
        availability.given(soldOutAnd(joined(ENTRY, GENERAL, 2), joined(SECOND_ENTRY, GENERAL, 3)))
                .when(a -> a.returnSoldSeats(returnSeats(ORDER, seat(GENERAL, 4)), NOW))
                .then(returned(ORDER, List.of(seat(GENERAL, 4)), List.of(), List.of()),
                        offerMade(ENTRY, GENERAL, 2), offerMade(SECOND_ENTRY, GENERAL, 2))
                .state(a -> {
                    assertThat(a.remaining(GENERAL)).isZero();
                    assertThat(a.offered(ENTRY)).isEqualTo(2);
                    assertThat(a.offered(SECOND_ENTRY)).isEqualTo(2);
                });
    }

    @Test
    void returned_seats_pay_off_a_lowered_quota_before_anyone_waiting_gets_them() {
        availability.given(soldOutAnd(quotaLowered(GENERAL, 0, 1), joined(ENTRY, GENERAL, 2)))
                .when(a -> a.returnSoldSeats(returnSeats(ORDER, seat(GENERAL, 2)), NOW))
                .then(returned(ORDER, List.of(seat(GENERAL, 2)), List.of(), owedChanged(change(GENERAL, -1))),
                        offerMade(ENTRY, GENERAL, 1))
                .state(a -> assertThat(a.owed(GENERAL)).isZero());
    }

    @Test
    void an_order_whose_reservation_is_still_pending_ends_it_so_a_late_commit_does_nothing() {
        availability.given(seatsAdded(GENERAL, 4), seatsReserved(ORDER, GENERAL, 4))
                .when(a -> a.returnSoldSeats(returnSeats(ORDER, seat(GENERAL, 4)), NOW))
                .then(returned(ORDER, List.of(seat(GENERAL, 4)), availabilityChanged(change(GENERAL, 4)), List.of()))
                .state(a -> {
                    assertThat(a.reservation(ORDER)).isEmpty();
                    assertThat(a.commitReservation(commitReservation(ORDER))).isEmpty();
                });
    }

    @Test
    void seats_of_a_type_never_sold_here_are_an_error() {
        availability.given(soldOutAnd())
                .when(a -> a.returnSoldSeats(returnSeats(ORDER, seat(NOT_SOLD_HERE, 1)), NOW))
                .thenRejectedWith(SeatsAvailabilityRejection.UnknownSeatType.class);
    }

    private static ReturnSoldSeats returnSeats(UUID order, SeatQuantity... seats) {
        return new ReturnSoldSeats(CONFERENCE, order, List.of(seats));
    }

    private static SoldSeatsReturned returned(UUID order, List<SeatQuantity> seats, List<SeatQuantity> onSale,
                                              List<SeatQuantity> owed) {
        return new SoldSeatsReturned(CONFERENCE, order, seats, onSale, owed);
    }
}

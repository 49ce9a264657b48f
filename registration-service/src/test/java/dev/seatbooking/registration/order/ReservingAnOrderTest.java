package dev.seatbooking.registration.order;

import dev.seatbooking.contracts.registration.OrderCommand.MarkSeatsAsReserved;
import dev.seatbooking.contracts.registration.OrderEvent;
import dev.seatbooking.eventsourcing.testing.AggregateFixture;
import org.junit.jupiter.api.Test;

import java.util.List;

import static dev.seatbooking.registration.order.OrderTestData.*;
import static org.assertj.core.api.Assertions.assertThat;

/** MarkSeatsAsReserved: what SeatsAvailability could hold for the order. */
class ReservingAnOrderTest {

    private final AggregateFixture<Order, OrderEvent> order = AggregateFixture.of(Order::new, ORDER);

    private static final List<OrderEvent> PLACED = List.of(
            orderPlaced(seat(GENERAL, 4), seat(WORKSHOP, 2)), totals("500.00", line(GENERAL, 4), line(WORKSHOP, 2)));

    @Test
    void every_seat_asked_for_reserved_completes_the_reservation() {
        order.given(PLACED)
                .when(o -> o.markSeatsAsReserved(markReserved(seat(WORKSHOP, 2), seat(GENERAL, 4)), PUBLISHED))
                .then(reservationCompleted(seat(WORKSHOP, 2), seat(GENERAL, 4)))
                .state(o -> assertThat(o.status()).isEqualTo(OrderStatus.RESERVATION_COMPLETED));
    }

    @Test
    void fewer_seats_than_asked_reserve_the_order_partially_and_price_what_is_held() {
        order.given(PLACED)
                .when(o -> o.markSeatsAsReserved(markReserved(seat(GENERAL, 3), seat(WORKSHOP, 2)), PUBLISHED))
                .then(partiallyReserved(seat(GENERAL, 3), seat(WORKSHOP, 2)),
                        totals("400.00", line(GENERAL, 3), line(WORKSHOP, 2)))
                .state(o -> {
                    assertThat(o.status()).isEqualTo(OrderStatus.PARTIALLY_RESERVED);
                    assertThat(o.seats()).containsExactly(seat(GENERAL, 3), seat(WORKSHOP, 2));
                });
    }

    @Test
    void a_seat_type_sold_out_drops_out_of_the_order() {
        order.given(PLACED)
                .when(o -> o.markSeatsAsReserved(markReserved(seat(GENERAL, 4), seat(WORKSHOP, 0)), PUBLISHED))
                .then(partiallyReserved(seat(GENERAL, 4)), totals("400.00", line(GENERAL, 4)));
    }

    @Test
    void nothing_reserved_leaves_an_empty_order_that_costs_nothing_yet_is_not_free() {
        order.given(PLACED)
                .when(o -> o.markSeatsAsReserved(markReserved(), PUBLISHED))
                .then(partiallyReserved(), totals("0.00"))
                .state(o -> assertThat(o.isFreeOfCharge()).isFalse());
    }

    @Test
    void the_expiration_comes_from_the_process() {
        var later = HOLD_END.plusSeconds(30);
        order.given(PLACED)
                .when(o -> o.markSeatsAsReserved(new MarkSeatsAsReserved(ORDER, seats(seat(GENERAL, 4),
                        seat(WORKSHOP, 2)), later), PUBLISHED))
                .state(o -> assertThat(o.reservationExpiration()).isEqualTo(later));
    }

    @Test
    void the_same_reservation_marked_again_changes_nothing() {
        order.given(PLACED.getFirst(), PLACED.getLast(), partiallyReserved(seat(GENERAL, 3), seat(WORKSHOP, 2)),
                        totals("400.00", line(GENERAL, 3), line(WORKSHOP, 2)))
                .when(o -> o.markSeatsAsReserved(markReserved(seat(GENERAL, 3), seat(WORKSHOP, 2)), PUBLISHED))
                .thenNothing();
    }

    @Test
    void after_an_update_the_reservation_is_measured_against_the_new_seats() {
        order.given(PLACED.getFirst(), PLACED.getLast(), reservationCompleted(seat(GENERAL, 4), seat(WORKSHOP, 2)),
                        orderUpdated(seat(GENERAL, 1)), totals("100.00", line(GENERAL, 1)))
                .when(o -> o.markSeatsAsReserved(markReserved(seat(GENERAL, 1)), PUBLISHED))
                .then(reservationCompleted(seat(GENERAL, 1)));
    }

    @Test
    void a_confirmed_order_cannot_be_marked_again() {
        order.given(PLACED.getFirst(), PLACED.getLast(), reservationCompleted(seat(GENERAL, 4), seat(WORKSHOP, 2)),
                        orderConfirmed(false))
                .when(o -> o.markSeatsAsReserved(markReserved(seat(GENERAL, 1)), PUBLISHED))
                .thenRejectedWith(OrderRejection.OrderAlreadyConfirmed.class);
    }

    @Test
    void an_expired_order_cannot_be_marked() {
        order.given(PLACED.getFirst(), PLACED.getLast(), orderExpired())
                .when(o -> o.markSeatsAsReserved(markReserved(seat(GENERAL, 4), seat(WORKSHOP, 2)), PUBLISHED))
                .thenRejectedWith(OrderRejection.OrderAlreadyExpired.class);
    }

    @Test
    void an_order_never_placed_cannot_be_marked() {
        order.givenNothing()
                .when(o -> o.markSeatsAsReserved(markReserved(seat(GENERAL, 4)), PUBLISHED))
                .thenRejectedWith(OrderRejection.UnknownOrder.class);
    }
}

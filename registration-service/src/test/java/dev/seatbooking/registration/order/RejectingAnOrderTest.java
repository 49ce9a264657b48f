package dev.seatbooking.registration.order;

import dev.seatbooking.contracts.registration.OrderEvent;
import dev.seatbooking.eventsourcing.testing.AggregateFixture;
import org.junit.jupiter.api.Test;

import static dev.seatbooking.registration.order.OrderTestData.*;
import static org.assertj.core.api.Assertions.assertThat;

class RejectingAnOrderTest {

    private final AggregateFixture<Order, OrderEvent> order = AggregateFixture.of(Order::new, ORDER);

    @Test
    void rejecting_an_open_order_expires_it() {
        order.given(orderPlaced(seat(GENERAL, 2)), totals("200.00", line(GENERAL, 2)),
                        reservationCompleted(seat(GENERAL, 2)))
                .when(o -> o.reject(rejectOrder()))
                .then(orderExpired())
                .state(o -> assertThat(o.status()).isEqualTo(OrderStatus.EXPIRED));
    }

    @Test
    void an_order_still_waiting_for_its_seats_can_be_rejected() {
        order.given(orderPlaced(seat(GENERAL, 2)), totals("200.00", line(GENERAL, 2)))
                .when(o -> o.reject(rejectOrder()))
                .then(orderExpired());
    }

    @Test
    void rejecting_an_expired_order_again_changes_nothing() {
        order.given(orderPlaced(seat(GENERAL, 2)), totals("200.00", line(GENERAL, 2)), orderExpired())
                .when(o -> o.reject(rejectOrder()))
                .thenNothing();
    }

    @Test
    void a_confirmed_order_cannot_be_rejected() {
        order.given(orderPlaced(seat(GENERAL, 2)), totals("200.00", line(GENERAL, 2)),
                        reservationCompleted(seat(GENERAL, 2)), orderConfirmed(false))
                .when(o -> o.reject(rejectOrder()))
                .thenRejectedWith(OrderRejection.OrderAlreadyConfirmed.class);
    }

    @Test
    void an_order_never_placed_cannot_be_rejected() {
        order.givenNothing()
                .when(o -> o.reject(rejectOrder()))
                .thenRejectedWith(OrderRejection.UnknownOrder.class);
    }
}

package dev.seatbooking.registration.order;

import dev.seatbooking.contracts.registration.OrderEvent;
import dev.seatbooking.contracts.registration.PersonalInfo;
import dev.seatbooking.eventsourcing.testing.AggregateFixture;
import org.junit.jupiter.api.Test;

import static dev.seatbooking.registration.order.OrderTestData.*;
import static org.assertj.core.api.Assertions.assertThat;

class RegistrantDetailsTest {

    private final AggregateFixture<Order, OrderEvent> order = AggregateFixture.of(Order::new, ORDER);

    @Test
    void the_registrant_of_an_open_order_is_recorded() {
        order.given(orderPlaced(seat(GENERAL, 2)), totals("200.00", line(GENERAL, 2)))
                .when(o -> o.assignRegistrant(assignRegistrant("Ada", "Lovelace", "ada@example.org")))
                .then(registrantAssigned("Ada", "Lovelace", "ada@example.org"))
                .state(o -> assertThat(o.registrant()).contains(new PersonalInfo("Ada", "Lovelace", "ada@example.org")));
    }

    @Test
    void a_new_registrant_replaces_the_previous_one() {
        order.given(orderPlaced(seat(GENERAL, 2)), totals("200.00", line(GENERAL, 2)),
                        registrantAssigned("Ada", "Lovelace", "ada@example.org"))
                .when(o -> o.assignRegistrant(assignRegistrant("Ada", "King", "ada@example.org")))
                .then(registrantAssigned("Ada", "King", "ada@example.org"));
    }

    @Test
    void the_same_details_again_change_nothing() {
        order.given(orderPlaced(seat(GENERAL, 2)), totals("200.00", line(GENERAL, 2)),
                        registrantAssigned("Ada", "Lovelace", "ada@example.org"))
                .when(o -> o.assignRegistrant(assignRegistrant("Ada", "Lovelace", "ada@example.org")))
                .thenNothing();
    }

    @Test
    void an_expired_order_takes_no_registrant() {
        order.given(orderPlaced(seat(GENERAL, 2)), totals("200.00", line(GENERAL, 2)), orderExpired())
                .when(o -> o.assignRegistrant(assignRegistrant("Ada", "Lovelace", "ada@example.org")))
                .thenRejectedWith(OrderRejection.OrderAlreadyExpired.class);
    }

    @Test
    void a_confirmed_order_keeps_its_registrant() {
        order.given(orderPlaced(seat(GENERAL, 2)), totals("200.00", line(GENERAL, 2)),
                        reservationCompleted(seat(GENERAL, 2)), orderConfirmed(false))
                .when(o -> o.assignRegistrant(assignRegistrant("Ada", "Lovelace", "ada@example.org")))
                .thenRejectedWith(OrderRejection.OrderAlreadyConfirmed.class);
    }

    @Test
    void an_order_never_placed_takes_no_registrant() {
        order.givenNothing()
                .when(o -> o.assignRegistrant(assignRegistrant("Ada", "Lovelace", "ada@example.org")))
                .thenRejectedWith(OrderRejection.UnknownOrder.class);
    }
}

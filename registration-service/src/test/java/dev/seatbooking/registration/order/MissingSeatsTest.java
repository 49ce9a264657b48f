package dev.seatbooking.registration.order;

import dev.seatbooking.contracts.registration.OrderEvent;
import org.junit.jupiter.api.Test;

import java.util.List;

import static dev.seatbooking.registration.order.OrderTestData.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** What an order that got fewer seats than it asked for may waitlist in one step (issue 15). */
class MissingSeatsTest {

    private static final OrderEvent PLACED = orderPlaced(seat(WORKSHOP, 2), seat(GENERAL, 4));

    @Test
    void a_partly_reserved_order_misses_what_it_asked_for_less_what_it_holds_in_the_order_it_named_them() {
        Order order = given(PLACED, partiallyReserved(seat(GENERAL, 1)));

        assertThat(order.missingSeats()).containsExactly(seat(WORKSHOP, 2), seat(GENERAL, 3));
    }

    @Test
    void the_seats_asked_for_are_the_latest_update() {
        Order order = given(PLACED, partiallyReserved(seat(GENERAL, 1)), orderUpdated(seat(GENERAL, 3)),
                partiallyReserved(seat(GENERAL, 2)));

        assertThat(order.missingSeats()).containsExactly(seat(GENERAL, 1));
    }

    @Test
    void an_order_that_got_every_seat_or_is_not_reserved_yet_is_not_short() {
        assertThatThrownBy(() -> given(PLACED).missingSeats())
                .isInstanceOf(OrderRejection.OrderNotShort.class).hasMessageContaining("not reserved yet");
        assertThatThrownBy(() -> given(PLACED, reservationCompleted(seat(WORKSHOP, 2), seat(GENERAL, 4))).missingSeats())
                .isInstanceOf(OrderRejection.OrderNotShort.class).hasMessageContaining("got every seat");
        assertThat(given(PLACED).shortfall()).isEmpty();
    }

    @Test
    void an_order_that_is_over_misses_nothing_it_could_waitlist_but_still_knows_its_shortfall() {
        Order expired = given(PLACED, partiallyReserved(seat(GENERAL, 1)), orderExpired());
        Order confirmed = given(PLACED, partiallyReserved(seat(GENERAL, 1)), orderConfirmed(false));

        assertThatThrownBy(expired::missingSeats).isInstanceOf(OrderRejection.OrderAlreadyExpired.class);
        assertThatThrownBy(confirmed::missingSeats).isInstanceOf(OrderRejection.OrderAlreadyConfirmed.class);
        assertThat(expired.shortfall()).as("what a repeated waitlisting is recognised by")
                .containsExactly(seat(WORKSHOP, 2), seat(GENERAL, 3));
        assertThatThrownBy(() -> new Order(ORDER).missingSeats()).isInstanceOf(OrderRejection.UnknownOrder.class);
    }

    private static Order given(OrderEvent... events) {
        Order order = new Order(ORDER);
        List.of(events).forEach(order::apply);
        return order;
    }
}

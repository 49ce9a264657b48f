package dev.seatbooking.registration.order;

import dev.seatbooking.contracts.registration.OrderCommand.RegisterToConference;
import dev.seatbooking.contracts.registration.OrderEvent;
import dev.seatbooking.eventsourcing.testing.AggregateFixture;
import org.junit.jupiter.api.Test;

import java.util.List;

import static dev.seatbooking.registration.order.OrderTestData.*;
import static org.assertj.core.api.Assertions.assertThat;

class UpdatingAnOrderTest {

    private final AggregateFixture<Order, OrderEvent> order = AggregateFixture.of(Order::new, ORDER);

    /** An update never asks for a new code: the registrant keeps the one they were given. */
    private static final AccessCodeGenerator NO_NEW_CODE = () -> {
        throw new AssertionError("an update must not make a new access code");
    };

    @Test
    void an_order_whose_seats_are_held_can_be_changed_and_is_priced_again() {
        order.given(orderPlaced(seat(GENERAL, 2)), totals("200.00", line(GENERAL, 2)),
                        reservationCompleted(seat(GENERAL, 2)))
                .when(o -> o.register(register(seat(GENERAL, 1), seat(WORKSHOP, 2)), PUBLISHED, minutesAfterNow(5),
                        NO_NEW_CODE))
                .then(orderUpdated(seat(GENERAL, 1), seat(WORKSHOP, 2)),
                        totals("200.00", line(GENERAL, 1), line(WORKSHOP, 2)))
                .state(o -> {
                    assertThat(o.status()).isEqualTo(OrderStatus.PENDING_RESERVATION);
                    assertThat(o.reservationExpiration()).isEqualTo(HOLD_END);
                    assertThat(o.accessCode()).isEqualTo(ACCESS_CODE);
                });
    }

    @Test
    void an_order_can_be_changed_before_its_first_reservation_answered() {
        order.given(orderPlaced(seat(GENERAL, 2)), totals("200.00", line(GENERAL, 2)))
                .when(o -> o.register(register(seat(GENERAL, 3)), PUBLISHED, minutesAfterNow(1), NO_NEW_CODE))
                .then(orderUpdated(seat(GENERAL, 3)), totals("300.00", line(GENERAL, 3)));
    }

    @Test
    void an_update_follows_the_same_rules_as_a_new_order() {
        var placed = List.of(orderPlaced(seat(GENERAL, 2)), totals("200.00", line(GENERAL, 2)));
        order.given(placed)
                .when(o -> o.register(register(seat(GENERAL, 21)), PUBLISHED, minutesAfterNow(5), NO_NEW_CODE))
                .thenRejectedWith(OrderRejection.TooManySeats.class);
        order.given(placed)
                .when(o -> o.register(register(seat(NOT_SOLD_HERE, 1)), PUBLISHED, minutesAfterNow(5), NO_NEW_CODE))
                .thenRejectedWith(OrderRejection.UnknownSeatType.class);
    }

    @Test
    void lines_whose_sum_overflows_do_not_empty_the_order() {
        // MAX_VALUE + MAX_VALUE + 2 is 0 in int arithmetic: the update used to leave the order without seats.
        order.given(orderPlaced(seat(GENERAL, 2)), totals("200.00", line(GENERAL, 2)),
                        reservationCompleted(seat(GENERAL, 2)))
                .when(o -> o.register(register(seat(GENERAL, Integer.MAX_VALUE), seat(GENERAL, Integer.MAX_VALUE),
                        seat(GENERAL, 2)), PUBLISHED, minutesAfterNow(5), NO_NEW_CODE))
                .thenRejectedWith(OrderRejection.TooManySeats.class);
    }

    @Test
    void once_the_countdown_has_run_out_the_order_cannot_be_changed() {
        order.given(orderPlaced(seat(GENERAL, 2)), totals("200.00", line(GENERAL, 2)),
                        reservationCompleted(seat(GENERAL, 2)))
                .when(o -> o.register(register(seat(GENERAL, 1)), PUBLISHED, minutesAfterNow(15), NO_NEW_CODE))
                .thenRejectedWith(OrderRejection.ReservationHoldOver.class);
    }

    @Test
    void a_confirmed_order_cannot_be_changed() {
        order.given(orderPlaced(seat(GENERAL, 2)), totals("200.00", line(GENERAL, 2)),
                        reservationCompleted(seat(GENERAL, 2)), orderConfirmed(false))
                .when(o -> o.register(register(seat(GENERAL, 1)), PUBLISHED, minutesAfterNow(5), NO_NEW_CODE))
                .thenRejectedWith(OrderRejection.OrderAlreadyConfirmed.class);
    }

    @Test
    void an_expired_order_cannot_be_changed() {
        order.given(orderPlaced(seat(GENERAL, 2)), totals("200.00", line(GENERAL, 2)), orderExpired())
                .when(o -> o.register(register(seat(GENERAL, 1)), PUBLISHED, minutesAfterNow(5), NO_NEW_CODE))
                .thenRejectedWith(OrderRejection.OrderAlreadyExpired.class);
    }

    @Test
    void an_order_id_cannot_be_reused_for_another_conference() {
        var otherConference = new ConferenceSeatTypes(OTHER_CONFERENCE, true, null, null, PUBLISHED.seatTypes());
        order.given(orderPlaced(seat(GENERAL, 2)), totals("200.00", line(GENERAL, 2)))
                .when(o -> o.register(new RegisterToConference(ORDER, OTHER_CONFERENCE, seats(seat(GENERAL, 1))),
                        otherConference, minutesAfterNow(5), NO_NEW_CODE))
                .thenRejectedWith(OrderRejection.OrderOfAnotherConference.class);
    }
}

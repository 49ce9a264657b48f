package dev.seatbooking.registration.order;

import dev.seatbooking.contracts.Money;
import dev.seatbooking.contracts.registration.OrderCommand.ConfirmOrder;
import dev.seatbooking.contracts.registration.OrderEvent;
import dev.seatbooking.eventsourcing.testing.AggregateFixture;
import org.junit.jupiter.api.Test;

import java.util.List;

import static dev.seatbooking.registration.order.OrderTestData.*;
import static org.assertj.core.api.Assertions.assertThat;

class ConfirmingAnOrderTest {

    private final AggregateFixture<Order, OrderEvent> order = AggregateFixture.of(Order::new, ORDER);

    private static final List<OrderEvent> PAID_ORDER_RESERVED = List.of(
            orderPlaced(seat(GENERAL, 2)), totals("200.00", line(GENERAL, 2)), reservationCompleted(seat(GENERAL, 2)));

    private static final List<OrderEvent> FREE_ORDER_RESERVED = List.of(
            orderPlaced(seat(FREE, 2)), freeTotals(line(FREE, 2)), reservationCompleted(seat(FREE, 2)));

    @Test
    void a_reserved_order_is_confirmed_once_paid_naming_the_payment_that_paid_it() {
        order.given(PAID_ORDER_RESERVED)
                .when(o -> o.confirm(confirmOrderPaid("200.00")))
                .then(orderConfirmedPaidBy(PAYMENT))
                .state(o -> assertThat(o.status()).isEqualTo(OrderStatus.CONFIRMED));
    }

    @Test
    void a_partially_reserved_order_is_confirmed_with_what_it_holds() {
        order.given(orderPlaced(seat(GENERAL, 4)), totals("400.00", line(GENERAL, 4)),
                        partiallyReserved(seat(GENERAL, 1)), totals("100.00", line(GENERAL, 1)))
                .when(o -> o.confirm(confirmOrderPaid("100.00")))
                .then(orderConfirmedPaidBy(PAYMENT))
                .state(o -> assertThat(o.seats()).containsExactly(seat(GENERAL, 1)));
    }

    @Test
    void a_payment_of_the_total_before_a_seat_change_does_not_confirm_the_changed_order() {
        order.given(PAID_ORDER_RESERVED.getFirst(), PAID_ORDER_RESERVED.get(1), PAID_ORDER_RESERVED.getLast(),
                        orderUpdated(seat(GENERAL, 3)), totals("300.00", line(GENERAL, 3)),
                        reservationCompleted(seat(GENERAL, 3)))
                .when(o -> o.confirm(confirmOrderPaid("200.00")))
                .thenRejectedWith(OrderRejection.PaymentAmountMismatch.class);
        order.given(PAID_ORDER_RESERVED.getFirst(), PAID_ORDER_RESERVED.get(1), PAID_ORDER_RESERVED.getLast(),
                        orderUpdated(seat(GENERAL, 3)), totals("300.00", line(GENERAL, 3)),
                        reservationCompleted(seat(GENERAL, 3)))
                .when(o -> o.confirm(confirmOrderPaid("300.00")))
                .then(orderConfirmedPaidBy(PAYMENT));
    }

    @Test
    void a_partially_reserved_order_is_confirmed_only_by_a_payment_of_what_it_holds() {
        order.given(orderPlaced(seat(GENERAL, 4)), totals("400.00", line(GENERAL, 4)),
                        partiallyReserved(seat(GENERAL, 1)), totals("100.00", line(GENERAL, 1)))
                .when(o -> o.confirm(confirmOrderPaid("400.00")))
                .thenRejectedWith(OrderRejection.PaymentAmountMismatch.class);
    }

    @Test
    void a_payment_in_another_currency_does_not_confirm_the_order() {
        order.given(PAID_ORDER_RESERVED)
                .when(o -> o.confirm(ConfirmOrder.paidBy(ORDER, PAYMENT, Money.of("200.00", "USD"))))
                .thenRejectedWith(OrderRejection.PaymentAmountMismatch.class);
    }

    @Test
    void confirming_twice_changes_nothing() {
        order.given(PAID_ORDER_RESERVED.getFirst(), PAID_ORDER_RESERVED.get(1), PAID_ORDER_RESERVED.getLast(),
                        orderConfirmed(false))
                .when(o -> o.confirm(confirmOrder()))
                .thenNothing();
    }

    @Test
    void an_order_whose_seats_are_not_reserved_yet_cannot_be_confirmed() {
        order.given(orderPlaced(seat(GENERAL, 2)), totals("200.00", line(GENERAL, 2)))
                .when(o -> o.confirm(confirmOrder()))
                .thenRejectedWith(OrderRejection.OrderNotReserved.class);
    }

    @Test
    void an_order_changed_since_its_reservation_cannot_be_confirmed_before_it_is_reserved_again() {
        order.given(PAID_ORDER_RESERVED.getFirst(), PAID_ORDER_RESERVED.get(1), PAID_ORDER_RESERVED.getLast(),
                        orderUpdated(seat(GENERAL, 3)), totals("300.00", line(GENERAL, 3)))
                .when(o -> o.confirm(confirmOrder()))
                .thenRejectedWith(OrderRejection.OrderNotReserved.class);
    }

    @Test
    void an_order_that_got_no_seat_cannot_be_confirmed() {
        order.given(orderPlaced(seat(GENERAL, 2)), totals("200.00", line(GENERAL, 2)), partiallyReserved(),
                        totals("0.00"))
                .when(o -> o.confirm(confirmOrder()))
                .thenRejectedWith(OrderRejection.NoSeatsReserved.class);
    }

    @Test
    void an_expired_order_cannot_be_confirmed() {
        order.given(PAID_ORDER_RESERVED.getFirst(), PAID_ORDER_RESERVED.get(1), PAID_ORDER_RESERVED.getLast(),
                        orderExpired())
                .when(o -> o.confirm(confirmOrder()))
                .thenRejectedWith(OrderRejection.OrderAlreadyExpired.class);
    }

    @Test
    void an_order_never_placed_cannot_be_confirmed() {
        order.givenNothing()
                .when(o -> o.confirm(confirmOrder()))
                .thenRejectedWith(OrderRejection.UnknownOrder.class);
    }

    @Test
    void a_free_order_is_confirmed_without_payment_while_its_countdown_runs() {
        order.given(FREE_ORDER_RESERVED)
                .when(o -> o.confirmWithoutPayment(confirmOrder(), minutesAfterNow(14)))
                .then(orderConfirmed(true));
    }

    @Test
    void an_order_that_costs_something_cannot_skip_the_payment() {
        order.given(PAID_ORDER_RESERVED)
                .when(o -> o.confirmWithoutPayment(confirmOrder(), minutesAfterNow(5)))
                .thenRejectedWith(OrderRejection.PaymentRequired.class);
    }

    @Test
    void a_free_order_whose_countdown_ran_out_cannot_be_confirmed_without_payment() {
        order.given(FREE_ORDER_RESERVED)
                .when(o -> o.confirmWithoutPayment(confirmOrder(), minutesAfterNow(15)))
                .thenRejectedWith(OrderRejection.ReservationHoldOver.class);
    }

    @Test
    void a_free_order_that_got_cheaper_by_partial_reservation_is_confirmed_as_free() {
        order.given(orderPlaced(seat(GENERAL, 1), seat(FREE, 2)), totals("100.00", line(GENERAL, 1), line(FREE, 2)),
                        partiallyReserved(seat(FREE, 2)), freeTotals(line(FREE, 2)))
                .when(o -> o.confirmWithoutPayment(confirmOrder(), minutesAfterNow(5)))
                .then(orderConfirmed(true));
    }
}

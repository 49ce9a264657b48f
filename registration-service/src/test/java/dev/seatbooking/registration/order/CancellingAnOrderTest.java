package dev.seatbooking.registration.order;

import dev.seatbooking.contracts.registration.OrderCommand.CancelOrder;
import dev.seatbooking.contracts.registration.OrderEvent;
import dev.seatbooking.contracts.registration.OrderEvent.OrderCancelled;
import dev.seatbooking.contracts.registration.OrderEvent.OrderCancelled.CancelledBy;
import dev.seatbooking.eventsourcing.testing.AggregateFixture;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static dev.seatbooking.registration.order.OrderTestData.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Issue 16: a confirmed order is cancelled once, by its owner at any time, by its registrant before the cut-off. */
class CancellingAnOrderTest {

    private static final Instant DEADLINE = NOW.plus(Duration.ofDays(3));

    private final AggregateFixture<Order, OrderEvent> order = AggregateFixture.of(Order::new, ORDER);

    private static OrderEvent[] confirmed() {
        return new OrderEvent[] {orderPlaced(seat(GENERAL, 2)), totals("200.00", line(GENERAL, 2)),
                reservationCompleted(seat(GENERAL, 2)), orderConfirmed(false)};
    }

    private static CancelOrder cancelBy(CancelledBy who) {
        return new CancelOrder(ORDER, CONFERENCE, who);
    }

    @Test
    void the_owner_cancels_a_confirmed_order() {
        order.given(confirmed())
                .when(o -> o.cancel(cancelBy(CancelledBy.OWNER), null, NOW))
                .then(new OrderCancelled(ORDER, CONFERENCE, CancelledBy.OWNER, NOW))
                .state(o -> assertThat(o.status()).isEqualTo(OrderStatus.CANCELLED));
    }

    @Test
    void the_owner_may_cancel_after_the_registrants_deadline() {
        order.given(confirmed())
                .when(o -> o.cancel(cancelBy(CancelledBy.OWNER), DEADLINE, DEADLINE.plusSeconds(1)))
                .then(new OrderCancelled(ORDER, CONFERENCE, CancelledBy.OWNER, DEADLINE.plusSeconds(1)));
    }

    @Test
    void the_registrant_cancels_before_the_deadline() {
        Instant justBefore = DEADLINE.minusMillis(1);
        order.given(confirmed())
                .when(o -> o.cancel(cancelBy(CancelledBy.REGISTRANT), DEADLINE, justBefore))
                .then(new OrderCancelled(ORDER, CONFERENCE, CancelledBy.REGISTRANT, justBefore));
    }

    @Test
    void the_registrant_cannot_cancel_at_or_after_the_deadline_and_is_told_the_deadline() {
        order.given(confirmed())
                .when(o -> o.cancel(cancelBy(CancelledBy.REGISTRANT), DEADLINE, DEADLINE))
                .thenRejectedWith(OrderRejection.CancellationCutoffPassed.class);
        Order confirmed = new Order(ORDER);
        for (OrderEvent e : confirmed()) confirmed.apply(e);
        assertThatThrownBy(() -> confirmed.cancel(cancelBy(CancelledBy.REGISTRANT), DEADLINE, DEADLINE.plusSeconds(1)))
                .isInstanceOfSatisfying(OrderRejection.CancellationCutoffPassed.class,
                        r -> assertThat(r.deadline()).isEqualTo(DEADLINE));
    }

    @Test
    void the_registrant_cannot_cancel_while_the_conferences_start_is_unknown() {
        order.given(confirmed())
                .when(o -> o.cancel(cancelBy(CancelledBy.REGISTRANT), null, NOW))
                .thenRejectedWith(OrderRejection.CancellationCutoffPassed.class);
    }

    @Test
    void an_order_is_cancelled_only_once() {
        order.given(orderPlaced(seat(GENERAL, 2)), totals("200.00", line(GENERAL, 2)),
                        reservationCompleted(seat(GENERAL, 2)), orderConfirmed(false),
                        new OrderCancelled(ORDER, CONFERENCE, CancelledBy.OWNER, NOW))
                .when(o -> o.cancel(cancelBy(CancelledBy.OWNER), null, NOW))
                .thenRejectedWith(OrderRejection.OrderAlreadyCancelled.class);
    }

    @Test
    void an_order_not_confirmed_cannot_be_cancelled() {
        order.given(orderPlaced(seat(GENERAL, 2)), totals("200.00", line(GENERAL, 2)),
                        reservationCompleted(seat(GENERAL, 2)))
                .when(o -> o.cancel(cancelBy(CancelledBy.OWNER), null, NOW))
                .thenRejectedWith(OrderRejection.OrderNotConfirmed.class);
        order.given(orderPlaced(seat(GENERAL, 2)), totals("200.00", line(GENERAL, 2)), orderExpired())
                .when(o -> o.cancel(cancelBy(CancelledBy.OWNER), null, NOW))
                .thenRejectedWith(OrderRejection.OrderNotConfirmed.class);
    }

    @Test
    void a_cancellation_naming_another_conference_finds_no_order() {
        order.given(confirmed())
                .when(o -> o.cancel(new CancelOrder(ORDER, OTHER_CONFERENCE, CancelledBy.OWNER), null, NOW))
                .thenRejectedWith(OrderRejection.UnknownOrder.class);
    }

    @Test
    void a_cancelled_order_takes_no_payment_no_rejection_and_no_change() {
        OrderEvent[] cancelled = {orderPlaced(seat(GENERAL, 2)), totals("200.00", line(GENERAL, 2)),
                reservationCompleted(seat(GENERAL, 2)), orderConfirmed(false),
                new OrderCancelled(ORDER, CONFERENCE, CancelledBy.REGISTRANT, NOW)};
        order.given(cancelled).when(o -> o.confirm(confirmOrder()))
                .thenRejectedWith(OrderRejection.OrderAlreadyCancelled.class);
        order.given(cancelled).when(o -> o.reject(rejectOrder()))
                .thenRejectedWith(OrderRejection.OrderAlreadyCancelled.class);
        order.given(cancelled).when(o -> o.assignRegistrant(assignRegistrant("Ada", "King", "ada@example.org")))
                .thenRejectedWith(OrderRejection.OrderAlreadyCancelled.class);
    }
}

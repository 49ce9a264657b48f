package dev.seatbooking.registration.order;

import dev.seatbooking.contracts.Message;
import dev.seatbooking.contracts.codec.MessageCodec;
import dev.seatbooking.contracts.registration.OrderEvent;
import dev.seatbooking.eventsourcing.testing.AggregateFixture;
import org.junit.jupiter.api.Test;

import static dev.seatbooking.registration.order.OrderTestData.*;
import static org.assertj.core.api.Assertions.assertThat;

/** Streams written by V1 hold OrderPaymentConfirmed; they must still load (the book's migration story). */
class VersionOneOrderStreamTest {

    private final AggregateFixture<Order, OrderEvent> order = AggregateFixture.of(Order::new, ORDER);

    private static OrderEvent storedV1PaymentConfirmation() {
        String storedJson = "{\"orderId\":\"" + ORDER + "\"}";
        Message decoded = MessageCodec.contracts().decode("registration.OrderPaymentConfirmed", 1, storedJson);
        return (OrderEvent) decoded;
    }

    @Test
    void a_v1_payment_confirmation_loads_as_a_paid_confirmation() {
        assertThat(storedV1PaymentConfirmation()).isEqualTo(orderConfirmed(false));
    }

    @Test
    void an_order_confirmed_by_v1_is_confirmed_and_refuses_what_a_confirmed_order_refuses() {
        order.given(orderPlaced(seat(GENERAL, 2)), totals("200.00", line(GENERAL, 2)),
                        reservationCompleted(seat(GENERAL, 2)), storedV1PaymentConfirmation())
                .when(o -> o.reject(rejectOrder()))
                .thenRejectedWith(OrderRejection.OrderAlreadyConfirmed.class);
        order.given(orderPlaced(seat(GENERAL, 2)), totals("200.00", line(GENERAL, 2)),
                        reservationCompleted(seat(GENERAL, 2)), storedV1PaymentConfirmation())
                .when(o -> o.confirm(confirmOrder()))
                .thenNothing()
                .state(o -> assertThat(o.status()).isEqualTo(OrderStatus.CONFIRMED));
    }
}

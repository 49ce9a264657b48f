package dev.seatbooking.registration.flow;

import dev.seatbooking.contracts.Money;
import dev.seatbooking.registration.order.OrderStatus;
import dev.seatbooking.registration.process.Completion;
import dev.seatbooking.registration.support.RegistrantClient;
import dev.seatbooking.registration.support.RegistrantClient.Response;
import dev.seatbooking.registration.support.RegistrationServiceTest;
import dev.seatbooking.registration.support.TestService;
import dev.seatbooking.registration.support.UpstreamServices.PublishedConference;
import dev.seatbooking.registration.support.UpstreamServices.SeatTypeSpec;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Audit finding: a payment of an order's old total that completes once the order holds no seat at all (the registrant
 * changed to a sold-out seat type after starting to pay, or paid before a reservation that got nothing) is refused by
 * the order with {@code no-seats-reserved}, not {@code payment-amount-mismatch}. The process only goes back to waiting
 * for a payment on a mismatch, so it stays in PAYMENT_CONFIRMATION_RECEIVED, and its expiry then ignores it ("the
 * order is being confirmed"): the order never expires and the payment is never refunded (payments waits for
 * OrderExpired or OrderConfirmed).
 */
class PaymentOfAnOrderLeftWithoutSeatsFlowTest extends RegistrationServiceTest {

    private static final Duration HOLD = Duration.ofMinutes(15);
    private static final Duration WAIT = Duration.ofSeconds(60);

    @Test
    void an_order_whose_payment_it_refuses_for_holding_no_seat_still_expires_and_the_payment_is_not_applied() {
        PublishedConference conference = conferenceOnSale(HOLD,
                new SeatTypeSpec("General", 10, Money.of("25.00", "EUR")),
                new SeatTypeSpec("Workshop", 1, Money.of("40.00", "EUR")));
        UUID general = conference.seatTypes().get(0);
        UUID workshop = conference.seatTypes().get(1);

        // Someone else holds the only workshop seat.
        UUID other = UUID.randomUUID();
        assertThat(registrant.placeOrder(conference.id(), other, workshop, 1).status()).isEqualTo(201);
        await().atMost(WAIT).until(() -> probe.status(other) == OrderStatus.RESERVATION_COMPLETED);

        // The registrant's order: 2 general seats, 50.00 EUR, which they start paying.
        UUID orderId = UUID.randomUUID();
        Response placed = registrant.placeOrder(conference.id(), orderId, general, 2);
        assertThat(placed.status()).isEqualTo(201);
        String code = placed.body().path("accessCode").asString();
        await().atMost(WAIT).until(() -> probe.status(orderId) == OrderStatus.RESERVATION_COMPLETED);

        // Then they switch to the (sold-out) workshop: the general seats go back, the order holds none (total 0).
        Response changed = registrant.put("/api/orders/" + orderId + "/seats", RegistrantClient.seats(workshop, 1), code);
        assertThat(changed.status()).as(changed.text()).isEqualTo(202);
        await().atMost(WAIT).until(() -> probe.status(orderId) == OrderStatus.PARTIALLY_RESERVED);
        assertThat(probe.seatsHeld(orderId)).isZero();

        // The payer accepts the payment started for the old total.
        UUID payment = upstream().paymentCompleted(orderId, conference.id(), Money.of("50.00", "EUR"));
        await().atMost(WAIT).until(() -> probe.process(orderId).orElseThrow().state().paymentsToRefund().contains(payment)
                || payment.equals(probe.process(orderId).orElseThrow().state().paymentId()));

        probe.timePasses(HOLD.plus(TestService.EXPIRATION_BUFFER));

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            assertThat(probe.status(orderId)).as("the order, never paid as it is, expires").isEqualTo(OrderStatus.EXPIRED);
            var process = probe.process(orderId).orElseThrow();
            assertThat(process.completed()).isTrue();
            assertThat(process.state().completion()).isEqualTo(Completion.REJECTED);
            assertThat(process.state().paymentsToRefund()).as("the payment is not applied").contains(payment);
        });
    }
}

package dev.seatbooking.registration.flow;

import dev.seatbooking.contracts.Money;
import dev.seatbooking.registration.order.OrderStatus;
import dev.seatbooking.registration.process.Completion;
import dev.seatbooking.registration.seatassignments.SeatAssignments;
import dev.seatbooking.registration.support.RegistrantClient.Response;
import dev.seatbooking.registration.support.RegistrationServiceTest;
import dev.seatbooking.registration.support.TestService;
import dev.seatbooking.registration.support.UpstreamServices.PublishedConference;
import dev.seatbooking.registration.support.UpstreamServices.SeatTypeSpec;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.awaitility.Awaitility.await;

/**
 * The expiry path over real Kafka and PostgreSQL: an order nobody pays is rejected once its hold and the buffer
 * ({@link TestService#EXPIRATION_BUFFER} in tests) are over, and its seats go back on sale; a payment that comes after
 * that is not applied (Payments records that its money must go back). The test lets the hold pass on the service's
 * clock ({@link dev.seatbooking.registration.support.TestClock}) rather than waiting for it.
 */
class ExpiryFlowTest extends RegistrationServiceTest {

    private static final Duration HOLD = Duration.ofMinutes(15);
    private static final Duration WAIT = Duration.ofSeconds(60);

    @Test
    void an_unpaid_order_expires_after_its_hold_and_the_buffer_its_seats_go_back_and_a_late_payment_is_not_applied() {
        PublishedConference conference = conferenceOnSale(HOLD, new SeatTypeSpec("General", 10, Money.of("25.00", "EUR")));
        UUID orderId = UUID.randomUUID();
        Response placed = registrant.placeOrder(conference.id(), orderId, conference.seatType(), 3);
        assertThat(placed.status()).isEqualTo(201);

        await().atMost(WAIT).until(() -> probe.status(orderId) == OrderStatus.RESERVATION_COMPLETED);
        assertThat(probe.remaining(conference.id(), conference.seatType())).isEqualTo(7);
        Instant heldUntil = probe.order(orderId).orElseThrow().reservationExpiration();
        assertThat(probe.expiryDue(orderId)).as("released once the hold and the buffer are over, not before")
                .isCloseTo(heldUntil.plus(TestService.EXPIRATION_BUFFER), within(1, ChronoUnit.MILLIS));

        probe.timePasses(HOLD.plus(TestService.EXPIRATION_BUFFER));

        await().atMost(WAIT).until(() -> probe.status(orderId) == OrderStatus.EXPIRED);
        await().atMost(WAIT).until(() -> probe.remaining(conference.id(), conference.seatType()) == 10);
        assertThat(probe.seatsAvailability(conference.id()).reservation(orderId)).isEmpty();
        assertThat(probe.process(orderId)).hasValueSatisfying(process -> {
            assertThat(process.completed()).isTrue();
            assertThat(process.state().completion()).isEqualTo(Completion.REJECTED);
        });
        assertThat(probe.events(orderId)).extracting(e -> e.event().getClass().getSimpleName())
                .containsExactly("OrderPlaced", "OrderTotalsCalculated", "OrderReservationCompleted", "OrderExpired");

        int version = probe.events(orderId).size();
        UUID latePayment = upstream().paymentCompleted(orderId, conference.id(), Money.of("75.00", "EUR"));

        await().atMost(WAIT).until(() -> probe.process(orderId).orElseThrow().state().paymentsToRefund()
                .contains(latePayment));
        assertThat(probe.status(orderId)).as("the late payment is not applied").isEqualTo(OrderStatus.EXPIRED);
        assertThat(probe.events(orderId)).hasSize(version);
        assertThat(probe.process(orderId).orElseThrow().state().completion()).isEqualTo(Completion.REJECTED);
        assertThat(probe.remaining(conference.id(), conference.seatType())).isEqualTo(10);
        assertThat(probe.events(SeatAssignments.idFor(orderId))).isEmpty();
    }

    @Test
    void an_order_placed_after_the_seats_came_back_gets_them() {
        PublishedConference conference = conferenceOnSale(HOLD, new SeatTypeSpec("General", 2, Money.of("25.00", "EUR")));
        UUID first = UUID.randomUUID();
        registrant.placeOrder(conference.id(), first, conference.seatType(), 2);
        await().atMost(WAIT).until(() -> probe.status(first) == OrderStatus.RESERVATION_COMPLETED);
        UUID second = UUID.randomUUID();
        registrant.placeOrder(conference.id(), second, conference.seatType(), 2);
        await().atMost(WAIT).until(() -> probe.status(second) == OrderStatus.PARTIALLY_RESERVED);
        assertThat(probe.seatsHeld(second)).isZero();

        probe.timePasses(HOLD.plus(TestService.EXPIRATION_BUFFER));

        await().atMost(WAIT).until(() -> probe.status(first) == OrderStatus.EXPIRED
                && probe.status(second) == OrderStatus.EXPIRED);
        await().atMost(WAIT).until(() -> probe.remaining(conference.id(), conference.seatType()) == 2);

        UUID third = UUID.randomUUID();
        registrant.placeOrder(conference.id(), third, conference.seatType(), 2);
        await().atMost(WAIT).until(() -> probe.status(third) == OrderStatus.RESERVATION_COMPLETED);
        assertThat(probe.remaining(conference.id(), conference.seatType())).isZero();
    }
}

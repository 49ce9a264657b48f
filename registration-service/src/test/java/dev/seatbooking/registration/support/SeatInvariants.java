package dev.seatbooking.registration.support;

import dev.seatbooking.contracts.registration.SeatQuantity;
import dev.seatbooking.registration.order.OrderStatus;
import dev.seatbooking.registration.process.Completion;
import dev.seatbooking.registration.seatsavailability.SeatsAvailability;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** What must hold for a conference after a burst of orders: no seat sold twice, none lost, none left held. */
public final class SeatInvariants {

    private SeatInvariants() {
    }

    /**
     * Waits until every order has its reservation answer (all it asked, fewer, or none: partially reserved), then
     * checks that exactly {@code min(capacity, asked)} seats are held, each by one order, and that the seats on sale
     * never went below zero.
     */
    public static void assertEveryOrderReservedWithinCapacity(RegistrationProbe probe, UUID conferenceId, UUID seatType,
                                                              int capacity, OrderBurst.Result burst, Duration within) {
        List<UUID> orders = burst.orderIds();
        await().atMost(within).pollInterval(Duration.ofMillis(500)).until(() ->
                probe.ordersWith(orders, "OrderReservationCompleted", "OrderPartiallyReserved") == orders.size());
        assertThat(probe.ordersWith(orders, "OrderExpired")).as("no order expired before it was reserved").isZero();

        int held = 0;
        SeatsAvailability availability = probe.seatsAvailability(conferenceId);
        for (UUID order : orders) {
            OrderStatus status = probe.status(order);
            assertThat(status).isIn(OrderStatus.RESERVATION_COMPLETED, OrderStatus.PARTIALLY_RESERVED);
            int seats = probe.seatsHeld(order);
            assertThat(seats).isLessThanOrEqualTo(burst.requested().get(order));
            if (status == OrderStatus.RESERVATION_COMPLETED) assertThat(seats).isEqualTo(burst.requested().get(order));
            int reserved = availability.reservation(order).map(s -> s.stream().mapToInt(SeatQuantity::quantity).sum())
                    .orElse(0);
            assertThat(reserved).as("SeatsAvailability and the order agree on order %s", order).isEqualTo(seats);
            held += seats;
        }
        assertThat(held).isEqualTo(Math.min(capacity, burst.seatsRequested()));
        assertThat(availability.remaining(seatType)).isEqualTo(capacity - held);
        assertThat(probe.lowestRemainingEver(conferenceId)).allSatisfy((type, lowest) ->
                assertThat(lowest).as("seats of %s on sale, at their lowest", type).isNotNegative());
    }

    /** Waits until every (unpaid) order has expired and all its seats are back on sale. */
    public static void assertEveryUnpaidSeatReturned(RegistrationProbe probe, UUID conferenceId, UUID seatType,
                                                     int capacity, OrderBurst.Result burst, Duration within) {
        List<UUID> orders = burst.orderIds();
        await().atMost(within).pollInterval(Duration.ofMillis(500)).until(() ->
                probe.ordersWith(orders, "OrderExpired") == orders.size());
        await().atMost(within).pollInterval(Duration.ofMillis(500)).until(() ->
                probe.remaining(conferenceId, seatType) == capacity);
        SeatsAvailability availability = probe.seatsAvailability(conferenceId);
        for (UUID order : orders) {
            assertThat(availability.reservation(order)).as("reservation of %s", order).isEmpty();
            assertThat(probe.process(order)).hasValueSatisfying(p ->
                    assertThat(p.state().completion()).isEqualTo(Completion.REJECTED));
        }
        assertThat(probe.lowestRemainingEver(conferenceId).get(seatType)).isNotNegative();
    }
}

package dev.seatbooking.payments.orders;

import dev.seatbooking.contracts.AccessCodeHash;
import dev.seatbooking.contracts.registration.OrderEvent;
import dev.seatbooking.contracts.registration.OrderEvent.OrderCancelled;
import dev.seatbooking.contracts.registration.OrderEvent.OrderConfirmed;
import dev.seatbooking.contracts.registration.OrderEvent.OrderExpired;
import dev.seatbooking.contracts.registration.OrderEvent.OrderPlaced;
import dev.seatbooking.contracts.registration.OrderEvent.OrderTotalsCalculated;
import dev.seatbooking.payments.domain.OrderStatus;
import org.springframework.stereotype.Component;

/** Keeps {@code order_totals} in step with the order events registration publishes. */
@Component
public class OrderEventsProjection {

    private final KnownOrders orders;

    public OrderEventsProjection(KnownOrders orders) {
        this.orders = orders;
    }

    /** @param version the event's version in its order stream */
    public void apply(OrderEvent event, long version) {
        switch (event) {
            case OrderPlaced e -> orders.placed(e.orderId(), e.conferenceId(), AccessCodeHash.of(e.accessCode()), version);
            case OrderTotalsCalculated e -> orders.totalsCalculated(e.orderId(), e.total(), e.isFreeOfCharge(), version);
            case OrderConfirmed e -> orders.confirmed(e.orderId(), e.paymentId(), version);
            case OrderExpired e -> orders.statusChanged(e.orderId(), OrderStatus.EXPIRED, version);
            case OrderCancelled e -> orders.statusChanged(e.orderId(), OrderStatus.CANCELLED, version);
            default -> {
                // Updates, reservations and registrant details do not matter to payments: a changed order
                // always comes with a new OrderTotalsCalculated.
            }
        }
    }
}

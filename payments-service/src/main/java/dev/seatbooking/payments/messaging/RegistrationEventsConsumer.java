package dev.seatbooking.payments.messaging;

import dev.seatbooking.contracts.Envelope;
import dev.seatbooking.contracts.Message;
import dev.seatbooking.contracts.MessageTypes;
import dev.seatbooking.contracts.registration.OrderEvent;
import dev.seatbooking.contracts.registration.OrderEvent.OrderCancelled;
import dev.seatbooking.contracts.registration.OrderEvent.OrderConfirmed;
import dev.seatbooking.contracts.registration.OrderEvent.OrderExpired;
import dev.seatbooking.contracts.registration.OrderEvent.OrderPlaced;
import dev.seatbooking.contracts.registration.OrderEvent.OrderTotalsCalculated;
import dev.seatbooking.eventsourcing.messaging.IncomingMessage;
import dev.seatbooking.payments.handling.PaymentCommandHandler;
import dev.seatbooking.payments.orders.OrderEventsProjection;
import org.springframework.stereotype.Component;

import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Registration's events as payments needs them: order totals and statuses, and refunds due when an order expires
 * after one of its payments completed, is confirmed with another payment than one that completed, or is cancelled
 * (its payment is refunded). Runs in the inbox transaction, so a redelivered event changes nothing.
 */
@Component
public class RegistrationEventsConsumer {

    /** Inbox name and Kafka consumer group: keep it stable. */
    public static final String CONSUMER = "payments";

    /**
     * The registration events payments acts on; the consumer skips the others (seat availability, seat assignments,
     * reservations, registrants: most of the topic) before decoding them or writing them to the inbox.
     */
    static final Set<String> HANDLED = Stream.<Class<? extends Message>>of(OrderPlaced.class,
                    OrderTotalsCalculated.class, OrderConfirmed.class, OrderExpired.class, OrderCancelled.class)
            .map(MessageTypes.contracts()::nameOf).collect(Collectors.toUnmodifiableSet());

    private final OrderEventsProjection orders;
    private final PaymentCommandHandler payments;

    public RegistrationEventsConsumer(OrderEventsProjection orders, PaymentCommandHandler payments) {
        this.orders = orders;
        this.payments = payments;
    }

    public void handle(IncomingMessage<Envelope> message) {
        Envelope envelope = message.payload();
        if (!(envelope.payload() instanceof OrderEvent event)) return; // seat availability and assignments
        orders.apply(event, envelope.aggregateVersion());
        if (event instanceof OrderExpired expired) payments.orderExpired(expired.orderId());
        if (event instanceof OrderConfirmed confirmed) payments.orderConfirmed(confirmed.orderId());
        if (event instanceof OrderCancelled cancelled) payments.orderCancelled(cancelled.orderId());
    }
}

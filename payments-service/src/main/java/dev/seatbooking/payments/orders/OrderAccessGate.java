package dev.seatbooking.payments.orders;

import dev.seatbooking.payments.PaymentsProperties;
import dev.seatbooking.web.throttle.GuessThrottle;
import dev.seatbooking.web.throttle.TooManyAttempts;
import org.springframework.stereotype.Component;

import java.util.UUID;

/**
 * Checks an order's access code, throttled ({@code seatbooking.payments.access-throttle.*}): every check counts
 * against the order and against the client's address, whether the order is known or not, so that neither the answer
 * nor the throttle tells which order ids exist.
 */
@Component
public class OrderAccessGate {

    private final KnownOrders orders;
    private final GuessThrottle<UUID> throttle;

    public OrderAccessGate(KnownOrders orders, PaymentsProperties properties) {
        this.orders = orders;
        this.throttle = properties.accessThrottle().throttle();
    }

    /**
     * Whether the code opens the order.
     *
     * @throws TooManyAttempts the order or the client is held back for now (whatever the code)
     */
    public boolean opens(UUID orderId, String accessCode, String clientAddress) {
        return throttle.check(orderId, clientAddress, () -> orders.accessGranted(orderId, accessCode));
    }

    /**
     * Whether the code opens a payment of the order. Counted against the payment, as a check of an unknown payment
     * is, not against its order: while the order is held back, a known payment and an unknown one still answer
     * alike, so the throttle does not tell which payments exist or which order one pays.
     *
     * @throws TooManyAttempts the payment or the client is held back for now (whatever the code)
     */
    public boolean opensPayment(UUID paymentId, UUID orderId, String accessCode, String clientAddress) {
        return throttle.check(paymentId, clientAddress, () -> orders.accessGranted(orderId, accessCode));
    }

    /** A check for something that is not there (an unknown payment): counted like a wrong code, never right. */
    public boolean opensNothing(UUID unknown, String clientAddress) {
        return throttle.check(unknown, clientAddress, () -> false);
    }
}

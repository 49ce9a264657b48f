package dev.seatbooking.payments.support;

import dev.seatbooking.contracts.Envelope;
import dev.seatbooking.contracts.Money;
import dev.seatbooking.contracts.registration.DiscountLine;
import dev.seatbooking.contracts.registration.OrderEvent;
import dev.seatbooking.contracts.registration.OrderEvent.OrderCancelled;
import dev.seatbooking.contracts.registration.OrderEvent.OrderConfirmed;
import dev.seatbooking.contracts.registration.OrderEvent.OrderExpired;
import dev.seatbooking.contracts.registration.OrderEvent.OrderPlaced;
import dev.seatbooking.contracts.registration.OrderEvent.OrderTotalsCalculated;
import dev.seatbooking.contracts.registration.OrderLine;
import dev.seatbooking.contracts.registration.SeatQuantity;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

/** An order of registration's, told through its events on {@code registration.events}, one stream version at a time. */
public final class TestOrder {

    private final UUID orderId = UUID.randomUUID();
    private final UUID conferenceId = UUID.randomUUID();
    private final String accessCode = "C" + UUID.randomUUID().toString().substring(0, 7).toUpperCase();
    private long version;

    private TestOrder() {
    }

    static TestOrder place(Money total, boolean freeOfCharge) {
        TestOrder order = new TestOrder();
        UUID seatType = UUID.randomUUID();
        order.publish(new OrderPlaced(order.orderId, order.conferenceId, List.of(new SeatQuantity(seatType, 1)),
                Instant.now().plus(15, ChronoUnit.MINUTES), order.accessCode));
        order.totals(total, freeOfCharge);
        return order;
    }

    public UUID orderId() {
        return orderId;
    }

    public UUID conferenceId() {
        return conferenceId;
    }

    /** The code registration answered the registrant, which OrderPlaced carries. */
    public String accessCode() {
        return accessCode;
    }

    /** The version of the last event published. */
    public long version() {
        return version;
    }

    public Envelope totals(Money total, boolean freeOfCharge) {
        return publish(new OrderTotalsCalculated(orderId, total,
                List.of(new OrderLine(UUID.randomUUID(), "General admission", total, 1, total)), freeOfCharge));
    }

    /** Priced again with a promotional code: one line of {@code linesTotal}, {@code discount} off it. */
    public Envelope discountedTotals(Money linesTotal, Money discount) {
        UUID seatType = UUID.randomUUID();
        Money total = new Money(linesTotal.amount().subtract(discount.amount()), linesTotal.currency());
        return publish(new OrderTotalsCalculated(orderId, total,
                List.of(new OrderLine(seatType, "General admission", linesTotal, 1, linesTotal)), false,
                List.of(new DiscountLine(UUID.randomUUID(), "PARTNER", seatType, discount))));
    }

    public Envelope expire() {
        return publish(new OrderExpired(orderId));
    }

    /** Confirmed as a stored event from before OrderConfirmed named its payment. */
    public Envelope confirm() {
        return publish(new OrderConfirmed(orderId, false));
    }

    /** Registration confirmed the order with {@code paymentId}: the payment it applied. */
    public Envelope confirmWith(UUID paymentId) {
        return publish(new OrderConfirmed(orderId, false, paymentId));
    }

    /** Registration cancelled the confirmed order (its owner or its registrant asked). */
    public Envelope cancel(OrderCancelled.CancelledBy by) {
        return publish(new OrderCancelled(orderId, conferenceId, by, Instant.now()));
    }

    /** The next event of the order's stream. */
    public Envelope publish(OrderEvent event) {
        return RegistrationEvents.send(Envelope.of(event, orderId, ++version));
    }

    /** The very same message again (same message id): a redelivery. */
    public static Envelope resend(Envelope envelope) {
        return RegistrationEvents.send(envelope);
    }

    /** An event at a version of the caller's choosing (a late or repeated one); the order's version stays. */
    public Envelope publishAt(OrderEvent event, long atVersion) {
        return RegistrationEvents.send(Envelope.of(event, orderId, atVersion));
    }
}

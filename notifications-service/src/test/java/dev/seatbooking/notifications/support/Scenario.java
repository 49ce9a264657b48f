package dev.seatbooking.notifications.support;

import dev.seatbooking.contracts.Envelope;
import dev.seatbooking.contracts.Money;
import dev.seatbooking.contracts.Topics;
import dev.seatbooking.contracts.conference.ConferenceEvent.ConferenceCreated;
import dev.seatbooking.contracts.conference.ConferenceEvent.SeatCreated;
import dev.seatbooking.contracts.payments.PaymentEvent.PaymentCompleted;
import dev.seatbooking.contracts.payments.RefundEvent.RefundCompleted;
import dev.seatbooking.contracts.payments.RefundEvent.RefundFailed;
import dev.seatbooking.contracts.payments.RefundEvent.RefundRequested;
import dev.seatbooking.contracts.payments.RefundReason;
import dev.seatbooking.contracts.registration.DiscountLine;
import dev.seatbooking.contracts.registration.OrderEvent.OrderCancelled;
import dev.seatbooking.contracts.registration.OrderEvent.OrderCancelled.CancelledBy;
import dev.seatbooking.contracts.registration.OrderEvent.OrderConfirmed;
import dev.seatbooking.contracts.registration.OrderEvent.OrderExpired;
import dev.seatbooking.contracts.registration.OrderEvent.OrderPlaced;
import dev.seatbooking.contracts.registration.OrderEvent.OrderRegistrantAssigned;
import dev.seatbooking.contracts.registration.OrderEvent.OrderTotalsCalculated;
import dev.seatbooking.contracts.registration.OrderLine;
import dev.seatbooking.contracts.registration.PersonalInfo;
import dev.seatbooking.contracts.registration.SeatAssignmentsEvent.SeatAssigned;
import dev.seatbooking.contracts.registration.SeatAssignmentsEvent.SeatAssignmentUpdated;
import dev.seatbooking.contracts.registration.SeatAssignmentsEvent.SeatUnassigned;
import dev.seatbooking.contracts.registration.SeatQuantity;
import dev.seatbooking.contracts.registration.SeatsAvailabilityEvent.WaitlistOfferLapsed;
import dev.seatbooking.contracts.registration.SeatsAvailabilityEvent.WaitlistOfferMade;
import dev.seatbooking.contracts.registration.WaitlistContactEvent.WaitlistContactGiven;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** One conference with one seat type, and the events of an order or a waitlist entry in it, as the services send them. */
public final class Scenario {

    public static final String CONFERENCE_NAME = "DevCon 2027";
    public static final String SEAT_TYPE_NAME = "Full conference";
    public static final String ACCESS_CODE = "K7Q2-MX9P-4TZB";
    private static final Money REFUND = Money.of("379.80", "EUR");

    public final UUID conferenceId = UUID.randomUUID();
    public final UUID seatTypeId = UUID.randomUUID();
    public final UUID orderId = UUID.randomUUID();
    public final UUID entryId = UUID.randomUUID();
    public final UUID seatAssignmentsId = UUID.randomUUID();
    private final Events events;
    /** When the events sent from now on occurred (null: as they are sent). */
    private Instant occurredAt;

    public Scenario(Events events) {
        this.events = events;
        events.send(Topics.CONFERENCE_EVENTS, conferenceId, new ConferenceCreated(conferenceId, "devcon27",
                CONFERENCE_NAME, "Three days of code", "Lisbon", null, null, LocalDate.parse("2027-05-01"),
                LocalDate.parse("2027-05-03"), "Ada Owner", "owner@example.org", Duration.ofMinutes(15), null, null));
        events.send(Topics.CONFERENCE_EVENTS, conferenceId, new SeatCreated(conferenceId, seatTypeId, SEAT_TYPE_NAME,
                "All three days", 100, Money.of("199.90", "EUR")));
    }

    /** The events sent from now on occurred at {@code instant} (null: as they are sent). */
    public void occurringAt(Instant instant) {
        this.occurredAt = instant;
    }

    /** Placed, priced (2 seats at 199.90 less a 20.00 code: 379.80 EUR) and addressed. */
    public void placedBy(String email) {
        placedAnonymously();
        order(new OrderRegistrantAssigned(orderId, "Ada", "Lovelace", email));
    }

    /** Placed and priced, and nobody's details given (a cart left before the registrant's page). */
    public void placedAnonymously() {
        order(new OrderPlaced(orderId, conferenceId, List.of(new SeatQuantity(seatTypeId, 2)),
                Instant.now().plusSeconds(900), ACCESS_CODE));
        order(new OrderTotalsCalculated(orderId, Money.of("379.80", "EUR"),
                List.of(OrderLine.of(seatTypeId, SEAT_TYPE_NAME, Money.of("199.90", "EUR"), 2)), false,
                List.of(new DiscountLine(UUID.randomUUID(), "EARLYBIRD", seatTypeId, Money.of("20.00", "EUR")))));
    }

    public Envelope confirmed() {
        return order(new OrderConfirmed(orderId, false, UUID.randomUUID()));
    }

    public Envelope expired() {
        return order(new OrderExpired(orderId));
    }

    public Envelope paid() {
        UUID paymentId = UUID.randomUUID();
        return send(Topics.PAYMENTS_EVENTS, paymentId,
                new PaymentCompleted(paymentId, orderId, conferenceId, Money.of("379.80", "EUR")));
    }

    public Envelope cancelled(CancelledBy by) {
        return order(new OrderCancelled(orderId, conferenceId, by, Instant.now()));
    }

    /** The payment's refund requested (naming the order) and completed, as payments publishes them (key: refund id). */
    public Envelope refunded(UUID paymentId, RefundReason reason) {
        return refundCompleted(refundRequested(paymentId, reason), paymentId);
    }

    /** A refund requested before (the same key: after the refund's other events) completed. */
    public Envelope refundCompleted(UUID refundId, UUID paymentId) {
        return send(Topics.PAYMENTS_EVENTS, refundId,
                new RefundCompleted(refundId, paymentId, conferenceId, REFUND));
    }

    /** The payment's refund requested and failed; payments tries again if {@code willRetry}. Returns the refund id. */
    public UUID refundFailed(UUID paymentId, RefundReason reason, boolean willRetry) {
        UUID refundId = refundRequested(paymentId, reason);
        send(Topics.PAYMENTS_EVENTS, refundId, new RefundFailed(refundId, paymentId, conferenceId, REFUND,
                "processor unavailable", 1, willRetry));
        return refundId;
    }

    private UUID refundRequested(UUID paymentId, RefundReason reason) {
        UUID refundId = UUID.randomUUID();
        send(Topics.PAYMENTS_EVENTS, refundId,
                new RefundRequested(refundId, paymentId, orderId, conferenceId, REFUND, reason));
        return refundId;
    }

    /** The seat at {@code position} of the order's seat assignments given to an attendee (key: seat assignments id). */
    public Envelope seatAssigned(int position, PersonalInfo attendee) {
        return seats(new SeatAssigned(seatAssignmentsId, orderId, position, seatTypeId, attendee));
    }

    public Envelope seatUpdated(int position, PersonalInfo attendee) {
        return seats(new SeatAssignmentUpdated(seatAssignmentsId, orderId, position, attendee));
    }

    public Envelope seatUnassigned(int position) {
        return seats(new SeatUnassigned(seatAssignmentsId, orderId, position));
    }

    private Envelope seats(dev.seatbooking.contracts.Message event) {
        return send(Topics.REGISTRATION_EVENTS, seatAssignmentsId, event);
    }

    public Envelope contactGiven(String email) {
        return send(Topics.REGISTRATION_EVENTS, entryId,
                new WaitlistContactGiven(entryId, conferenceId, "Grace Hopper", email));
    }

    public Envelope offered(Instant expiresAt) {
        return send(Topics.REGISTRATION_EVENTS, conferenceId, new WaitlistOfferMade(conferenceId, entryId,
                new SeatQuantity(seatTypeId, 2), List.of(new SeatQuantity(seatTypeId, -2)), expiresAt));
    }

    public Envelope lapsed() {
        return send(Topics.REGISTRATION_EVENTS, conferenceId, new WaitlistOfferLapsed(conferenceId, entryId,
                List.of(new SeatQuantity(seatTypeId, 2)), List.of()));
    }

    private Envelope order(dev.seatbooking.contracts.Message event) {
        return send(Topics.REGISTRATION_EVENTS, orderId, event);
    }

    private Envelope send(String topic, UUID streamId, dev.seatbooking.contracts.Message event) {
        return occurredAt == null ? events.send(topic, streamId, event)
                : events.send(topic, streamId, event, occurredAt);
    }
}

package dev.seatbooking.conference.dashboard;

import dev.seatbooking.contracts.Envelope;
import dev.seatbooking.contracts.Message;
import dev.seatbooking.contracts.Money;
import dev.seatbooking.contracts.payments.PaymentEvent.PaymentCompleted;
import dev.seatbooking.contracts.payments.RefundEvent.RefundCompleted;
import dev.seatbooking.contracts.payments.RefundEvent.RefundFailed;
import dev.seatbooking.contracts.payments.RefundEvent.RefundRequested;
import dev.seatbooking.contracts.payments.RefundReason;
import dev.seatbooking.contracts.registration.DiscountLine;
import dev.seatbooking.contracts.registration.OrderEvent.OrderCancelled;
import dev.seatbooking.contracts.registration.OrderEvent.OrderConfirmed;
import dev.seatbooking.contracts.registration.OrderEvent.OrderExpired;
import dev.seatbooking.contracts.registration.OrderEvent.OrderPlaced;
import dev.seatbooking.contracts.registration.OrderEvent.OrderRegistrantAssigned;
import dev.seatbooking.contracts.registration.OrderEvent.OrderTotalsCalculated;
import dev.seatbooking.contracts.registration.OrderLine;
import dev.seatbooking.contracts.registration.PromotionalCodeUsesEvent.PromotionalCodeUseSpent;
import dev.seatbooking.contracts.registration.SeatQuantity;
import dev.seatbooking.contracts.registration.SeatsAvailabilityEvent.AvailableSeatsChanged;
import dev.seatbooking.contracts.registration.SeatsAvailabilityEvent.SeatsReservationCancelled;
import dev.seatbooking.contracts.registration.SeatsAvailabilityEvent.SeatsReservationCommitted;
import dev.seatbooking.contracts.registration.SeatsAvailabilityEvent.SeatsReserved;
import dev.seatbooking.contracts.registration.SeatsAvailabilityEvent.SoldSeatsReturned;
import dev.seatbooking.contracts.registration.SeatsAvailabilityEvent.WaitlistJoined;
import dev.seatbooking.contracts.registration.SeatsAvailabilityEvent.WaitlistOfferMade;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A few days of a conference's sale as registration tells it, with fixed instants (UTC): the events the dashboard's
 * tests give. General (10 at 100 EUR) and Workshop (5 at 50 EUR); code EARLY takes 20 off order A.
 * <ul>
 * <li>A: 2 General, placed 1 March 09:10, confirmed 09:20 (180 after EARLY)</li>
 * <li>B: 3 General + 1 Workshop, placed 1 March 10:05, still pending (350)</li>
 * <li>C: 1 General, placed 2 March 08:00, expired 08:30 (its seats given back)</li>
 * <li>D: 1 General, placed 2 March 09:00, confirmed 09:10, cancelled 12:00 (100; its seat returned)</li>
 * <li>a waitlist entry wants 2 Workshop seats and is offered 1</li>
 * </ul>
 * So General: sold 2, held 3, available 5; Workshop: held 1, offered 1, available 3.
 * <p>
 * And payments tells ({@link #paymentEvents()}): A paid 180, D paid 100 and was refunded (completed), C paid 100
 * after it expired and its refund failed once (will be retried).
 */
final class Sale {

    final UUID conference;
    final UUID general;
    final UUID workshop;
    final UUID code;
    final UUID a = UUID.randomUUID();
    final UUID b = UUID.randomUUID();
    final UUID c = UUID.randomUUID();
    final UUID d = UUID.randomUUID();
    final UUID entry = UUID.randomUUID();
    final UUID paymentA = UUID.randomUUID();
    final UUID paymentC = UUID.randomUUID();
    final UUID paymentD = UUID.randomUUID();
    final UUID refundC = UUID.randomUUID();
    final UUID refundD = UUID.randomUUID();

    private final List<Envelope> events = new ArrayList<>();
    private final List<Envelope> paymentEvents = new ArrayList<>();
    private final Map<UUID, Long> versions = new HashMap<>();

    Sale(UUID conference, UUID general, UUID workshop, UUID code) {
        this.conference = conference;
        this.general = general;
        this.workshop = workshop;
        this.code = code;
        seats("2026-03-01T08:00:00Z", new AvailableSeatsChanged(conference, List.of(of(general, 10), of(workshop, 5))));

        order(a, "2026-03-01T09:10:00Z", new OrderPlaced(a, conference, List.of(of(general, 2)), at("2026-03-01T09:25:00Z"), "A1"));
        seats("2026-03-01T09:10:00Z", new SeatsReserved(conference, a, List.of(of(general, 2)), List.of(of(general, -2))));
        order(a, "2026-03-01T09:10:01Z", new OrderTotalsCalculated(a, Money.of("180", "EUR"), List.of(generalLine(2)), false,
                List.of(new DiscountLine(code, "EARLY", general, Money.of("20", "EUR")))));
        order(a, "2026-03-01T09:11:00Z", new OrderRegistrantAssigned(a, "Ada", "Lovelace", "ada@example.org"));
        order(a, "2026-03-01T09:20:00Z", new OrderConfirmed(a, false));
        seats("2026-03-01T09:20:01Z", new SeatsReservationCommitted(conference, a));
        // The conference's code-uses stream: another stream under the conference's id (its own versions).
        add(conference, code, "2026-03-01T09:20:01Z", new PromotionalCodeUseSpent(conference, code, a, 0, 1));

        order(b, "2026-03-01T10:05:00Z", new OrderPlaced(b, conference, List.of(of(general, 3), of(workshop, 1)),
                at("2026-03-01T10:20:00Z"), "B1"));
        seats("2026-03-01T10:05:00Z", new SeatsReserved(conference, b, List.of(of(general, 3), of(workshop, 1)),
                List.of(of(general, -3), of(workshop, -1))));
        order(b, "2026-03-01T10:05:01Z", new OrderTotalsCalculated(b, Money.of("350", "EUR"),
                List.of(generalLine(3), OrderLine.of(workshop, "Workshop", Money.of("50", "EUR"), 1)), false));

        order(c, "2026-03-02T08:00:00Z", new OrderPlaced(c, conference, List.of(of(general, 1)), at("2026-03-02T08:15:00Z"), "C1"));
        seats("2026-03-02T08:00:00Z", new SeatsReserved(conference, c, List.of(of(general, 1)), List.of(of(general, -1))));
        order(c, "2026-03-02T08:00:01Z", new OrderTotalsCalculated(c, Money.of("100", "EUR"), List.of(generalLine(1)), false));
        order(c, "2026-03-02T08:30:00Z", new OrderExpired(c));
        seats("2026-03-02T08:30:01Z", new SeatsReservationCancelled(conference, c, List.of(of(general, 1))));

        order(d, "2026-03-02T09:00:00Z", new OrderPlaced(d, conference, List.of(of(general, 1)), at("2026-03-02T09:15:00Z"), "D1"));
        seats("2026-03-02T09:00:00Z", new SeatsReserved(conference, d, List.of(of(general, 1)), List.of(of(general, -1))));
        order(d, "2026-03-02T09:00:01Z", new OrderTotalsCalculated(d, Money.of("100", "EUR"), List.of(generalLine(1)), false));
        order(d, "2026-03-02T09:10:00Z", new OrderConfirmed(d, false));
        seats("2026-03-02T09:10:01Z", new SeatsReservationCommitted(conference, d));
        order(d, "2026-03-02T12:00:00Z", new OrderCancelled(d, conference, OrderCancelled.CancelledBy.OWNER,
                at("2026-03-02T12:00:00Z")));
        seats("2026-03-02T12:00:01Z", new SoldSeatsReturned(conference, d, List.of(of(general, 1)),
                List.of(of(general, 1)), List.of()));

        seats("2026-03-02T13:00:00Z", new WaitlistJoined(conference, entry, workshop, 2));
        seats("2026-03-02T13:00:00Z", new WaitlistOfferMade(conference, entry, of(workshop, 1), List.of(of(workshop, -1)),
                at("2026-03-03T13:00:00Z")));

        Money hundred = Money.of("100", "EUR");
        payment(paymentA, "2026-03-01T09:19:00Z", new PaymentCompleted(paymentA, a, conference, Money.of("180", "EUR")));
        payment(paymentC, "2026-03-02T08:35:00Z", new PaymentCompleted(paymentC, c, conference, hundred));
        payment(refundC, "2026-03-02T08:35:01Z", new RefundRequested(refundC, paymentC, c, conference, hundred,
                RefundReason.ORDER_EXPIRED));
        payment(refundC, "2026-03-02T08:36:00Z", new RefundFailed(refundC, paymentC, conference, hundred,
                "processor down", 1, true));
        payment(paymentD, "2026-03-02T09:09:00Z", new PaymentCompleted(paymentD, d, conference, hundred));
        payment(refundD, "2026-03-02T12:00:02Z", new RefundRequested(refundD, paymentD, d, conference, hundred,
                RefundReason.ORDER_CANCELLED));
        payment(refundD, "2026-03-02T12:01:00Z", new RefundCompleted(refundD, paymentD, conference, hundred));
    }

    /** Every event, in the order registration published them. */
    List<Envelope> events() {
        return List.copyOf(events);
    }

    /** Payments' events (payments and refunds), in the order payments published them. */
    List<Envelope> paymentEvents() {
        return List.copyOf(paymentEvents);
    }

    private OrderLine generalLine(int quantity) {
        return OrderLine.of(general, "General", Money.of("100", "EUR"), quantity);
    }

    private void order(UUID order, String at, Message event) {
        add(order, order, at, event);
    }

    /** An event of the conference's SeatsAvailability stream. */
    private void seats(String at, Message event) {
        add(conference, conference, at, event);
    }

    /** @param counter whose versions the event's comes from (one per stream) */
    private void add(UUID stream, UUID counter, String at, Message event) {
        events.add(next(stream, counter, at, event));
    }

    /** An event of a payment's or a refund's stream (its id). */
    private void payment(UUID stream, String at, Message event) {
        paymentEvents.add(next(stream, stream, at, event));
    }

    private Envelope next(UUID stream, UUID counter, String at, Message event) {
        long version = versions.merge(counter, 1L, Long::sum);
        return Envelope.of(UUID.randomUUID(), event, stream, version, at(at));
    }

    private static SeatQuantity of(UUID seatType, int quantity) {
        return new SeatQuantity(seatType, quantity);
    }

    private static Instant at(String instant) {
        return Instant.parse(instant);
    }
}

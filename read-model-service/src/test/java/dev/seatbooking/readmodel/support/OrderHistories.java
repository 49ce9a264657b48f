package dev.seatbooking.readmodel.support;

import dev.seatbooking.contracts.Envelope;
import dev.seatbooking.contracts.Money;
import dev.seatbooking.contracts.conference.ConferenceEvent.ConferencePublished;
import dev.seatbooking.contracts.payments.PaymentEvent.PaymentCompleted;
import dev.seatbooking.contracts.payments.PaymentEvent.PaymentInitiated;
import dev.seatbooking.contracts.registration.DiscountLine;
import dev.seatbooking.contracts.registration.OrderEvent.OrderConfirmed;
import dev.seatbooking.contracts.registration.OrderEvent.OrderExpired;
import dev.seatbooking.contracts.registration.OrderEvent.OrderPartiallyReserved;
import dev.seatbooking.contracts.registration.OrderEvent.OrderRegistrantAssigned;
import dev.seatbooking.contracts.registration.OrderEvent.OrderReservationCompleted;
import dev.seatbooking.contracts.registration.OrderEvent.OrderTotalsCalculated;
import dev.seatbooking.contracts.registration.OrderEvent.PromotionalCodeRemoved;
import dev.seatbooking.contracts.registration.OrderEvent.PromotionalCodeRemoved.Reason;
import dev.seatbooking.contracts.registration.PersonalInfo;
import dev.seatbooking.contracts.registration.SeatAssignmentsEvent.SeatAssigned;
import dev.seatbooking.contracts.registration.SeatAssignmentsEvent.SeatAssignmentsCreated;
import dev.seatbooking.contracts.registration.SeatPosition;
import dev.seatbooking.contracts.registration.SeatQuantity;
import dev.seatbooking.contracts.registration.SeatsAvailabilityEvent.AvailableSeatsChanged;
import dev.seatbooking.contracts.registration.SeatsAvailabilityEvent.SeatsReservationCancelled;
import dev.seatbooking.contracts.registration.SeatsAvailabilityEvent.SeatsReservationCommitted;
import dev.seatbooking.contracts.registration.SeatsAvailabilityEvent.SeatsReserved;
import dev.seatbooking.contracts.registration.SeatsAvailabilityEvent.WaitlistJoined;
import dev.seatbooking.contracts.registration.SeatsAvailabilityEvent.WaitlistLeft;
import dev.seatbooking.contracts.registration.SeatsAvailabilityEvent.WaitlistOfferAccepted;
import dev.seatbooking.contracts.registration.SeatsAvailabilityEvent.WaitlistOfferLapsed;
import dev.seatbooking.contracts.registration.SeatsAvailabilityEvent.WaitlistOfferMade;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static dev.seatbooking.readmodel.support.Samples.EXPIRES;
import static dev.seatbooking.readmodel.support.Samples.codeApplied;
import static dev.seatbooking.readmodel.support.Samples.discount;
import static dev.seatbooking.readmodel.support.Samples.discountedTotals;
import static dev.seatbooking.readmodel.support.Samples.conferenceCreated;
import static dev.seatbooking.readmodel.support.Samples.orderPlaced;
import static dev.seatbooking.readmodel.support.Samples.seatCreated;
import static dev.seatbooking.readmodel.support.Samples.seats;
import static dev.seatbooking.readmodel.support.Samples.totals;

/**
 * The events a real run of the registration flow publishes, for many orders of one conference: placed, priced,
 * reserved (some partially), registrant, then paid and confirmed with seat assignments, or expired; about one
 * redelivered event per ten orders. {@link #withPromotionalCodes()}: a third of the orders apply a 10 % code when
 * placed, and one in nine removes it again before paying.
 */
public final class OrderHistories {

    private static final String CODE = "REBUILD10";

    private final Stream conference = Stream.random();
    private final Stream availability = Stream.of(conference.id());
    private final UUID general = UUID.randomUUID();
    private final UUID workshop = UUID.randomUUID();
    private final List<UUID> orders = new ArrayList<>();
    private final UUID codeId = UUID.randomUUID();
    private boolean withCodes;

    /** The orders from now on use promotional codes (see the class comment). */
    public OrderHistories withPromotionalCodes() {
        withCodes = true;
        return this;
    }

    public UUID conferenceId() {
        return conference.id();
    }

    public List<UUID> orders() {
        return orders;
    }

    /** The conference, published, with two seat types and plenty of seats. */
    public List<Envelope> conference(String slug) {
        UUID id = conference.id();
        return List.of(conference.next(conferenceCreated(id, slug)),
                conference.next(seatCreated(id, general, "General", 100_000, "250.00")),
                conference.next(seatCreated(id, workshop, "Workshop", 1_000, "80.00")),
                conference.next(new ConferencePublished(id)),
                availability.next(new AvailableSeatsChanged(id, List.of(seats(general, 100_000), seats(workshop, 1_000)))));
    }

    /** The events of {@code count} orders, in an order the services could publish them. */
    public List<Envelope> orders(int count) {
        List<Envelope> events = new ArrayList<>();
        UUID conferenceId = conference.id();
        for (int i = 0; i < count; i++) {
            Stream order = Stream.random();
            UUID id = order.id();
            orders.add(id);
            int wantedGeneral = 1 + i % 3;
            int wantedWorkshop = i % 4 == 0 ? 1 : 0;
            List<SeatQuantity> wanted = wantedWorkshop == 0 ? List.of(seats(general, wantedGeneral))
                    : List.of(seats(general, wantedGeneral), seats(workshop, wantedWorkshop));
            events.add(order.next(orderPlaced(id, conferenceId, wanted.toArray(SeatQuantity[]::new))));
            boolean coded = withCodes && i % 3 == 1;
            if (coded) events.add(order.next(codeApplied(id, codeId, CODE, 10)));
            OrderTotalsCalculated priced = priced(id, coded, wanted);
            events.add(order.next(priced));
            boolean partial = i % 10 == 9;
            List<SeatQuantity> held = partial ? List.of(seats(general, 1)) : wanted;
            Envelope reserved = availability.next(new SeatsReserved(conferenceId, id, held,
                    held.stream().map(s -> seats(s.seatTypeId(), -s.quantity())).toList()));
            events.add(reserved);
            if (i % 10 == 3) events.add(reserved); // redelivered
            if (partial) {
                events.add(order.next(new OrderPartiallyReserved(id, EXPIRES, held)));
                priced = priced(id, coded, held);
                events.add(order.next(priced));
            } else {
                events.add(order.next(new OrderReservationCompleted(id, EXPIRES, held)));
            }
            events.add(order.next(new OrderRegistrantAssigned(id, "First" + i, "Last" + i, "r" + i + "@example.com")));
            if (coded && i % 9 == 4) {
                events.add(order.next(new PromotionalCodeRemoved(id, codeId, CODE, Reason.REMOVED_BY_REGISTRANT)));
                priced = priced(id, false, held);
                events.add(order.next(priced));
            }
            if (i % 7 == 0) {
                events.add(order.next(new OrderExpired(id)));
                events.add(availability.next(new SeatsReservationCancelled(conferenceId, id,
                        held.stream().map(s -> seats(s.seatTypeId(), s.quantity())).toList())));
                continue;
            }
            Stream payment = Stream.random();
            Money amount = priced.total();
            events.add(payment.next(new PaymentInitiated(payment.id(), id, conferenceId, amount)));
            events.add(payment.next(new PaymentCompleted(payment.id(), id, conferenceId, amount)));
            events.add(order.next(new OrderConfirmed(id, false)));
            events.add(availability.next(new SeatsReservationCommitted(conferenceId, id)));
            Stream assignments = Stream.random();
            List<SeatPosition> positions = new ArrayList<>();
            int position = 0;
            for (SeatQuantity seat : held) {
                for (int s = 0; s < seat.quantity(); s++) positions.add(new SeatPosition(position++, seat.seatTypeId()));
            }
            events.add(assignments.next(new SeatAssignmentsCreated(assignments.id(), id, positions)));
            Envelope assigned = assignments.next(new SeatAssigned(assignments.id(), id, 0, positions.getFirst().seatTypeId(),
                    new PersonalInfo("Attendee" + i, "Last" + i, "a" + i + "@example.com")));
            events.add(assigned);
            if (i % 10 == 5) events.add(assigned); // redelivered
        }
        return events;
    }

    /**
     * {@code count} entries joining the Workshop's waitlist (as if it were sold out), each with one of five fates: a
     * partial offer still open, a whole offer accepted, left, an offer lapsed (its seats back on sale), still waiting
     * with nothing offered; one event in ten redelivered. The Workshop stays waitlisted (some entries still wait).
     */
    public List<Envelope> waitlists(int count) {
        List<Envelope> events = new ArrayList<>();
        UUID id = conference.id();
        for (int i = 0; i < count; i++) {
            UUID entry = UUID.randomUUID();
            int wanted = 1 + i % 3;
            Envelope joined = availability.next(new WaitlistJoined(id, entry, workshop, wanted));
            events.add(joined);
            if (i % 10 == 7) events.add(joined); // redelivered
            switch (i % 5) {
                case 0 -> events.add(offer(entry, 1));
                case 1 -> {
                    events.add(offer(entry, wanted));
                    events.add(availability.next(new WaitlistOfferAccepted(id, entry, UUID.randomUUID(),
                            List.of(seats(workshop, wanted)))));
                }
                case 2 -> events.add(availability.next(new WaitlistLeft(id, entry, List.of(), List.of())));
                case 3 -> {
                    events.add(offer(entry, wanted));
                    events.add(availability.next(new WaitlistOfferLapsed(id, entry, List.of(seats(workshop, wanted)),
                            List.of())));
                }
                default -> {
                    // still waiting
                }
            }
        }
        return events;
    }

    private Envelope offer(UUID entry, int seats) {
        return availability.next(new WaitlistOfferMade(conference.id(), entry, seats(workshop, seats), List.of(),
                EXPIRES));
    }

    public UUID workshop() {
        return workshop;
    }

    /** At 250.00 a seat, less 10 % of every line when the order holds the code. */
    private OrderTotalsCalculated priced(UUID orderId, boolean coded, List<SeatQuantity> seats) {
        SeatQuantity[] lines = seats.toArray(SeatQuantity[]::new);
        if (!coded) return totals(orderId, "250.00", lines);
        List<DiscountLine> discounts = seats.stream().map(seat -> discount(codeId, CODE, seat.seatTypeId(),
                Money.of("25.00", "EUR").times(seat.quantity()).amount().toPlainString())).toList();
        return discountedTotals(orderId, "250.00", discounts, lines);
    }
}

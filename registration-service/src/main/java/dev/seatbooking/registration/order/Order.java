package dev.seatbooking.registration.order;

import dev.seatbooking.contracts.Money;
import dev.seatbooking.contracts.registration.OrderCommand.AssignRegistrantDetails;
import dev.seatbooking.contracts.registration.OrderCommand.CancelOrder;
import dev.seatbooking.contracts.registration.OrderCommand.ConfirmOrder;
import dev.seatbooking.contracts.registration.OrderCommand.MarkSeatsAsReserved;
import dev.seatbooking.contracts.registration.OrderCommand.RegisterToConference;
import dev.seatbooking.contracts.registration.OrderCommand.RejectOrder;
import dev.seatbooking.contracts.registration.OrderEvent;
import dev.seatbooking.contracts.registration.OrderEvent.OrderCancelled;
import dev.seatbooking.contracts.registration.OrderEvent.OrderConfirmed;
import dev.seatbooking.contracts.registration.OrderEvent.OrderExpired;
import dev.seatbooking.contracts.registration.OrderEvent.OrderPartiallyReserved;
import dev.seatbooking.contracts.registration.OrderEvent.OrderPlaced;
import dev.seatbooking.contracts.registration.OrderEvent.OrderRegistrantAssigned;
import dev.seatbooking.contracts.registration.OrderEvent.OrderReservationCompleted;
import dev.seatbooking.contracts.registration.OrderEvent.OrderTotalsCalculated;
import dev.seatbooking.contracts.registration.OrderEvent.OrderUpdated;
import dev.seatbooking.contracts.registration.OrderEvent.PromotionalCodeApplied;
import dev.seatbooking.contracts.registration.OrderEvent.PromotionalCodeRemoved;
import dev.seatbooking.contracts.registration.DiscountLine;
import dev.seatbooking.contracts.registration.OrderLine;
import dev.seatbooking.contracts.conference.PromotionalCodeText;
import dev.seatbooking.contracts.registration.PersonalInfo;
import dev.seatbooking.contracts.registration.SeatQuantity;
import dev.seatbooking.eventsourcing.aggregate.Aggregate;
import dev.seatbooking.registration.SeatQuantities;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * A registrant's order of seats for one conference (stream id = order id). Decision methods return the events a
 * command leads to and never change the order; {@link #apply} changes it and never decides. A refused command
 * throws an {@link OrderRejection}.
 */
public final class Order implements Aggregate<OrderEvent> {

    /** The RI's UI offered at most 20 seats of a type; the API enforces the same cap. */
    public static final int MAX_SEATS_PER_SEAT_TYPE = 20;

    private final UUID id;
    private OrderStatus status = OrderStatus.NOT_PLACED;
    private UUID conferenceId;
    private List<SeatQuantity> seats = List.of();
    /** The seats last asked for (placed or updated), whatever was reserved of them. */
    private List<SeatQuantity> requested = List.of();
    private Instant reservationExpiration;
    private String accessCode;
    private Money total;
    private boolean freeOfCharge;
    private List<OrderLine> lines = List.of();
    private List<DiscountLine> discounts = List.of();
    private List<PromotionalCodeApplied> codes = List.of();
    private PersonalInfo registrant;

    public Order(UUID id) {
        this.id = Objects.requireNonNull(id, "id");
    }

    /**
     * Places the order, or, if it exists and its seats are still held, updates its seats. Either way the order is
     * priced anew.
     *
     * @param now         when the command is handled: the hold runs from here
     * @param accessCodes asked for a code only when the order is new
     */
    public List<OrderEvent> register(RegisterToConference command, ConferenceSeatTypes seatTypes, Instant now,
                                     AccessCodeGenerator accessCodes) {
        return register(command, seatTypes, List.of(), PromotionalCode.Lookup.NONE, now, accessCodes);
    }

    /**
     * As {@link #register(RegisterToConference, ConferenceSeatTypes, Instant, AccessCodeGenerator)}, a new order also
     * applying the promotional codes the registrant typed, each as {@link #applyPromotionalCode} would (an update
     * keeps the codes applied, and drops those whose scope no longer touches any line).
     *
     * @param promotionalCodes as typed, for a new order only; the placement is refused if one of them is
     */
    public List<OrderEvent> register(RegisterToConference command, ConferenceSeatTypes seatTypes,
                                     List<String> promotionalCodes, PromotionalCode.Lookup definitions, Instant now,
                                     AccessCodeGenerator accessCodes) {
        requireThisOrder(command.orderId());
        if (!seatTypes.conferenceId().equals(command.conferenceId())) {
            throw new IllegalArgumentException("seat types of conference " + seatTypes.conferenceId()
                    + " given for an order of conference " + command.conferenceId());
        }
        if (isPlaced()) {
            if (!conferenceId.equals(command.conferenceId())) {
                throw new OrderRejection.OrderOfAnotherConference(id, conferenceId, command.conferenceId());
            }
            requireOpen();
            requireHeldAt(now);
        }
        if (!seatTypes.published()) throw new OrderRejection.ConferenceNotPublished(command.conferenceId());
        List<SeatQuantity> wanted = validSeats(command.seats(), seatTypes);
        List<OrderLine> priced = Pricing.lines(wanted, seatTypes);
        if (isPlaced()) {
            if (!promotionalCodes.isEmpty()) throw new IllegalArgumentException("codes are applied one by one");
            return withNewPrices(new OrderUpdated(id, wanted), priced);
        }
        Instant autoExpiration = now.plus(seatTypes.reservationHold());
        var placed = new OrderPlaced(id, command.conferenceId(), wanted, autoExpiration, accessCodes.next());
        // The codes are checked one after the other against the order as placed so far, as if applied right after.
        var draft = new Order(id);
        draft.apply(placed);
        draft.apply(Pricing.totals(id, priced, List.of(), null));
        List<OrderEvent> events = new ArrayList<>(List.of(placed));
        for (String code : promotionalCodes) {
            PromotionalCodeApplied applied = draft.checkedApplication(code, definitions, now);
            draft.apply(applied);
            events.add(applied);
        }
        events.add(Pricing.totals(id, priced, draft.codes, null));
        return List.copyOf(events);
    }

    /**
     * Applies a promotional code while the order is held: the code must exist, be enabled and valid now, not be
     * applied already, combine with the codes applied (an exclusive code with none), and apply to at least one of the
     * order's lines. Whether a use of it is left is the conference's {@code PromotionalCodeUses}' to say.
     */
    public List<OrderEvent> applyPromotionalCode(String typed, PromotionalCode.Lookup definitions, Instant now) {
        requireHeldAndOpen(now);
        PromotionalCodeApplied applied = checkedApplication(typed, definitions, now);
        List<PromotionalCodeApplied> after = new ArrayList<>(codes);
        after.add(applied);
        return List.of(applied, Pricing.totals(id, lines, after, currency()));
    }

    /** Removes an applied code while the order is held (its use is released); a code not applied is refused. */
    public List<OrderEvent> removePromotionalCode(String typed, Instant now) {
        requireHeldAndOpen(now);
        String code = PromotionalCodeText.normalize(typed);
        Optional<PromotionalCodeApplied> applied = codes.stream().filter(c -> c.code().equals(code)).findFirst();
        if (applied.isEmpty()) throw new OrderRejection.PromotionalCodeNotApplied(code);
        List<PromotionalCodeApplied> after = codes.stream().filter(c -> !c.code().equals(code)).toList();
        return List.of(removed(applied.get(), PromotionalCodeRemoved.Reason.REMOVED_BY_REGISTRANT),
                Pricing.totals(id, lines, after, currency()));
    }

    /**
     * Records what SeatsAvailability reserved: all the order asked for, or fewer seats, in which case the order
     * now holds only those and is priced again.
     */
    public List<OrderEvent> markSeatsAsReserved(MarkSeatsAsReserved command, ConferenceSeatTypes seatTypes) {
        requirePlaced(command.orderId());
        requireOpen();
        SeatQuantities reservedSeats = SeatQuantities.of(command.seats());
        List<SeatQuantity> reserved = reservedSeats.asList();
        boolean all = reservedSeats.equals(SeatQuantities.of(seats));
        boolean alreadyMarked = status.isReserved() && all && command.expiration().equals(reservationExpiration);
        if (alreadyMarked) return List.of();
        if (all) return List.of(new OrderReservationCompleted(id, command.expiration(), reserved));
        return withNewPrices(new OrderPartiallyReserved(id, command.expiration(), reserved),
                Pricing.lines(reserved, seatTypes));
    }

    /**
     * The seats changed: the event saying so, the codes whose scope touches none of the new lines dropped (their uses
     * released), and the new totals with the codes that stay.
     */
    private List<OrderEvent> withNewPrices(OrderEvent changed, List<OrderLine> newLines) {
        List<OrderEvent> events = new ArrayList<>(List.of(changed));
        List<PromotionalCodeApplied> kept = new ArrayList<>();
        for (PromotionalCodeApplied code : codes) {
            if (PromotionalCodeRules.touchesALine(code.scope(), newLines)) kept.add(code);
            else events.add(removed(code, PromotionalCodeRemoved.Reason.NO_LINE_IN_SCOPE));
        }
        events.add(Pricing.totals(id, newLines, kept, currency()));
        return List.copyOf(events);
    }

    private PromotionalCodeApplied checkedApplication(String typed, PromotionalCode.Lookup definitions, Instant now) {
        return PromotionalCodeRules.application(id, typed, definitions, now, codes, lines, currency());
    }

    private PromotionalCodeRemoved removed(PromotionalCodeApplied code, PromotionalCodeRemoved.Reason reason) {
        return new PromotionalCodeRemoved(id, code.codeId(), code.code(), reason);
    }


    /**
     * The seats the order asked for and did not get, per seat type in the order the registrant named them: what it may
     * waitlist in one step. Only an order partly reserved is short of seats; an expired or confirmed one is over.
     */
    public List<SeatQuantity> missingSeats() {
        if (!isPlaced()) throw new OrderRejection.UnknownOrder(id);
        requireOpen();
        if (status != OrderStatus.PARTIALLY_RESERVED) throw new OrderRejection.OrderNotShort(id, status);
        return shortfall();
    }

    /**
     * The seats last asked for less those held, per seat type in the order they were named, whatever the order's
     * state: none while the reservation is pending or complete; what a partial reservation left out, also once the
     * order is over (what a repeated waitlisting of them is recognised by).
     */
    public List<SeatQuantity> shortfall() {
        SeatQuantities held = SeatQuantities.of(seats);
        return requested.stream().filter(asked -> asked.quantity() > held.of(asked.seatTypeId()))
                .map(asked -> new SeatQuantity(asked.seatTypeId(), asked.quantity() - held.of(asked.seatTypeId())))
                .toList();
    }

    /**
     * Cancels a confirmed order (issue 16); its seats come back and its payment is refunded by those who react to the
     * event. Only once, and only a confirmed order. The registrant only before the conference's deadline
     * ({@code registrantDeadline}: its start less the owner's cut-off; null if not known, which refuses); the owner
     * at any time.
     */
    public List<OrderEvent> cancel(CancelOrder command, Instant registrantDeadline, Instant now) {
        requirePlaced(command.orderId());
        if (!conferenceId.equals(command.conferenceId())) throw new OrderRejection.UnknownOrder(id);
        if (status == OrderStatus.CANCELLED) throw new OrderRejection.OrderAlreadyCancelled(id);
        if (status != OrderStatus.CONFIRMED) throw new OrderRejection.OrderNotConfirmed(id, status);
        boolean registrant = command.cancelledBy() == OrderCancelled.CancelledBy.REGISTRANT;
        if (registrant && (registrantDeadline == null || !now.isBefore(registrantDeadline))) {
            throw new OrderRejection.CancellationCutoffPassed(id, registrantDeadline);
        }
        return List.of(new OrderCancelled(id, conferenceId, command.cancelledBy(), now));
    }

    /** Expires the order (hold over, or rejected by its process); its seats go back on sale. */
    public List<OrderEvent> reject(RejectOrder command) {
        requirePlaced(command.orderId());
        if (status == OrderStatus.CANCELLED) throw new OrderRejection.OrderAlreadyCancelled(id);
        if (status == OrderStatus.CONFIRMED) throw new OrderRejection.OrderAlreadyConfirmed(id);
        if (status == OrderStatus.EXPIRED) return List.of(); // rejected twice: once is enough
        return List.of(new OrderExpired(id));
    }

    public List<OrderEvent> assignRegistrant(AssignRegistrantDetails command) {
        requirePlaced(command.orderId());
        requireOpen();
        var details = new PersonalInfo(command.firstName(), command.lastName(), command.email());
        if (details.equals(registrant)) return List.of();
        return List.of(new OrderRegistrantAssigned(id, details.firstName(), details.lastName(), details.email()));
    }

    /**
     * Confirms a reserved order, paid or free: what the process sends once the payment is in. A payment confirms
     * the order only if it paid the order's current total (the order is the owner of its total; a payment started
     * before a seat change paid the old one). Confirming again changes nothing.
     */
    public List<OrderEvent> confirm(ConfirmOrder command) {
        requirePlaced(command.orderId());
        if (status == OrderStatus.CANCELLED) throw new OrderRejection.OrderAlreadyCancelled(id);
        if (status == OrderStatus.CONFIRMED) return List.of();
        if (status == OrderStatus.EXPIRED) throw new OrderRejection.OrderAlreadyExpired(id);
        if (!status.isReserved()) throw new OrderRejection.OrderNotReserved(id);
        if (seats.isEmpty()) throw new OrderRejection.NoSeatsReserved(id);
        if (command.paidAmount() != null && !command.paidAmount().equals(total)) {
            throw new OrderRejection.PaymentAmountMismatch(id, command.paymentId(), command.paidAmount(), total);
        }
        return List.of(new OrderConfirmed(id, freeOfCharge, command.paymentId()));
    }

    /**
     * What the registrant's front end sends for a zero-cost order (Journey 6): only a free order may skip the
     * payment, and only while the countdown runs, so the process's expiry (hold + buffer) never races with it.
     */
    public List<OrderEvent> confirmWithoutPayment(ConfirmOrder command, Instant now) {
        List<OrderEvent> confirmed = confirm(command);
        if (confirmed.isEmpty()) return confirmed;
        if (!freeOfCharge) throw new OrderRejection.PaymentRequired(id);
        requireHeldAt(now);
        return confirmed;
    }

    @Override
    public void apply(OrderEvent event) {
        switch (event) {
            case OrderPlaced e -> {
                status = OrderStatus.PENDING_RESERVATION;
                conferenceId = e.conferenceId();
                seats = e.seats();
                requested = e.seats();
                reservationExpiration = e.reservationAutoExpiration();
                accessCode = e.accessCode();
            }
            case OrderUpdated e -> {
                status = OrderStatus.PENDING_RESERVATION;
                seats = e.seats();
                requested = e.seats();
            }
            case OrderTotalsCalculated e -> {
                total = e.total();
                freeOfCharge = e.isFreeOfCharge();
                lines = e.lines();
                discounts = e.discounts();
            }
            case PromotionalCodeApplied e -> {
                List<PromotionalCodeApplied> after = new ArrayList<>(codes);
                after.add(e);
                codes = List.copyOf(after);
            }
            case PromotionalCodeRemoved e ->
                    codes = codes.stream().filter(c -> !c.codeId().equals(e.codeId())).toList();
            case OrderPartiallyReserved e -> {
                status = OrderStatus.PARTIALLY_RESERVED;
                seats = e.seats();
                reservationExpiration = e.reservationExpiration();
            }
            case OrderReservationCompleted e -> {
                status = OrderStatus.RESERVATION_COMPLETED;
                seats = e.seats();
                reservationExpiration = e.reservationExpiration();
            }
            case OrderExpired e -> status = OrderStatus.EXPIRED;
            case OrderRegistrantAssigned e -> registrant = new PersonalInfo(e.firstName(), e.lastName(), e.email());
            case OrderConfirmed e -> status = OrderStatus.CONFIRMED;
            case OrderCancelled e -> status = OrderStatus.CANCELLED;
        }
    }

    public UUID id() {
        return id;
    }

    public boolean isPlaced() {
        return status != OrderStatus.NOT_PLACED;
    }

    public OrderStatus status() {
        return status;
    }

    public UUID conferenceId() {
        return conferenceId;
    }

    /** The seats asked for while the reservation is pending; once reserved, the seats held. */
    public List<SeatQuantity> seats() {
        return seats;
    }

    public Instant reservationExpiration() {
        return reservationExpiration;
    }

    public String accessCode() {
        return accessCode;
    }

    public Optional<Money> total() {
        return Optional.ofNullable(total);
    }

    public boolean isFreeOfCharge() {
        return freeOfCharge;
    }

    /** The codes applied, in the order they were applied. */
    public List<PromotionalCodeApplied> promotionalCodes() {
        return codes;
    }

    /** What the codes take off the lines, as last priced. */
    public List<DiscountLine> discounts() {
        return discounts;
    }

    public Optional<PersonalInfo> registrant() {
        return Optional.ofNullable(registrant);
    }

    private void requireThisOrder(UUID orderId) {
        if (!id.equals(orderId)) throw new IllegalArgumentException("command for order " + orderId + " sent to " + id);
    }

    private void requirePlaced(UUID orderId) {
        requireThisOrder(orderId);
        if (!isPlaced()) throw new OrderRejection.UnknownOrder(id);
    }

    private void requireOpen() {
        if (status == OrderStatus.CANCELLED) throw new OrderRejection.OrderAlreadyCancelled(id);
        if (status == OrderStatus.CONFIRMED) throw new OrderRejection.OrderAlreadyConfirmed(id);
        if (status == OrderStatus.EXPIRED) throw new OrderRejection.OrderAlreadyExpired(id);
    }

    private void requireHeldAndOpen(Instant now) {
        if (!isPlaced()) throw new OrderRejection.UnknownOrder(id);
        requireOpen();
        requireHeldAt(now);
    }

    private void requireHeldAt(Instant now) {
        if (!now.isBefore(reservationExpiration)) throw new OrderRejection.ReservationHoldOver(id, reservationExpiration);
    }

    private String currency() {
        return total == null ? null : total.currency();
    }

    /**
     * Each quantity more than 0 and at most the cap, each seat type one the conference sells; repeats added up. Each
     * line is checked before any is added to another, so the sums stay small: lines of {@code Integer.MAX_VALUE} are
     * refused as too many seats, not added up until {@link SeatQuantities} finds their sum beyond int's range.
     */
    private static List<SeatQuantity> validSeats(List<SeatQuantity> asked, ConferenceSeatTypes seatTypes) {
        if (asked.isEmpty()) throw new OrderRejection.NoSeatsRequested();
        for (SeatQuantity seat : asked) {
            if (seat.quantity() <= 0) throw new OrderRejection.InvalidSeatQuantity(seat.seatTypeId(), seat.quantity());
            if (seat.quantity() > MAX_SEATS_PER_SEAT_TYPE) {
                throw new OrderRejection.TooManySeats(seat.seatTypeId(), seat.quantity(), MAX_SEATS_PER_SEAT_TYPE);
            }
        }
        List<SeatQuantity> seats = SeatQuantities.of(asked).asList();
        for (SeatQuantity seat : seats) {
            if (seat.quantity() > MAX_SEATS_PER_SEAT_TYPE) {
                throw new OrderRejection.TooManySeats(seat.seatTypeId(), seat.quantity(), MAX_SEATS_PER_SEAT_TYPE);
            }
            if (seatTypes.find(seat.seatTypeId()).isEmpty()) {
                throw new OrderRejection.UnknownSeatType(seatTypes.conferenceId(), seat.seatTypeId());
            }
        }
        return seats;
    }
}

package dev.seatbooking.registration.order;

import dev.seatbooking.contracts.Money;
import dev.seatbooking.contracts.registration.OrderCommand.AssignRegistrantDetails;
import dev.seatbooking.contracts.registration.OrderCommand.ConfirmOrder;
import dev.seatbooking.contracts.registration.OrderCommand.MarkSeatsAsReserved;
import dev.seatbooking.contracts.registration.OrderCommand.RegisterToConference;
import dev.seatbooking.contracts.registration.OrderCommand.RejectOrder;
import dev.seatbooking.contracts.registration.OrderEvent;
import dev.seatbooking.contracts.registration.OrderEvent.OrderConfirmed;
import dev.seatbooking.contracts.registration.OrderEvent.OrderExpired;
import dev.seatbooking.contracts.registration.OrderEvent.OrderPartiallyReserved;
import dev.seatbooking.contracts.registration.OrderEvent.OrderPlaced;
import dev.seatbooking.contracts.registration.OrderEvent.OrderRegistrantAssigned;
import dev.seatbooking.contracts.registration.OrderEvent.OrderReservationCompleted;
import dev.seatbooking.contracts.registration.OrderEvent.OrderTotalsCalculated;
import dev.seatbooking.contracts.registration.OrderEvent.OrderUpdated;
import dev.seatbooking.contracts.registration.PersonalInfo;
import dev.seatbooking.contracts.registration.SeatQuantity;
import dev.seatbooking.eventsourcing.aggregate.Aggregate;
import dev.seatbooking.registration.SeatQuantities;

import java.time.Instant;
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
    private Instant reservationExpiration;
    private String accessCode;
    private Money total;
    private boolean freeOfCharge;
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
        OrderTotalsCalculated totals = Pricing.totals(id, wanted, seatTypes, currency());
        if (isPlaced()) return List.of(new OrderUpdated(id, wanted), totals);
        Instant autoExpiration = now.plus(seatTypes.reservationHold());
        return List.of(new OrderPlaced(id, command.conferenceId(), wanted, autoExpiration, accessCodes.next()), totals);
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
        return List.of(new OrderPartiallyReserved(id, command.expiration(), reserved),
                Pricing.totals(id, reserved, seatTypes, currency()));
    }

    /** Expires the order (hold over, or rejected by its process); its seats go back on sale. */
    public List<OrderEvent> reject(RejectOrder command) {
        requirePlaced(command.orderId());
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
                reservationExpiration = e.reservationAutoExpiration();
                accessCode = e.accessCode();
            }
            case OrderUpdated e -> {
                status = OrderStatus.PENDING_RESERVATION;
                seats = e.seats();
            }
            case OrderTotalsCalculated e -> {
                total = e.total();
                freeOfCharge = e.isFreeOfCharge();
            }
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
        if (status == OrderStatus.CONFIRMED) throw new OrderRejection.OrderAlreadyConfirmed(id);
        if (status == OrderStatus.EXPIRED) throw new OrderRejection.OrderAlreadyExpired(id);
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

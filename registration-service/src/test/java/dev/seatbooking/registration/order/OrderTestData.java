package dev.seatbooking.registration.order;

import dev.seatbooking.contracts.Money;
import dev.seatbooking.contracts.registration.OrderCommand.AssignRegistrantDetails;
import dev.seatbooking.contracts.registration.OrderCommand.ConfirmOrder;
import dev.seatbooking.contracts.registration.OrderCommand.MarkSeatsAsReserved;
import dev.seatbooking.contracts.registration.OrderCommand.RegisterToConference;
import dev.seatbooking.contracts.registration.OrderCommand.RejectOrder;
import dev.seatbooking.contracts.registration.OrderEvent.OrderConfirmed;
import dev.seatbooking.contracts.registration.OrderEvent.OrderExpired;
import dev.seatbooking.contracts.registration.OrderEvent.OrderPartiallyReserved;
import dev.seatbooking.contracts.registration.OrderEvent.OrderPlaced;
import dev.seatbooking.contracts.registration.OrderEvent.OrderRegistrantAssigned;
import dev.seatbooking.contracts.registration.OrderEvent.OrderReservationCompleted;
import dev.seatbooking.contracts.registration.OrderEvent.OrderTotalsCalculated;
import dev.seatbooking.contracts.registration.OrderEvent.OrderUpdated;
import dev.seatbooking.contracts.registration.OrderLine;
import dev.seatbooking.contracts.registration.SeatQuantity;
import dev.seatbooking.registration.order.ConferenceSeatTypes.SeatType;

import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

/** Orders of one conference selling GENERAL at 100 EUR, WORKSHOP at 50 EUR and a FREE community seat. */
final class OrderTestData {

    static final UUID ORDER = UUID.fromString("00000000-0000-0000-0000-00000000000a");
    static final UUID CONFERENCE = UUID.fromString("00000000-0000-0000-0000-0000000000c1");
    static final UUID OTHER_CONFERENCE = UUID.fromString("00000000-0000-0000-0000-0000000000c2");
    static final UUID GENERAL = UUID.fromString("00000000-0000-0000-0000-000000000001");
    static final UUID WORKSHOP = UUID.fromString("00000000-0000-0000-0000-000000000002");
    static final UUID FREE = UUID.fromString("00000000-0000-0000-0000-000000000003");
    static final UUID NOT_SOLD_HERE = UUID.fromString("00000000-0000-0000-0000-000000000099");

    static final Instant NOW = Instant.parse("2025-05-01T09:00:00Z");
    static final Instant HOLD_END = NOW.plus(Duration.ofMinutes(15));
    static final String ACCESS_CODE = "K7PQ2MXW9R";

    static final ConferenceSeatTypes PUBLISHED = new ConferenceSeatTypes(CONFERENCE, true, null, null, List.of(
            new SeatType(GENERAL, "General admission", eur("100.00")),
            new SeatType(WORKSHOP, "Workshop", eur("50.00")),
            new SeatType(FREE, "Community", eur("0.00"))));

    static final AccessCodeGenerator THE_ACCESS_CODE = () -> ACCESS_CODE;

    private OrderTestData() {
    }

    static Money eur(String amount) {
        return Money.of(amount, "EUR");
    }

    static Instant minutesAfterNow(int minutes) {
        return NOW.plus(Duration.ofMinutes(minutes));
    }

    static SeatQuantity seat(UUID seatType, int quantity) {
        return new SeatQuantity(seatType, quantity);
    }

    static List<SeatQuantity> seats(SeatQuantity... seats) {
        return Arrays.asList(seats);
    }

    // Commands

    static RegisterToConference register(SeatQuantity... seats) {
        return new RegisterToConference(ORDER, CONFERENCE, seats(seats));
    }

    static MarkSeatsAsReserved markReserved(SeatQuantity... seats) {
        return new MarkSeatsAsReserved(ORDER, seats(seats), HOLD_END);
    }

    static RejectOrder rejectOrder() {
        return new RejectOrder(ORDER);
    }

    static AssignRegistrantDetails assignRegistrant(String firstName, String lastName, String email) {
        return new AssignRegistrantDetails(ORDER, firstName, lastName, email);
    }

    static ConfirmOrder confirmOrder() {
        return new ConfirmOrder(ORDER);
    }

    static final UUID PAYMENT = UUID.fromString("00000000-0000-0000-0000-0000000000f1");

    /** The process's ConfirmOrder once {@link #PAYMENT} of {@code amount} EUR completed. */
    static ConfirmOrder confirmOrderPaid(String amount) {
        return ConfirmOrder.paidBy(ORDER, PAYMENT, eur(amount));
    }

    // Events

    static OrderPlaced orderPlaced(SeatQuantity... seats) {
        return new OrderPlaced(ORDER, CONFERENCE, seats(seats), HOLD_END, ACCESS_CODE);
    }

    static OrderUpdated orderUpdated(SeatQuantity... seats) {
        return new OrderUpdated(ORDER, seats(seats));
    }

    static OrderTotalsCalculated totals(String total, OrderLine... lines) {
        return new OrderTotalsCalculated(ORDER, eur(total), Arrays.asList(lines), false);
    }

    static OrderTotalsCalculated freeTotals(OrderLine... lines) {
        return new OrderTotalsCalculated(ORDER, eur("0.00"), Arrays.asList(lines), true);
    }

    /** A line priced from {@link #PUBLISHED}. */
    static OrderLine line(UUID seatType, int quantity) {
        SeatType priced = PUBLISHED.find(seatType).orElseThrow();
        return OrderLine.of(seatType, priced.name(), priced.price(), quantity);
    }

    static OrderReservationCompleted reservationCompleted(SeatQuantity... seats) {
        return new OrderReservationCompleted(ORDER, HOLD_END, seats(seats));
    }

    static OrderPartiallyReserved partiallyReserved(SeatQuantity... seats) {
        return new OrderPartiallyReserved(ORDER, HOLD_END, seats(seats));
    }

    static OrderExpired orderExpired() {
        return new OrderExpired(ORDER);
    }

    static OrderRegistrantAssigned registrantAssigned(String firstName, String lastName, String email) {
        return new OrderRegistrantAssigned(ORDER, firstName, lastName, email);
    }

    /** Confirmed by the process with {@link #PAYMENT}. */
    static OrderConfirmed orderConfirmedPaidBy(UUID payment) {
        return new OrderConfirmed(ORDER, false, payment);
    }

    static OrderConfirmed orderConfirmed(boolean freeOfCharge) {
        return new OrderConfirmed(ORDER, freeOfCharge);
    }
}

package dev.seatbooking.registration.order;

import dev.seatbooking.contracts.conference.CodeScope;
import dev.seatbooking.contracts.conference.Discount;
import dev.seatbooking.contracts.registration.OrderEvent;
import dev.seatbooking.contracts.registration.OrderEvent.PromotionalCodeRemoved.Reason;
import dev.seatbooking.eventsourcing.testing.AggregateFixture;
import org.junit.jupiter.api.Test;

import java.util.List;

import static dev.seatbooking.registration.order.OrderTestData.*;
import static dev.seatbooking.registration.order.PromotionalCodeTestData.*;
import static org.assertj.core.api.Assertions.assertThat;

/** A registrant's promotional codes on an order: every rule, given/when/then. */
class PromotionalCodesOnAnOrderTest {

    private final AggregateFixture<Order, OrderEvent> order = AggregateFixture.of(Order::new, ORDER);

    private static final PromotionalCode.Lookup ALL = defined(TEN_OFF, WORKSHOP20, THIRTY_EUR, SPEAKER);

    /** 2 general (200) + 1 workshop (50), reserved. */
    private static final List<OrderEvent> RESERVED = List.of(orderPlaced(seat(GENERAL, 2), seat(WORKSHOP, 1)),
            totals("250.00", line(GENERAL, 2), line(WORKSHOP, 1)), reservationCompleted(seat(GENERAL, 2), seat(WORKSHOP, 1)));
    private static final List<dev.seatbooking.contracts.registration.OrderLine> LINES =
            List.of(line(GENERAL, 2), line(WORKSHOP, 1));

    private static List<OrderEvent> reservedWith(OrderEvent... more) {
        var events = new java.util.ArrayList<>(RESERVED);
        events.addAll(List.of(more));
        return events;
    }

    @Test
    void a_code_applied_while_the_order_is_held_discounts_it() {
        order.given(RESERVED)
                .when(o -> o.applyPromotionalCode("ten-off", ALL, minutesAfterNow(5)))
                .then(applied(TEN_OFF), discounted("225.00", LINES, discount(TEN_OFF, GENERAL, "20.00"),
                        discount(TEN_OFF, WORKSHOP, "5.00")))
                .state(o -> {
                    assertThat(o.total()).contains(eur("225.00"));
                    assertThat(o.promotionalCodes()).containsExactly(applied(TEN_OFF));
                    assertThat(o.status()).isEqualTo(OrderStatus.RESERVATION_COMPLETED);
                });
    }

    @Test
    void codes_can_be_applied_with_the_placement() {
        order.givenNothing()
                .when(o -> o.register(register(seat(GENERAL, 2), seat(WORKSHOP, 1)), PUBLISHED,
                        List.of("workshop20", "THIRTY"), ALL, NOW, THE_ACCESS_CODE))
                .then(orderPlaced(seat(GENERAL, 2), seat(WORKSHOP, 1)), applied(WORKSHOP20), applied(THIRTY_EUR),
                        discounted("210.00", LINES, discount(WORKSHOP20, WORKSHOP, "10.00"),
                                discount(THIRTY_EUR, GENERAL, "30.00")));
    }

    @Test
    void a_placement_with_a_code_it_refuses_is_refused_as_a_whole() {
        order.givenNothing()
                .when(o -> o.register(register(seat(GENERAL, 2)), PUBLISHED, List.of("NOPE"), ALL, NOW, THE_ACCESS_CODE))
                .thenRejectedWith(OrderRejection.UnknownPromotionalCode.class);
        order.givenNothing()
                .when(o -> o.register(register(seat(GENERAL, 2)), PUBLISHED, List.of("SPEAKER", "TEN-OFF"), ALL, NOW,
                        THE_ACCESS_CODE))
                .thenRejectedWith(OrderRejection.PromotionalCodeConflict.class);
    }

    @Test
    void an_unknown_code_is_refused() {
        var refusal = order.given(RESERVED)
                .when(o -> o.applyPromotionalCode("NO-SUCH", ALL, minutesAfterNow(5)))
                .thenRejectedWith(OrderRejection.UnknownPromotionalCode.class);
        assertThat(refusal).hasMessageContaining("NO-SUCH");
    }

    @Test
    void a_disabled_code_is_refused() {
        order.given(RESERVED)
                .when(o -> o.applyPromotionalCode("TEN-OFF", defined(disabled(TEN_OFF)), minutesAfterNow(5)))
                .thenRejectedWith(OrderRejection.PromotionalCodeDisabled.class);
    }

    @Test
    void a_code_is_usable_only_inside_its_validity_window() {
        var window = defined(validBetween(TEN_OFF, minutesAfterNow(10), minutesAfterNow(12)));
        order.given(RESERVED)
                .when(o -> o.applyPromotionalCode("TEN-OFF", window, minutesAfterNow(9)))
                .thenRejectedWith(OrderRejection.PromotionalCodeNotYetValid.class);
        order.given(RESERVED)
                .when(o -> o.applyPromotionalCode("TEN-OFF", window, minutesAfterNow(12)))
                .thenRejectedWith(OrderRejection.PromotionalCodeExpired.class);
        order.given(RESERVED)
                .when(o -> o.applyPromotionalCode("TEN-OFF", window, minutesAfterNow(10)))
                .then(applied(TEN_OFF), discounted("225.00", LINES, discount(TEN_OFF, GENERAL, "20.00"),
                        discount(TEN_OFF, WORKSHOP, "5.00")));
    }

    @Test
    void an_exclusive_code_combines_with_no_other() {
        order.given(reservedWith(applied(TEN_OFF)))
                .when(o -> o.applyPromotionalCode("SPEAKER", ALL, minutesAfterNow(5)))
                .thenRejectedWith(OrderRejection.PromotionalCodeConflict.class);
        var refusal = order.given(reservedWith(applied(SPEAKER)))
                .when(o -> o.applyPromotionalCode("TEN-OFF", ALL, minutesAfterNow(5)))
                .thenRejectedWith(OrderRejection.PromotionalCodeConflict.class);
        assertThat(refusal).hasMessageContaining("SPEAKER").hasMessageContaining("TEN-OFF");
    }

    @Test
    void combinable_codes_combine() {
        order.given(reservedWith(applied(TEN_OFF)))
                .when(o -> o.applyPromotionalCode("THIRTY", ALL, minutesAfterNow(5)))
                .then(applied(THIRTY_EUR), discounted("195.00", LINES, discount(TEN_OFF, GENERAL, "20.00"),
                        discount(TEN_OFF, WORKSHOP, "5.00"), discount(THIRTY_EUR, GENERAL, "30.00")));
    }

    @Test
    void a_code_whose_scope_touches_no_line_is_refused() {
        order.given(orderPlaced(seat(GENERAL, 2)), totals("200.00", line(GENERAL, 2)))
                .when(o -> o.applyPromotionalCode("WORKSHOP20", ALL, minutesAfterNow(5)))
                .thenRejectedWith(OrderRejection.PromotionalCodeOutOfScope.class);
    }

    @Test
    void a_code_cannot_be_applied_twice() {
        order.given(reservedWith(applied(TEN_OFF)))
                .when(o -> o.applyPromotionalCode("Ten-Off", ALL, minutesAfterNow(5)))
                .thenRejectedWith(OrderRejection.PromotionalCodeAlreadyApplied.class);
    }

    @Test
    void a_fixed_amount_in_another_currency_is_refused() {
        var dollars = code("DOLLARS", Discount.fixedAmount(dev.seatbooking.contracts.Money.of("5", "USD")),
                CodeScope.ALL_SEAT_TYPES, false);
        order.given(RESERVED)
                .when(o -> o.applyPromotionalCode("DOLLARS", defined(dollars), minutesAfterNow(5)))
                .thenRejectedWith(OrderRejection.PromotionalCodeCurrencyMismatch.class);
    }

    @Test
    void no_code_is_applied_to_an_order_that_is_not_held() {
        order.given(reservedWith(orderConfirmed(false)))
                .when(o -> o.applyPromotionalCode("TEN-OFF", ALL, minutesAfterNow(5)))
                .thenRejectedWith(OrderRejection.OrderAlreadyConfirmed.class);
        order.given(reservedWith(orderExpired()))
                .when(o -> o.applyPromotionalCode("TEN-OFF", ALL, minutesAfterNow(5)))
                .thenRejectedWith(OrderRejection.OrderAlreadyExpired.class);
        order.given(RESERVED)
                .when(o -> o.applyPromotionalCode("TEN-OFF", ALL, minutesAfterNow(15)))
                .thenRejectedWith(OrderRejection.ReservationHoldOver.class);
    }

    @Test
    void a_code_removed_by_the_registrant_prices_the_order_without_it() {
        order.given(reservedWith(applied(TEN_OFF), discounted("225.00", LINES, discount(TEN_OFF, GENERAL, "20.00"),
                        discount(TEN_OFF, WORKSHOP, "5.00"))))
                .when(o -> o.removePromotionalCode("ten-off", minutesAfterNow(5)))
                .then(removed(TEN_OFF, Reason.REMOVED_BY_REGISTRANT), discounted("250.00", LINES))
                .state(o -> assertThat(o.promotionalCodes()).isEmpty());
    }

    @Test
    void a_code_not_applied_cannot_be_removed() {
        order.given(RESERVED)
                .when(o -> o.removePromotionalCode("TEN-OFF", minutesAfterNow(5)))
                .thenRejectedWith(OrderRejection.PromotionalCodeNotApplied.class);
        order.given(reservedWith(applied(TEN_OFF)))
                .when(o -> o.removePromotionalCode("TEN-OFF", minutesAfterNow(15)))
                .thenRejectedWith(OrderRejection.ReservationHoldOver.class);
    }

    @Test
    void a_seat_change_prices_again_with_the_codes_and_drops_those_left_without_a_line() {
        order.given(reservedWith(applied(WORKSHOP20), applied(TEN_OFF)))
                .when(o -> o.register(register(seat(GENERAL, 1)), PUBLISHED, minutesAfterNow(5), THE_ACCESS_CODE))
                .then(orderUpdated(seat(GENERAL, 1)), removed(WORKSHOP20, Reason.NO_LINE_IN_SCOPE),
                        discounted("90.00", List.of(line(GENERAL, 1)), discount(TEN_OFF, GENERAL, "10.00")))
                .state(o -> assertThat(o.promotionalCodes()).containsExactly(applied(TEN_OFF)));
    }

    @Test
    void a_partial_reservation_prices_the_seats_held_with_the_codes() {
        order.given(orderPlaced(seat(GENERAL, 2), seat(WORKSHOP, 1)), applied(WORKSHOP20),
                        totals("240.00", line(GENERAL, 2), line(WORKSHOP, 1)))
                .when(o -> o.markSeatsAsReserved(markReserved(seat(GENERAL, 2)), PUBLISHED))
                .then(partiallyReserved(seat(GENERAL, 2)), removed(WORKSHOP20, Reason.NO_LINE_IN_SCOPE),
                        discounted("200.00", List.of(line(GENERAL, 2))));
    }

    @Test
    void a_hundred_percent_code_makes_the_order_free_and_it_is_confirmed_without_payment() {
        order.given(orderPlaced(seat(GENERAL, 1)), totals("100.00", line(GENERAL, 1)),
                        reservationCompleted(seat(GENERAL, 1)), applied(SPEAKER),
                        discounted("0.00", List.of(line(GENERAL, 1)), discount(SPEAKER, GENERAL, "100.00")))
                .when(o -> o.confirmWithoutPayment(confirmOrder(), minutesAfterNow(5)))
                .then(orderConfirmed(true));
    }

    @Test
    void a_payment_of_the_total_before_a_code_was_applied_does_not_confirm_the_order() {
        order.given(reservedWith(applied(TEN_OFF), discounted("225.00", LINES, discount(TEN_OFF, GENERAL, "20.00"),
                        discount(TEN_OFF, WORKSHOP, "5.00"))))
                .when(o -> o.confirm(confirmOrderPaid("250.00")))
                .thenRejectedWith(OrderRejection.PaymentAmountMismatch.class);
    }
}

package dev.seatbooking.registration.order;

import dev.seatbooking.contracts.Money;
import dev.seatbooking.contracts.conference.CodeScope;
import dev.seatbooking.contracts.conference.Discount;
import dev.seatbooking.contracts.registration.OrderEvent.OrderTotalsCalculated;
import dev.seatbooking.contracts.registration.OrderLine;
import org.junit.jupiter.api.Test;

import java.util.List;

import static dev.seatbooking.registration.order.OrderTestData.*;
import static dev.seatbooking.registration.order.PromotionalCodeTestData.*;
import static org.assertj.core.api.Assertions.assertThat;

/** Pricing with discounts: rounding, never below zero, scopes, combinations. */
class DiscountsTest {

    private static OrderLine eurLine(String unitPrice, int quantity) {
        return OrderLine.of(GENERAL, "General admission", eur(unitPrice), quantity);
    }

    private static OrderTotalsCalculated priced(List<OrderLine> lines, PromotionalCode... codes) {
        return Pricing.totals(ORDER, lines, java.util.Arrays.stream(codes).map(PromotionalCodeTestData::applied).toList(),
                "EUR");
    }

    @Test
    void a_percentage_is_rounded_half_up_to_the_cent_in_the_registrants_favour() {
        // 15 % of 0.10 is 0.015: the half cent goes to the registrant
        var fifteen = code("FIFTEEN", Discount.percentage(15), CodeScope.ALL_SEAT_TYPES, false);
        assertThat(priced(List.of(eurLine("0.10", 1)), fifteen).discounts())
                .containsExactly(discount(fifteen, GENERAL, "0.02"));
        // 33 % of 10.01 is 3.3033
        var third = code("THIRD", Discount.percentage(33), CodeScope.ALL_SEAT_TYPES, false);
        assertThat(priced(List.of(eurLine("10.01", 1)), third).total()).isEqualTo(eur("6.71"));
    }

    @Test
    void a_percentage_of_a_currency_without_cents_is_rounded_to_whole_units() {
        var line = OrderLine.of(GENERAL, "General admission", Money.of("105", "JPY"), 1);
        var ten = code("JPY10", Discount.percentage(10), CodeScope.ALL_SEAT_TYPES, false);
        assertThat(Pricing.totals(ORDER, List.of(line), List.of(applied(ten)), "JPY").total())
                .isEqualTo(Money.of("94", "JPY")); // 10.5 off rounds to 11
    }

    @Test
    void a_percentage_takes_only_from_the_lines_in_its_scope() {
        var totals = priced(List.of(line(GENERAL, 2), line(WORKSHOP, 2)), WORKSHOP20);
        assertThat(totals.discounts()).containsExactly(discount(WORKSHOP20, WORKSHOP, "20.00"));
        assertThat(totals.total()).isEqualTo(eur("280.00"));
    }

    @Test
    void a_fixed_amount_is_taken_once_per_order_from_the_lines_in_scope_in_line_order() {
        var forty = code("FORTY", Discount.fixedAmount(eur("40.00")), CodeScope.of(List.of(WORKSHOP, FREE)), false);
        var totals = priced(List.of(line(GENERAL, 1), line(WORKSHOP, 1)), forty);
        // the workshop line (50) gives the whole 40; the general line is out of scope
        assertThat(totals.discounts()).containsExactly(discount(forty, WORKSHOP, "40.00"));
        assertThat(totals.total()).isEqualTo(eur("110.00"));

        var seventy = code("SEVENTY", Discount.fixedAmount(eur("70.00")), CodeScope.ALL_SEAT_TYPES, false);
        assertThat(priced(List.of(line(WORKSHOP, 1), line(GENERAL, 1)), seventy).discounts())
                .containsExactly(discount(seventy, WORKSHOP, "50.00"), discount(seventy, GENERAL, "20.00"));
    }

    @Test
    void a_fixed_amount_never_takes_the_order_below_zero() {
        var big = code("BIG", Discount.fixedAmount(eur("1000.00")), CodeScope.ALL_SEAT_TYPES, false);
        var totals = priced(List.of(line(GENERAL, 1), line(WORKSHOP, 1)), big);
        assertThat(totals.total()).isEqualTo(eur("0.00"));
        assertThat(totals.isFreeOfCharge()).isTrue();
        assertThat(totals.discounts()).containsExactly(discount(big, GENERAL, "100.00"), discount(big, WORKSHOP, "50.00"));
    }

    @Test
    void percentages_come_first_then_fixed_amounts_each_from_what_is_left() {
        // whatever order they were applied in: 10 % of 100 = 10, then 30 off the 90 left
        assertThat(priced(List.of(line(GENERAL, 1)), THIRTY_EUR, TEN_OFF).total()).isEqualTo(eur("60.00"));
        assertThat(priced(List.of(line(GENERAL, 1)), TEN_OFF, THIRTY_EUR).total()).isEqualTo(eur("60.00"));
        // two percentages: the second of what the first left (10 % then 20 % of 90 = 18)
        var twenty = code("TWENTY", Discount.percentage(20), CodeScope.ALL_SEAT_TYPES, false);
        assertThat(priced(List.of(line(GENERAL, 1)), TEN_OFF, twenty).discounts())
                .containsExactly(discount(TEN_OFF, GENERAL, "10.00"), discount(twenty, GENERAL, "18.00"));
    }

    @Test
    void a_hundred_percent_makes_the_lines_in_scope_free() {
        var totals = priced(List.of(line(GENERAL, 3)), SPEAKER);
        assertThat(totals.total()).isEqualTo(eur("0.00"));
        assertThat(totals.isFreeOfCharge()).isTrue();
        assertThat(totals.discounts()).containsExactly(discount(SPEAKER, GENERAL, "300.00"));
    }

    @Test
    void a_free_line_takes_no_discount_line() {
        assertThat(priced(List.of(line(FREE, 2), line(GENERAL, 1)), TEN_OFF).discounts())
                .containsExactly(discount(TEN_OFF, GENERAL, "10.00"));
    }

    @Test
    void without_codes_an_order_is_priced_as_before() {
        var totals = priced(List.of(line(GENERAL, 2), line(WORKSHOP, 1)));
        assertThat(totals).isEqualTo(totals("250.00", line(GENERAL, 2), line(WORKSHOP, 1)));
    }
}

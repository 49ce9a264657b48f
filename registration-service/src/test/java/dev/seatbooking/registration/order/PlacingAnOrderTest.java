package dev.seatbooking.registration.order;

import dev.seatbooking.contracts.Money;
import dev.seatbooking.contracts.registration.OrderEvent;
import dev.seatbooking.contracts.registration.OrderEvent.OrderPlaced;
import dev.seatbooking.registration.order.ConferenceSeatTypes.SeatType;
import dev.seatbooking.eventsourcing.testing.AggregateFixture;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

import static dev.seatbooking.registration.order.OrderTestData.*;
import static org.assertj.core.api.Assertions.assertThat;

class PlacingAnOrderTest {

    private final AggregateFixture<Order, OrderEvent> order = AggregateFixture.of(Order::new, ORDER);

    @Test
    void a_new_order_is_held_for_15_minutes_gets_an_access_code_and_is_priced() {
        order.givenNothing()
                .when(o -> o.register(register(seat(GENERAL, 2), seat(WORKSHOP, 1)), PUBLISHED, NOW, THE_ACCESS_CODE))
                .then(new OrderPlaced(ORDER, CONFERENCE, seats(seat(GENERAL, 2), seat(WORKSHOP, 1)),
                                minutesAfterNow(15), ACCESS_CODE),
                        totals("250.00", line(GENERAL, 2), line(WORKSHOP, 1)))
                .state(o -> {
                    assertThat(o.status()).isEqualTo(OrderStatus.PENDING_RESERVATION);
                    assertThat(o.total()).contains(eur("250.00"));
                    assertThat(o.isFreeOfCharge()).isFalse();
                });
    }

    @Test
    void the_hold_is_the_conferences_own_when_it_sets_one() {
        var twentyMinuteHold = new ConferenceSeatTypes(CONFERENCE, true, Duration.ofMinutes(20), null, PUBLISHED.seatTypes());
        order.givenNothing()
                .when(o -> o.register(register(seat(GENERAL, 1)), twentyMinuteHold, NOW, THE_ACCESS_CODE))
                .state(o -> assertThat(o.reservationExpiration()).isEqualTo(minutesAfterNow(20)));
    }

    @Test
    void a_seat_type_named_twice_is_added_up() {
        order.givenNothing()
                .when(o -> o.register(register(seat(GENERAL, 2), seat(GENERAL, 3)), PUBLISHED, NOW, THE_ACCESS_CODE))
                .then(orderPlaced(seat(GENERAL, 5)), totals("500.00", line(GENERAL, 5)));
    }

    @Test
    void an_order_that_costs_nothing_is_free_of_charge() {
        order.givenNothing()
                .when(o -> o.register(register(seat(FREE, 3)), PUBLISHED, NOW, THE_ACCESS_CODE))
                .then(orderPlaced(seat(FREE, 3)), freeTotals(line(FREE, 3)))
                .state(o -> assertThat(o.isFreeOfCharge()).isTrue());
    }

    @Test
    void twenty_seats_of_a_type_is_the_most_one_order_takes() {
        order.givenNothing()
                .when(o -> o.register(register(seat(GENERAL, 20)), PUBLISHED, NOW, THE_ACCESS_CODE))
                .then(orderPlaced(seat(GENERAL, 20)), totals("2000.00", line(GENERAL, 20)));

        var rejection = order.givenNothing()
                .when(o -> o.register(register(seat(GENERAL, 21)), PUBLISHED, NOW, THE_ACCESS_CODE))
                .thenRejectedWith(OrderRejection.TooManySeats.class);
        assertThat(rejection).hasMessageContaining("at most 20");
        assertThat(rejection.code()).isEqualTo("too-many-seats");
    }

    @Test
    void the_cap_of_twenty_counts_a_seat_type_named_twice_once() {
        order.givenNothing()
                .when(o -> o.register(register(seat(GENERAL, 15), seat(GENERAL, 6)), PUBLISHED, NOW, THE_ACCESS_CODE))
                .thenRejectedWith(OrderRejection.TooManySeats.class);
    }

    @Test
    void a_line_over_the_cap_is_refused_before_lines_of_one_seat_type_are_added_up() {
        // Added up in int arithmetic, MAX_VALUE + 2 overflowed to a negative quantity that slipped past the cap.
        order.givenNothing()
                .when(o -> o.register(register(seat(GENERAL, Integer.MAX_VALUE), seat(GENERAL, 2)), PUBLISHED, NOW,
                        THE_ACCESS_CODE))
                .thenRejectedWith(OrderRejection.TooManySeats.class);
        // ...and MAX_VALUE + MAX_VALUE + 4 overflowed to 2: an order for 2 seats.
        order.givenNothing()
                .when(o -> o.register(register(seat(GENERAL, Integer.MAX_VALUE), seat(GENERAL, Integer.MAX_VALUE),
                        seat(GENERAL, 4)), PUBLISHED, NOW, THE_ACCESS_CODE))
                .thenRejectedWith(OrderRejection.TooManySeats.class);
    }

    @Test
    void a_quantity_of_zero_or_less_is_refused() {
        order.givenNothing()
                .when(o -> o.register(register(seat(GENERAL, 2), seat(WORKSHOP, 0)), PUBLISHED, NOW, THE_ACCESS_CODE))
                .thenRejectedWith(OrderRejection.InvalidSeatQuantity.class);
        order.givenNothing()
                .when(o -> o.register(register(seat(GENERAL, -1)), PUBLISHED, NOW, THE_ACCESS_CODE))
                .thenRejectedWith(OrderRejection.InvalidSeatQuantity.class);
    }

    @Test
    void an_order_without_seats_is_refused() {
        order.givenNothing()
                .when(o -> o.register(register(), PUBLISHED, NOW, THE_ACCESS_CODE))
                .thenRejectedWith(OrderRejection.NoSeatsRequested.class);
    }

    @Test
    void a_seat_type_the_conference_does_not_sell_is_refused() {
        var rejection = order.givenNothing()
                .when(o -> o.register(register(seat(GENERAL, 1), seat(NOT_SOLD_HERE, 1)), PUBLISHED, NOW, THE_ACCESS_CODE))
                .thenRejectedWith(OrderRejection.UnknownSeatType.class);
        assertThat(rejection).hasMessageContaining(NOT_SOLD_HERE.toString());
    }

    @Test
    void a_conference_that_is_not_published_takes_no_orders() {
        var unpublished = new ConferenceSeatTypes(CONFERENCE, false, null, null, PUBLISHED.seatTypes());
        order.givenNothing()
                .when(o -> o.register(register(seat(GENERAL, 1)), unpublished, NOW, THE_ACCESS_CODE))
                .thenRejectedWith(OrderRejection.ConferenceNotPublished.class);
    }

    @Test
    void seat_types_priced_in_different_currencies_cannot_share_an_order() {
        var mixed = new ConferenceSeatTypes(CONFERENCE, true, null, null, List.of(
                new SeatType(GENERAL, "General admission", eur("100.00")),
                new SeatType(WORKSHOP, "Workshop", Money.of("60.00", "USD"))));
        order.givenNothing()
                .when(o -> o.register(register(seat(GENERAL, 1), seat(WORKSHOP, 1)), mixed, NOW, THE_ACCESS_CODE))
                .thenRejectedWith(OrderRejection.MixedCurrencies.class);
    }

    @Test
    void access_codes_are_ten_characters_that_cannot_be_mistaken_and_differ_each_time() {
        AccessCodeGenerator codes = AccessCodeGenerator.secureRandom();
        var many = java.util.stream.Stream.generate(codes::next).limit(1000).toList();
        assertThat(many).allMatch(code -> code.matches("[A-HJ-NP-Z2-9]{10}"));
        assertThat(many).doesNotHaveDuplicates();
    }
}

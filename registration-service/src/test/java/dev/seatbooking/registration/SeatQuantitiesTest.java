package dev.seatbooking.registration;

import dev.seatbooking.contracts.registration.SeatQuantity;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SeatQuantitiesTest {

    private static final UUID GENERAL = UUID.randomUUID();
    private static final UUID WORKSHOP = UUID.randomUUID();
    private static final UUID DINNER = UUID.randomUUID();

    @Test
    void lines_of_one_seat_type_are_added_up_in_the_order_the_types_were_first_named() {
        SeatQuantities seats = SeatQuantities.of(List.of(line(WORKSHOP, 1), line(GENERAL, 2), line(WORKSHOP, 3)));

        assertThat(seats.asList()).containsExactly(line(WORKSHOP, 4), line(GENERAL, 2));
        assertThat(seats.seatTypes()).containsExactly(WORKSHOP, GENERAL);
        assertThat(seats.of(WORKSHOP)).isEqualTo(4);
    }

    @Test
    void a_seat_type_at_zero_is_not_there() {
        SeatQuantities seats = SeatQuantities.of(List.of(line(GENERAL, 2), line(WORKSHOP, 0), line(DINNER, 1),
                line(DINNER, -1)));

        assertThat(seats.asList()).containsExactly(line(GENERAL, 2));
        assertThat(seats.seatTypes()).containsExactly(GENERAL);
        assertThat(seats.of(WORKSHOP)).isZero();
        assertThat(seats.of(UUID.randomUUID())).isZero();
        assertThat(SeatQuantities.of(List.of(line(WORKSHOP, 0))).asList()).isEmpty();
    }

    @Test
    void the_same_seats_are_equal_whatever_the_order_and_shape_of_their_lines() {
        SeatQuantities seats = SeatQuantities.of(List.of(line(GENERAL, 2), line(WORKSHOP, 1)));
        SeatQuantities same = SeatQuantities.of(List.of(line(WORKSHOP, 1), line(GENERAL, 1), line(DINNER, 0),
                line(GENERAL, 1)));

        assertThat(same).isEqualTo(seats).hasSameHashCodeAs(seats);
        assertThat(SeatQuantities.of(List.of(line(GENERAL, 2)))).isNotEqualTo(seats);
        assertThat(SeatQuantities.of(List.of(line(GENERAL, 2), line(WORKSHOP, 2)))).isNotEqualTo(seats);
    }

    @Test
    void a_sum_beyond_ints_range_throws_instead_of_wrapping_around() {
        List<SeatQuantity> wrapsToTwo = List.of(line(GENERAL, Integer.MAX_VALUE), line(GENERAL, Integer.MAX_VALUE),
                line(GENERAL, 4));

        assertThatThrownBy(() -> SeatQuantities.of(wrapsToTwo)).isInstanceOf(ArithmeticException.class);
        assertThatThrownBy(() -> SeatQuantities.of(List.of(line(GENERAL, Integer.MIN_VALUE), line(GENERAL, -1))))
                .isInstanceOf(ArithmeticException.class);
    }

    @Test
    void what_it_lists_cannot_be_changed() {
        SeatQuantities seats = SeatQuantities.of(List.of(line(GENERAL, 2)));

        assertThatThrownBy(() -> seats.asList().add(line(WORKSHOP, 1))).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> seats.seatTypes().add(WORKSHOP)).isInstanceOf(UnsupportedOperationException.class);
        assertThat(seats.of(WORKSHOP)).isZero();
    }

    private static SeatQuantity line(UUID seatTypeId, int quantity) {
        return new SeatQuantity(seatTypeId, quantity);
    }
}

package dev.seatbooking.contracts.conference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class ReservationHoldTest {

    @Test
    void the_default_is_the_books_15_minutes() {
        assertThat(ReservationHold.DEFAULT.duration()).isEqualTo(Duration.ofMinutes(15));
        assertThat(ReservationHold.orDefault(null)).isEqualTo(ReservationHold.DEFAULT);
    }

    @Test
    void a_given_hold_is_kept_as_it_is_even_a_few_seconds() {
        assertThat(ReservationHold.orDefault(Duration.ofMinutes(30)).duration()).isEqualTo(Duration.ofMinutes(30));
        assertThat(ReservationHold.of(Duration.ofSeconds(3)).duration()).isEqualTo(Duration.ofSeconds(3));
    }

    @Test
    void a_hold_is_positive() {
        for (Duration hold : new Duration[] {Duration.ZERO, Duration.ofMinutes(-15), Duration.ofNanos(-1)}) {
            assertThatThrownBy(() -> ReservationHold.of(hold)).as(hold.toString())
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("reservationHold must be positive, was " + hold);
            assertThatThrownBy(() -> ReservationHold.orDefault(hold)).isInstanceOf(IllegalArgumentException.class);
        }
        assertThat(ReservationHold.of(Duration.ofNanos(1)).duration()).isPositive();
    }

    @Test
    void of_needs_a_hold() {
        assertThatThrownBy(() -> ReservationHold.of(null))
                .isInstanceOf(NullPointerException.class).hasMessage("reservationHold is required");
    }
}

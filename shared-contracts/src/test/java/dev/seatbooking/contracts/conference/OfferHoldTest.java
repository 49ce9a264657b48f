package dev.seatbooking.contracts.conference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class OfferHoldTest {

    @Test
    void the_default_is_24_hours() {
        assertThat(OfferHold.DEFAULT.duration()).isEqualTo(Duration.ofHours(24));
        assertThat(OfferHold.orDefault(null)).isEqualTo(OfferHold.DEFAULT);
    }

    @Test
    void a_given_hold_is_kept_as_it_is() {
        assertThat(OfferHold.orDefault(Duration.ofHours(2)).duration()).isEqualTo(Duration.ofHours(2));
        assertThat(OfferHold.of(Duration.ofSeconds(3)).duration()).isEqualTo(Duration.ofSeconds(3));
    }

    @Test
    void a_hold_is_positive() {
        for (Duration hold : new Duration[] {Duration.ZERO, Duration.ofHours(-24), Duration.ofNanos(-1)}) {
            assertThatThrownBy(() -> OfferHold.of(hold)).as(hold.toString())
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("offerHold must be positive, was " + hold);
            assertThatThrownBy(() -> OfferHold.orDefault(hold)).isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Test
    void of_needs_a_hold() {
        assertThatThrownBy(() -> OfferHold.of(null))
                .isInstanceOf(NullPointerException.class).hasMessage("offerHold is required");
    }
}

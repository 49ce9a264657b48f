package dev.seatbooking.web.throttle;

import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Registrants behind one address share its client limit: one of them failing on purpose must not lock the others out
 * of the orders they opened lately, while the failures still count against what they tried.
 */
class GuessThrottleTest {

    private static final Duration WINDOW = Duration.ofMinutes(1);
    private static final String VENUE_WIFI = "198.51.100.7";

    private final MovableClock clock = new MovableClock();
    // 3 failures per client, 5 per order, in a window; client locks grow to 15 min.
    private final GuessThrottle<String> throttle = new GuessThrottle<>(
            new FailureThrottle<>(5, WINDOW, WINDOW, 1000, clock),
            new FailureThrottle<>(3, WINDOW, Duration.ofMinutes(15), 1000, clock),
            Duration.ofHours(12), 1000, clock);

    @Test
    void a_client_failing_on_purpose_does_not_lock_its_neighbours_out_of_the_orders_they_opened() {
        assertThat(throttle.check("ada's order", VENUE_WIFI, () -> true)).isTrue();

        for (int i = 0; i < 3; i++) assertThat(throttle.check("order " + i, VENUE_WIFI, () -> false)).isFalse();
        assertThatThrownBy(() -> throttle.check("order 3", VENUE_WIFI, () -> false))
                .isInstanceOf(TooManyAttempts.class);

        clock.advance(Duration.ofSeconds(30)); // within the address's first hold (one window)
        assertThat(throttle.check("ada's order", VENUE_WIFI, () -> true)).as("opened from here before").isTrue();
        assertThatThrownBy(() -> throttle.check("bob's order", VENUE_WIFI, () -> true))
                .as("never opened from here: the address is still held, right or wrong")
                .isInstanceOf(TooManyAttempts.class);
    }

    @Test
    void guesses_at_an_order_opened_from_the_same_address_still_count_against_that_order() {
        assertThat(throttle.check("ada's order", VENUE_WIFI, () -> true)).isTrue();

        for (int i = 0; i < 5; i++) assertThat(throttle.check("ada's order", VENUE_WIFI, () -> false)).isFalse();
        assertThatThrownBy(() -> throttle.check("ada's order", VENUE_WIFI, () -> true))
                .isInstanceOf(TooManyAttempts.class);
        // Those guesses did not use the address's own allowance: another order may still be tried from it.
        assertThat(throttle.check("bob's order", VENUE_WIFI, () -> true)).isTrue();
    }

    @Test
    void the_exemption_ends_after_its_memory() {
        assertThat(throttle.check("ada's order", VENUE_WIFI, () -> true)).isTrue();
        clock.advance(Duration.ofHours(13));
        for (int i = 0; i < 3; i++) throttle.check("order " + i, VENUE_WIFI, () -> false);

        assertThatThrownBy(() -> throttle.check("ada's order", VENUE_WIFI, () -> true))
                .isInstanceOf(TooManyAttempts.class);
    }
}

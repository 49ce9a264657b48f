package dev.seatbooking.web.throttle;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** The bookkeeping of failed access-code checks, on a clock the test moves. */
class FailureThrottleTest {

    private static final Duration WINDOW = Duration.ofMinutes(1);

    private final MovableClock clock = new MovableClock();
    private final FailureThrottle<String> throttle = new FailureThrottle<>(3, WINDOW, Duration.ofMinutes(4), 1000, clock);

    @Test
    void the_last_failure_the_limit_allows_locks_the_key_for_a_window_against_right_and_wrong_attempts_alike() {
        fail("order", 3);

        assertThat(throttle.begin("order")).contains(WINDOW);
        clock.advance(Duration.ofSeconds(50));
        assertThat(throttle.begin("order")).contains(Duration.ofSeconds(10));
        assertThat(throttle.begin("another order")).isEmpty();

        clock.advance(Duration.ofSeconds(10));
        assertThat(throttle.begin("order")).isEmpty();
    }

    @Test
    void failures_in_separate_windows_do_not_add_up() {
        fail("order", 2);
        clock.advance(WINDOW);
        fail("order", 2);

        assertThat(throttle.begin("order")).isEmpty();
    }

    @Test
    void right_attempts_do_not_count() {
        fail("order", 2);
        for (int i = 0; i < 10; i++) {
            assertThat(throttle.begin("order")).isEmpty();
            throttle.passed("order");
        }
        assertThat(throttle.begin("order")).isEmpty();
    }

    @Test
    void attempts_still_being_checked_count_so_a_concurrent_burst_cannot_outrun_the_limit() {
        assertThat(throttle.begin("order")).isEmpty();
        assertThat(throttle.begin("order")).isEmpty();
        assertThat(throttle.begin("order")).isEmpty();

        assertThat(throttle.begin("order")).as("a fourth attempt while three are checked").isPresent();

        throttle.passed("order");
        assertThat(throttle.begin("order")).isEmpty();
    }

    @Test
    void each_further_lock_lasts_twice_as_long_up_to_the_longest() {
        Duration[] expected = {WINDOW, WINDOW.multipliedBy(2), WINDOW.multipliedBy(4), WINDOW.multipliedBy(4)};
        for (Duration lock : expected) {
            fail("client", 3);
            assertThat(throttle.begin("client")).contains(lock);
            clock.advance(lock);
        }
    }

    @Test
    void a_key_left_alone_long_enough_is_forgotten_and_starts_again_with_a_short_lock() {
        fail("client", 3);
        clock.advance(WINDOW);
        fail("client", 3);
        assertThat(throttle.begin("client")).contains(WINDOW.multipliedBy(2));

        clock.advance(WINDOW.multipliedBy(2).plus(Duration.ofMinutes(4)).plus(WINDOW));
        fail("client", 3);
        assertThat(throttle.begin("client")).contains(WINDOW);
    }

    private void fail(String key, int times) {
        for (int i = 0; i < times; i++) {
            Optional<Duration> wait = throttle.begin(key);
            assertThat(wait).as("attempt %d", i + 1).isEmpty();
            throttle.failed(key);
        }
    }
}

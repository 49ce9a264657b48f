package dev.seatbooking.eventsourcing.messaging;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CappedBackoffTest {

    private final CappedBackoff backoff = new CappedBackoff(Duration.ofMillis(100), Duration.ofSeconds(1));

    @Test
    void the_wait_doubles_after_each_failure_up_to_its_cap() {
        assertThat(IntStream.rangeClosed(1, 6).mapToObj(backoff::after).map(Duration::toMillis))
                .containsExactly(100L, 200L, 400L, 800L, 1000L, 1000L);
    }

    @Test
    void a_very_long_run_of_failures_waits_the_cap() {
        assertThat(backoff.after(Integer.MAX_VALUE)).isEqualTo(Duration.ofSeconds(1));
    }

    @Test
    void a_cap_equal_to_the_first_wait_is_a_fixed_wait() {
        CappedBackoff fixed = new CappedBackoff(Duration.ofMillis(50), Duration.ofMillis(50));
        assertThat(IntStream.rangeClosed(1, 3).mapToObj(fixed::after).map(Duration::toMillis))
                .containsOnly(50L);
    }

    @Test
    void nonsense_is_refused() {
        assertThatThrownBy(() -> new CappedBackoff(Duration.ZERO, Duration.ofSeconds(1)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new CappedBackoff(Duration.ofSeconds(2), Duration.ofSeconds(1)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> backoff.after(0)).isInstanceOf(IllegalArgumentException.class);
    }
}

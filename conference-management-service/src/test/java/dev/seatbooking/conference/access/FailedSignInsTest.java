package dev.seatbooking.conference.access;

import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

import static org.assertj.core.api.Assertions.assertThat;

class FailedSignInsTest {

    /** A clock the test moves. */
    static final class TestClock extends Clock {
        Instant now = Instant.parse("2026-01-01T10:00:00Z");

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    private final TestClock clock = new TestClock();
    private final FailedSignIns failures = new FailedSignIns(3, Duration.ofMinutes(5), clock);

    @Test
    void a_client_is_refused_after_the_maximum_failures_until_the_oldest_leaves_the_window() {
        failures.recordFailure("a");
        clock.now = clock.now.plusSeconds(60);
        failures.recordFailure("a");
        assertThat(failures.refusal("a")).isEmpty();
        failures.recordFailure("a");

        assertThat(failures.refusal("a")).contains(Duration.ofMinutes(4));
        clock.now = clock.now.plus(Duration.ofMinutes(4)).minusSeconds(1);
        assertThat(failures.refusal("a")).contains(Duration.ofSeconds(1));
        clock.now = clock.now.plusSeconds(1);
        assertThat(failures.refusal("a")).isEmpty();
    }

    @Test
    void clients_are_counted_apart() {
        for (int i = 0; i < 3; i++) failures.recordFailure("a");
        assertThat(failures.refusal("a")).isPresent();
        assertThat(failures.refusal("b")).isEmpty();
    }

    @Test
    void failures_older_than_the_window_do_not_count() {
        failures.recordFailure("a");
        failures.recordFailure("a");
        clock.now = clock.now.plus(Duration.ofMinutes(5));
        failures.recordFailure("a");
        assertThat(failures.refusal("a")).isEmpty();
    }
}

package dev.seatbooking.readmodel;

import dev.seatbooking.web.throttle.GuessThrottle;
import dev.seatbooking.web.throttle.TooManyAttempts;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The read model's access throttle (the shared {@link GuessThrottle} with the read model's limits) on its own, on a
 * clock the test moves: 3 failures per client a minute, 5 per order (or email) in 30 s.
 */
class AccessThrottleTest {

    final AtomicReference<Instant> now = new AtomicReference<>(Instant.parse("2026-01-01T10:00:00Z"));
    final GuessThrottle<String> throttle = new ReadModelProperties.AccessThrottle(3, Duration.ofSeconds(60),
            5, Duration.ofSeconds(30), 1_000).throttle(now::get);

    void fail(String client, String subject) {
        assertThat(throttle.check(subject, client, () -> false)).isFalse();
    }

    void succeed(String client, String subject) {
        assertThat(throttle.check(subject, client, () -> true)).isTrue();
    }

    void later(Duration duration) {
        now.updateAndGet(instant -> instant.plus(duration));
    }

    @Test
    void a_client_gets_its_failures_then_is_refused_for_the_rest_of_its_window_whatever_it_tries() {
        for (int i = 0; i < 3; i++) fail("10.0.0.1", "order:" + i);
        later(Duration.ofSeconds(20));

        assertThatThrownBy(() -> succeed("10.0.0.1", "order:right-code"))
                .isInstanceOfSatisfying(TooManyAttempts.class, e -> {
                    assertThat(e.retryAfter()).isEqualTo(Duration.ofSeconds(40));
                    assertThat(e.retryAfterSeconds()).isEqualTo(40);
                });
        succeed("10.0.0.2", "order:right-code"); // another client may go on

        later(Duration.ofSeconds(40));
        succeed("10.0.0.1", "order:right-code");
    }

    @Test
    void an_order_gets_its_failures_from_all_clients_together() {
        for (int i = 0; i < 5; i++) fail("10.0.1." + i, "order:x");

        assertThatThrownBy(() -> succeed("10.0.1.99", "order:x"))
                .isInstanceOfSatisfying(TooManyAttempts.class,
                        e -> assertThat(e.retryAfter()).isEqualTo(Duration.ofSeconds(30)));
        succeed("10.0.1.99", "order:y");
        later(Duration.ofSeconds(30));
        succeed("10.0.1.99", "order:x");
    }

    @Test
    void a_lock_does_not_grow_it_lasts_one_window_each_time() {
        for (int round = 0; round < 3; round++) {
            for (int i = 0; i < 5; i++) fail("10.0.5." + i, "order:z");
            assertThatThrownBy(() -> succeed("10.0.5.99", "order:z"))
                    .isInstanceOfSatisfying(TooManyAttempts.class,
                            e -> assertThat(e.retryAfter()).isEqualTo(Duration.ofSeconds(30)));
            later(Duration.ofSeconds(30));
        }
    }

    @Test
    void right_codes_give_their_places_back_and_refused_attempts_are_not_counted() {
        for (int i = 0; i < 100; i++) succeed("10.0.2.1", "order:mine");
        fail("10.0.2.1", "order:a");
        fail("10.0.2.1", "order:b");

        // Refused by the order: the client's place is given back.
        for (int i = 0; i < 5; i++) fail("10.0.3." + i, "order:busy");
        for (int i = 0; i < 10; i++) {
            assertThatThrownBy(() -> fail("10.0.2.1", "order:busy")).isInstanceOf(TooManyAttempts.class);
        }
        fail("10.0.2.1", "order:c");
        assertThatThrownBy(() -> fail("10.0.2.1", "order:d")).isInstanceOf(TooManyAttempts.class);
    }

    @RepeatedTest(5)
    void a_burst_of_concurrent_attempts_gets_no_more_than_the_limit() throws Exception {
        int attempts = 50;
        AtomicInteger checked = new AtomicInteger();
        CountDownLatch start = new CountDownLatch(1);
        List<Future<?>> outcomes = new ArrayList<>();
        try (ExecutorService pool = Executors.newFixedThreadPool(16)) {
            for (int i = 0; i < attempts; i++) {
                String client = "10.0.4." + i;
                outcomes.add(pool.submit(() -> {
                    start.await();
                    try {
                        throttle.check("order:target", client, () -> {
                            checked.incrementAndGet();
                            return false;
                        });
                    } catch (TooManyAttempts held) {
                        // not checked
                    }
                    return null;
                }));
            }
            start.countDown();
            for (Future<?> outcome : outcomes) outcome.get();
        }
        assertThat(checked).hasValue(5);
    }
}

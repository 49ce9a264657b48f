package dev.seatbooking.readmodel.access;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The throttle on its own, on a clock the test moves. */
class AccessThrottleTest {

    final AtomicLong now = new AtomicLong(1_000_000_000L);
    final AccessThrottle throttle = new AccessThrottle(new AccessThrottle.Limit(3, Duration.ofSeconds(60)),
            new AccessThrottle.Limit(5, Duration.ofSeconds(30)), 1_000, now::get);

    void fail(String client, String subject) {
        throttle.begin(client, subject); // never released: a failed check
    }

    void later(Duration duration) {
        now.addAndGet(duration.toNanos());
    }

    @Test
    void a_client_gets_its_failures_then_is_refused_for_the_rest_of_its_window_whatever_it_tries() {
        for (int i = 0; i < 3; i++) fail("10.0.0.1", "order:" + i);
        later(Duration.ofSeconds(20));

        assertThatThrownBy(() -> throttle.begin("10.0.0.1", "order:right-code"))
                .isInstanceOfSatisfying(AccessThrottle.Throttled.class, e -> {
                    assertThat(e.retryAfter()).isEqualTo(Duration.ofSeconds(40));
                    assertThat(e.retryAfterSeconds()).isEqualTo(40);
                });
        throttle.begin("10.0.0.2", "order:right-code").release(); // another client may go on

        later(Duration.ofSeconds(40));
        throttle.begin("10.0.0.1", "order:right-code").release();
    }

    @Test
    void an_order_gets_its_failures_from_all_clients_together() {
        for (int i = 0; i < 5; i++) fail("10.0.1." + i, "order:x");

        assertThatThrownBy(() -> throttle.begin("10.0.1.99", "order:x"))
                .isInstanceOfSatisfying(AccessThrottle.Throttled.class,
                        e -> assertThat(e.retryAfter()).isEqualTo(Duration.ofSeconds(30)));
        throttle.begin("10.0.1.99", "order:y").release();
        later(Duration.ofSeconds(30));
        throttle.begin("10.0.1.99", "order:x").release();
    }

    @Test
    void right_codes_give_their_places_back_and_refused_attempts_are_not_counted() {
        for (int i = 0; i < 100; i++) throttle.begin("10.0.2.1", "order:mine").release();
        fail("10.0.2.1", "order:a");
        fail("10.0.2.1", "order:b");

        // Refused by the order: the client's place is given back.
        for (int i = 0; i < 5; i++) fail("10.0.3." + i, "order:busy");
        for (int i = 0; i < 10; i++) {
            assertThatThrownBy(() -> throttle.begin("10.0.2.1", "order:busy")).isInstanceOf(AccessThrottle.Throttled.class);
        }
        fail("10.0.2.1", "order:c");
        assertThatThrownBy(() -> throttle.begin("10.0.2.1", "order:d")).isInstanceOf(AccessThrottle.Throttled.class);
    }

    @Test
    void a_burst_of_concurrent_attempts_gets_no_more_than_the_limit() throws Exception {
        int attempts = 50;
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Boolean>> outcomes = new ArrayList<>();
        try (ExecutorService pool = Executors.newFixedThreadPool(16)) {
            for (int i = 0; i < attempts; i++) {
                String client = "10.0.4." + i;
                outcomes.add(pool.submit(() -> {
                    start.await();
                    try {
                        throttle.begin(client, "order:target");
                        return true;
                    } catch (AccessThrottle.Throttled e) {
                        return false;
                    }
                }));
            }
            start.countDown();
            int admitted = 0;
            for (Future<Boolean> outcome : outcomes) if (outcome.get()) admitted++;
            assertThat(admitted).isEqualTo(5);
        }
    }
}

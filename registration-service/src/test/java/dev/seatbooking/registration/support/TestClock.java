package dev.seatbooking.registration.support;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The clock of every registration service a test starts (the shared context and the instances of {@link TestService}):
 * real time plus an offset a test moves forward ({@link RegistrationProbe#timePasses}), so that holds of minutes end
 * at once. One for the test JVM: instances on one database agree on the time, as a deployment's would. It runs with
 * real time, since Kafka, PostgreSQL and the HTTP clients do; at offset 0 (after {@link #reset}) it is real time.
 */
public final class TestClock extends Clock {

    public static final TestClock INSTANCE = new TestClock();

    private final AtomicReference<Duration> offset = new AtomicReference<>(Duration.ZERO);

    private TestClock() {
    }

    /** Puts the clock {@code by} ahead (of where it was). */
    void advance(Duration by) {
        if (by.isNegative()) throw new IllegalArgumentException("time does not go back: " + by);
        offset.accumulateAndGet(by, Duration::plus);
    }

    /** Back to real time, so the next test starts where time really is. */
    public void reset() {
        offset.set(Duration.ZERO);
    }

    @Override
    public Instant instant() {
        return Instant.now().plus(offset.get());
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        throw new UnsupportedOperationException("the service's clock is UTC");
    }

    /** Replaces the service's clock (its {@code Clock} bean) with {@link #INSTANCE}. */
    @TestConfiguration(proxyBeanMethods = false)
    public static class Replacing {
        @Bean
        @Primary
        Clock testClock() {
            return INSTANCE;
        }
    }
}

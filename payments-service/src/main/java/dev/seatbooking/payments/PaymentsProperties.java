package dev.seatbooking.payments;

import dev.seatbooking.web.throttle.GuessLimits;
import dev.seatbooking.payments.processor.SimulatedPaymentProcessor;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;

/**
 * {@code seatbooking.payments.*}.
 *
 * @param processor how the simulated third-party processor answers
 * @param consumers the consumer of {@code registration.events}
 * @param accessThrottle how failed access-code checks are slowed down
 * @param refunds        how refunds are executed and retried
 */
@ConfigurationProperties("seatbooking.payments")
public record PaymentsProperties(@DefaultValue Processor processor, @DefaultValue Consumers consumers,
                                 @DefaultValue GuessLimits accessThrottle, @DefaultValue Refunds refunds) {

    /**
     * @param mode    {@code manual} (the payer answers on the processor page), {@code auto-accept}, {@code auto-reject}
     * @param refunds how the simulated processor's refunds fail (tests, demos): none by default
     */
    public record Processor(@DefaultValue("manual") SimulatedPaymentProcessor.Mode mode,
                            @DefaultValue ProcessorRefunds refunds) {
    }

    /**
     * @param failFirst  each refund's first attempts that fail
     * @param failAlways every refund attempt fails
     */
    public record ProcessorRefunds(@DefaultValue("0") int failFirst, @DefaultValue("false") boolean failAlways) {
    }

    /**
     * How refunds are executed.
     *
     * @param pollInterval how often the worker looks for refunds due
     * @param firstRetry   the wait after a first failed attempt; it doubles after each further one, up to maxRetry
     * @param maxRetry     the longest wait between two attempts
     * @param maxAttempts  attempts before the refund fails for good (RefundFailed with willRetry false)
     * @param lease        how long an attempt holds its refund: a worker killed mid-attempt delays it by that much
     * @param batchSize    refunds taken per poll
     */
    public record Refunds(@DefaultValue("1s") Duration pollInterval, @DefaultValue("5s") Duration firstRetry,
                          @DefaultValue("10m") Duration maxRetry, @DefaultValue("10") int maxAttempts,
                          @DefaultValue("1m") Duration lease, @DefaultValue("20") int batchSize) {

        /** The wait after failed attempt {@code attempt} (from 1): firstRetry, doubled each time, at most maxRetry. */
        public Duration retryAfter(int attempt) {
            Duration wait = firstRetry;
            for (int i = 1; i < attempt && wait.compareTo(maxRetry) < 0; i++) wait = wait.multipliedBy(2);
            return wait.compareTo(maxRetry) > 0 ? maxRetry : wait;
        }
    }

    /** @param concurrency consumer threads for {@code registration.events} */
    public record Consumers(@DefaultValue("1") int concurrency) {
    }
}

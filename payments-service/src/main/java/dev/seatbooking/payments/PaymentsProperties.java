package dev.seatbooking.payments;

import dev.seatbooking.web.throttle.GuessLimits;
import dev.seatbooking.payments.processor.SimulatedPaymentProcessor;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code seatbooking.payments.*}.
 *
 * @param processor how the simulated third-party processor answers
 * @param consumers the consumer of {@code registration.events}
 * @param accessThrottle how failed access-code checks are slowed down
 */
@ConfigurationProperties("seatbooking.payments")
public record PaymentsProperties(@DefaultValue Processor processor, @DefaultValue Consumers consumers,
                                 @DefaultValue GuessLimits accessThrottle) {

    /** @param mode {@code manual} (the payer answers on the processor page), {@code auto-accept}, {@code auto-reject} */
    public record Processor(@DefaultValue("manual") SimulatedPaymentProcessor.Mode mode) {
    }

    /** @param concurrency consumer threads for {@code registration.events} */
    public record Consumers(@DefaultValue("1") int concurrency) {
    }
}

package dev.seatbooking.payments.processor;

import dev.seatbooking.payments.PaymentsProperties;
import dev.seatbooking.payments.handling.PaymentCommandHandler;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.util.UUID;

@Configuration(proxyBeanMethods = false)
class ProcessorConfiguration {

    @Bean
    PaymentOutcomes paymentOutcomes(PaymentCommandHandler handler) {
        return new PaymentOutcomes() {
            @Override
            public void accepted(UUID paymentId) {
                handler.complete(paymentId);
            }

            @Override
            public void rejected(UUID paymentId) {
                handler.cancel(paymentId);
            }
        };
    }

    /** A real gateway would be declared here instead. */
    @Bean
    SimulatedPaymentProcessor simulatedPaymentProcessor(PaymentsProperties properties, PaymentOutcomes outcomes,
                                                        PayerLinks links, ProcessorRefunds refunds) {
        PaymentsProperties.Processor processor = properties.processor();
        return new SimulatedPaymentProcessor(processor.mode(), outcomes, links, refunds,
                new SimulatedPaymentProcessor.RefundFailures(processor.refunds().failFirst(),
                        processor.refunds().failAlways()));
    }
}

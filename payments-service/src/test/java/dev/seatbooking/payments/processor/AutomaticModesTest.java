package dev.seatbooking.payments.processor;

import dev.seatbooking.contracts.Money;
import dev.seatbooking.payments.PaymentsProperties;
import dev.seatbooking.payments.processor.PaymentProcessor.PaymentRequest;
import dev.seatbooking.payments.processor.SimulatedPaymentProcessor.Mode;
import dev.seatbooking.payments.support.PaymentsServiceTest;
import dev.seatbooking.payments.support.TestOrder;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The automatic modes answer through the same {@link PaymentOutcomes} as the page. (The shared test context runs
 * in manual mode; here a processor in each automatic mode is built on the context's outcomes.)
 */
class AutomaticModesTest extends PaymentsServiceTest {

    @Autowired
    PaymentOutcomes outcomes;
    @Autowired
    PayerLinks links;
    @Autowired
    ProcessorRefunds refunds;

    @Test
    void auto_accept_completes_the_payment() throws Exception {
        UUID paymentId = startedPayment();
        new SimulatedPaymentProcessor(Mode.AUTO_ACCEPT, outcomes, links, refunds, SimulatedPaymentProcessor.RefundFailures.NONE).submit(request(paymentId));
        assertThat(statusOf(paymentId)).isEqualTo("COMPLETED");
    }

    @Test
    void auto_reject_rejects_the_payment() throws Exception {
        UUID paymentId = startedPayment();
        new SimulatedPaymentProcessor(Mode.AUTO_REJECT, outcomes, links, refunds, SimulatedPaymentProcessor.RefundFailures.NONE).submit(request(paymentId));
        assertThat(statusOf(paymentId)).isEqualTo("REJECTED");
    }

    @Test
    void the_mode_is_configured_in_kebab_case() {
        for (var mode : Map.of("manual", Mode.MANUAL, "auto-accept", Mode.AUTO_ACCEPT, "auto-reject", Mode.AUTO_REJECT)
                .entrySet()) {
            var source = new MapConfigurationPropertySource(Map.of("seatbooking.payments.processor.mode", mode.getKey()));
            assertThat(new Binder(source).bindOrCreate("seatbooking.payments", PaymentsProperties.class)
                    .processor().mode()).isEqualTo(mode.getValue());
        }
    }

    private UUID startedPayment() throws Exception {
        TestOrder order = givenOrder("12.00");
        UUID paymentId = UUID.randomUUID();
        start(paymentId, order, "12.00").andExpect(status().isCreated());
        return paymentId;
    }

    private static PaymentRequest request(UUID paymentId) {
        return new PaymentRequest(paymentId, UUID.randomUUID(), "Registration", Money.of("12.00", "EUR"), List.of());
    }
}

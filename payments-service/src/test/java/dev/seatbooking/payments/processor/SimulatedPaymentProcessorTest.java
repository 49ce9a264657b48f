package dev.seatbooking.payments.processor;

import dev.seatbooking.contracts.Money;
import dev.seatbooking.payments.processor.PaymentProcessor.PaymentRequest;
import dev.seatbooking.payments.processor.SimulatedPaymentProcessor.Mode;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** The simulated processor's modes: the payer answers on its page, or it answers by itself at once. */
class SimulatedPaymentProcessorTest {

    final UUID paymentId = UUID.randomUUID();
    final PaymentRequest request = new PaymentRequest(paymentId, UUID.randomUUID(), "Registration",
            Money.of("10.00", "EUR"), List.of());
    final List<String> answers = new ArrayList<>();
    final PaymentOutcomes outcomes = new PaymentOutcomes() {
        @Override
        public void accepted(UUID id) {
            answers.add("accepted " + id);
        }

        @Override
        public void rejected(UUID id) {
            answers.add("rejected " + id);
        }
    };

    @Test
    void in_manual_mode_the_payer_answers_on_the_processor_page() {
        var processor = new SimulatedPaymentProcessor(Mode.MANUAL, outcomes);
        processor.submit(request);
        assertThat(answers).isEmpty();
        assertThat(processor.payerUrl(paymentId)).contains(URI.create("/payment-processor/" + paymentId));
    }

    @Test
    void in_auto_accept_mode_every_payment_is_accepted_at_once() {
        var processor = new SimulatedPaymentProcessor(Mode.AUTO_ACCEPT, outcomes);
        processor.submit(request);
        assertThat(answers).containsExactly("accepted " + paymentId);
        assertThat(processor.payerUrl(paymentId)).isEmpty();
    }

    @Test
    void in_auto_reject_mode_every_payment_is_rejected_at_once() {
        var processor = new SimulatedPaymentProcessor(Mode.AUTO_REJECT, outcomes);
        processor.submit(request);
        assertThat(answers).containsExactly("rejected " + paymentId);
    }
}

package dev.seatbooking.payments.processor;

import dev.seatbooking.contracts.Money;
import dev.seatbooking.payments.processor.PaymentProcessor.PaymentRequest;
import dev.seatbooking.payments.processor.SimulatedPaymentProcessor.Mode;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** The simulated processor's modes: the payer answers on its page, or it answers by itself at once. */
class SimulatedPaymentProcessorTest {

    final UUID paymentId = UUID.randomUUID();
    final PaymentRequest request = new PaymentRequest(paymentId, UUID.randomUUID(), "Registration",
            Money.of("10.00", "EUR"), List.of());
    final List<String> answers = new ArrayList<>();
    final Map<UUID, String> issued = new HashMap<>();
    final PayerLinks links = new PayerLinks() {
        @Override
        public String issue(UUID id) {
            String secret = "secret-" + (issued.size() + 1);
            issued.put(id, secret);
            return secret;
        }

        @Override
        public boolean opens(UUID id, String secret) {
            return secret != null && secret.equals(issued.get(id));
        }
    };
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
    void in_manual_mode_the_payer_answers_on_the_processor_page_with_the_secret_of_their_link() {
        var processor = new SimulatedPaymentProcessor(Mode.MANUAL, outcomes, links);
        assertThat(processor.submit(request)).contains(URI.create("/payment-processor/" + paymentId + "?secret=secret-1"));
        assertThat(answers).isEmpty();
    }

    @Test
    void submitting_the_same_payment_again_issues_a_new_link_that_replaces_the_earlier_one() {
        var processor = new SimulatedPaymentProcessor(Mode.MANUAL, outcomes, links);
        processor.submit(request);
        assertThat(processor.submit(request)).contains(URI.create("/payment-processor/" + paymentId + "?secret=secret-2"));
        assertThat(links.opens(paymentId, "secret-1")).isFalse();
        assertThat(links.opens(paymentId, "secret-2")).isTrue();
    }

    @Test
    void in_auto_accept_mode_every_payment_is_accepted_at_once() {
        var processor = new SimulatedPaymentProcessor(Mode.AUTO_ACCEPT, outcomes, links);
        assertThat(processor.submit(request)).isEmpty();
        assertThat(answers).containsExactly("accepted " + paymentId);
        assertThat(issued).isEmpty();
    }

    @Test
    void in_auto_reject_mode_every_payment_is_rejected_at_once() {
        var processor = new SimulatedPaymentProcessor(Mode.AUTO_REJECT, outcomes, links);
        assertThat(processor.submit(request)).isEmpty();
        assertThat(answers).containsExactly("rejected " + paymentId);
    }
}

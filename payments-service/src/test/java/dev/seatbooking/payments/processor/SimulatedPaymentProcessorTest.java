package dev.seatbooking.payments.processor;

import dev.seatbooking.contracts.Money;
import dev.seatbooking.payments.processor.PaymentProcessor.PaymentRequest;
import dev.seatbooking.payments.processor.PaymentProcessor.RefundRequest;
import dev.seatbooking.payments.processor.SimulatedPaymentProcessor.Mode;
import dev.seatbooking.payments.processor.SimulatedPaymentProcessor.RefundFailures;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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

    final Map<UUID, UUID> paidOut = new HashMap<>();
    final ProcessorRefunds books = new ProcessorRefunds() {
        @Override
        public boolean paidOut(UUID refundId, UUID payment, Money amount) {
            return paidOut.putIfAbsent(refundId, payment) == null;
        }

        @Override
        public int timesPaidOut(UUID payment) {
            return (int) paidOut.values().stream().filter(payment::equals).count();
        }
    };

    @Test
    void in_manual_mode_the_payer_answers_on_the_processor_page_with_the_secret_of_their_link() {
        var processor = new SimulatedPaymentProcessor(Mode.MANUAL, outcomes, links, books, RefundFailures.NONE);
        assertThat(processor.submit(request)).contains(URI.create("/payment-processor/" + paymentId + "?secret=secret-1"));
        assertThat(answers).isEmpty();
    }

    @Test
    void submitting_the_same_payment_again_issues_a_new_link_that_replaces_the_earlier_one() {
        var processor = new SimulatedPaymentProcessor(Mode.MANUAL, outcomes, links, books, RefundFailures.NONE);
        processor.submit(request);
        assertThat(processor.submit(request)).contains(URI.create("/payment-processor/" + paymentId + "?secret=secret-2"));
        assertThat(links.opens(paymentId, "secret-1")).isFalse();
        assertThat(links.opens(paymentId, "secret-2")).isTrue();
    }

    @Test
    void in_auto_accept_mode_every_payment_is_accepted_at_once() {
        var processor = new SimulatedPaymentProcessor(Mode.AUTO_ACCEPT, outcomes, links, books, RefundFailures.NONE);
        assertThat(processor.submit(request)).isEmpty();
        assertThat(answers).containsExactly("accepted " + paymentId);
        assertThat(issued).isEmpty();
    }

    @Test
    void in_auto_reject_mode_every_payment_is_rejected_at_once() {
        var processor = new SimulatedPaymentProcessor(Mode.AUTO_REJECT, outcomes, links, books, RefundFailures.NONE);
        assertThat(processor.submit(request)).isEmpty();
        assertThat(answers).containsExactly("rejected " + paymentId);
    }

    @Test
    void a_refund_is_paid_out_once_however_often_it_is_asked_for() {
        var processor = new SimulatedPaymentProcessor(Mode.MANUAL, outcomes, links, books, RefundFailures.NONE);
        var refund = new RefundRequest(UUID.randomUUID(), paymentId, Money.of("10.00", "EUR"));

        processor.refund(refund);
        processor.refund(refund);

        assertThat(books.timesPaidOut(paymentId)).isEqualTo(1);
    }

    @Test
    void failing_the_first_attempts_fails_each_refund_that_many_times_then_pays_it() {
        var processor = new SimulatedPaymentProcessor(Mode.MANUAL, outcomes, links, books, new RefundFailures(2, false));
        var refund = new RefundRequest(UUID.randomUUID(), paymentId, Money.of("10.00", "EUR"));

        assertThatThrownBy(() -> processor.refund(refund)).isInstanceOf(RefundNotDone.class);
        assertThatThrownBy(() -> processor.refund(refund)).isInstanceOf(RefundNotDone.class);
        processor.refund(refund);

        assertThat(books.timesPaidOut(paymentId)).isEqualTo(1);
    }

    @Test
    void failing_always_never_pays_out() {
        var processor = new SimulatedPaymentProcessor(Mode.MANUAL, outcomes, links, books, new RefundFailures(0, true));
        var refund = new RefundRequest(UUID.randomUUID(), paymentId, Money.of("10.00", "EUR"));

        for (int i = 0; i < 3; i++) {
            assertThatThrownBy(() -> processor.refund(refund)).isInstanceOf(RefundNotDone.class);
        }
        assertThat(books.timesPaidOut(paymentId)).isZero();
    }
}

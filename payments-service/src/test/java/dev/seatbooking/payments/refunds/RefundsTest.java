package dev.seatbooking.payments.refunds;

import dev.seatbooking.contracts.Envelope;
import dev.seatbooking.contracts.registration.OrderEvent.OrderCancelled.CancelledBy;
import dev.seatbooking.payments.processor.ProcessorRefunds;
import dev.seatbooking.payments.processor.SimulatedPaymentProcessor;
import dev.seatbooking.payments.processor.SimulatedPaymentProcessor.RefundFailures;
import dev.seatbooking.payments.support.PaymentsServiceTest;
import dev.seatbooking.payments.support.TestOrder;
import dev.seatbooking.testinfra.TestCredentials;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.hasItem;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Refunds that happen: every payment whose money must go back is refunded through the processor, once, whatever
 * fails or repeats on the way; the registrant sees it on the order's payments, operators in their list.
 */
class RefundsTest extends PaymentsServiceTest {

    @Autowired
    SimulatedPaymentProcessor processor;
    @Autowired
    ProcessorRefunds processorBooks;
    @Autowired
    Refunds refunds;

    @AfterEach
    void processor_refunds_again() {
        processor.refundFailures(RefundFailures.NONE);
    }

    @Test
    void a_late_payment_is_refunded() throws Exception {
        TestOrder order = givenOrder("120.00");
        UUID paymentId = UUID.randomUUID();
        start(paymentId, order, "120.00").andExpect(status().isCreated());
        order.expire();
        awaitApplied(order);

        accept(paymentId).andExpect(jsonPath("$.refundReason").value("ORDER_EXPIRED"));

        awaitRefunded(paymentId);
        assertThat(refundEvents(paymentId)).containsExactly("payments.RefundRequested", "payments.RefundCompleted");
        payment(paymentId, order)
                .andExpect(jsonPath("$.refund.state").value("COMPLETED"))
                .andExpect(jsonPath("$.refund.reason").value("ORDER_EXPIRED"))
                .andExpect(jsonPath("$.refund.amount.amount").value(120.00));
    }

    @Test
    void the_second_payment_of_an_order_confirmed_with_the_first_is_refunded() throws Exception {
        TestOrder order = givenOrder("80.00");
        UUID first = UUID.randomUUID();
        UUID second = UUID.randomUUID();
        start(first, order, "80.00").andExpect(status().isCreated());
        start(second, order, "80.00").andExpect(status().isCreated());
        accept(first);
        accept(second);

        order.confirmWith(first);

        awaitRefunded(second);
        assertThat(processorBooks.timesPaidOut(first)).isZero();
        mvc.perform(get("/api/orders/{id}", order.orderId()).header(ACCESS_CODE, order.accessCode()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.payments[?(@.paymentId == '%s')].refund.state", second).value("COMPLETED"))
                .andExpect(jsonPath("$.payments[?(@.paymentId == '%s')].refund.reason", second)
                        .value("ORDER_ALREADY_PAID"))
                .andExpect(jsonPath("$.payments[?(@.paymentId == '%s')].refundDue", first).value(false));
    }

    @Test
    void a_cancelled_order_s_payment_is_refunded() throws Exception {
        TestOrder order = givenOrder("99.50");
        UUID paymentId = paidAndConfirmed(order, "99.50");

        order.cancel(CancelledBy.OWNER);

        awaitRefunded(paymentId);
        payment(paymentId, order)
                .andExpect(jsonPath("$.refundReason").value("ORDER_CANCELLED"))
                .andExpect(jsonPath("$.refund.state").value("COMPLETED"));
        mvc.perform(get("/api/admin/refunds").header("Authorization", TestCredentials.opsAuthorization())
                        .param("conferenceId", order.conferenceId().toString()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[*].paymentId", hasItem(paymentId.toString())))
                .andExpect(jsonPath("$[0].attempts").value(1));
    }

    @Test
    void a_cancelled_free_order_has_nothing_to_refund() throws Exception {
        TestOrder order = givenOrder(eur("0.00"), true);
        order.publish(new dev.seatbooking.contracts.registration.OrderEvent.OrderConfirmed(order.orderId(), true));
        Envelope cancelled = order.cancel(CancelledBy.REGISTRANT);

        awaitProcessed(cancelled.messageId());
        assertThat(jdbc.queryForObject("SELECT count(*) FROM refunds WHERE order_id = ?", Integer.class,
                order.orderId())).isZero();
    }

    @Test
    void a_refund_the_processor_fails_twice_is_retried_and_completed_once() throws Exception {
        processor.refundFailures(new RefundFailures(2, false));
        TestOrder order = givenOrder("45.00");
        UUID paymentId = paidAndConfirmed(order, "45.00");

        order.cancel(CancelledBy.REGISTRANT);

        awaitRefunded(paymentId);
        assertThat(refundEvents(paymentId)).containsExactly("payments.RefundRequested", "payments.RefundFailed",
                "payments.RefundFailed", "payments.RefundCompleted");
        assertThat(jdbc.queryForList("""
                SELECT (payload->>'attempt') || ' ' || (payload->>'willRetry') FROM events
                WHERE stream_type = 'refund' AND event_type = 'payments.RefundFailed' AND payload->>'paymentId' = ?
                ORDER BY version""", String.class, paymentId.toString())).containsExactly("1 true", "2 true");
    }

    @Test
    void a_refund_the_processor_always_fails_is_given_up_after_its_last_attempt() throws Exception {
        processor.refundFailures(new RefundFailures(0, true));
        TestOrder order = givenOrder("45.00");
        UUID paymentId = UUID.randomUUID();
        start(paymentId, order, "45.00").andExpect(status().isCreated());
        order.expire();
        awaitApplied(order);
        accept(paymentId);

        await().atMost(PATIENCE).until(() -> "FAILED".equals(refundState(paymentId)));
        assertThat(refundEvents(paymentId)).hasSize(11).last().isEqualTo("payments.RefundFailed");
        assertThat(processorBooks.timesPaidOut(paymentId)).isZero();
        payment(paymentId, order).andExpect(jsonPath("$.refund.state").value("FAILED"));
    }

    @RepeatedTest(3)
    void a_cancellation_delivered_twice_at_once_refunds_once() throws Exception {
        TestOrder order = givenOrder("30.00");
        UUID paymentId = paidAndConfirmed(order, "30.00");
        Envelope cancelled = order.cancel(CancelledBy.OWNER);

        CountDownLatch go = new CountDownLatch(1);
        try (ExecutorService threads = Executors.newFixedThreadPool(4)) {
            List<Future<?>> all = List.of(
                    threads.submit(() -> { go.await(); return TestOrder.resend(cancelled); }),
                    threads.submit(() -> { go.await(); return TestOrder.resend(cancelled); }),
                    threads.submit(() -> { go.await(); return refunds.attemptDue(); }),
                    threads.submit(() -> { go.await(); return refunds.attemptDue(); }));
            go.countDown();
            for (Future<?> f : all) f.get();
        }

        awaitRefunded(paymentId);
        awaitProcessed(cancelled.messageId());
        assertThat(refundEvents(paymentId)).containsExactly("payments.RefundRequested", "payments.RefundCompleted");
        assertThat(processorBooks.timesPaidOut(paymentId)).isEqualTo(1);
    }

    /** The registrant paid the order and registration confirmed it with that payment. */
    private UUID paidAndConfirmed(TestOrder order, String total) throws Exception {
        UUID paymentId = UUID.randomUUID();
        start(paymentId, order, total).andExpect(status().isCreated());
        accept(paymentId);
        order.confirmWith(paymentId);
        return paymentId;
    }

    /** Waits until the payment's refund completed, and checks the processor paid it out once. */
    private void awaitRefunded(UUID paymentId) {
        await().atMost(PATIENCE).until(() -> "COMPLETED".equals(refundState(paymentId)));
        assertThat(processorBooks.timesPaidOut(paymentId)).isEqualTo(1);
    }

    private String refundState(UUID paymentId) {
        return jdbc.queryForList("SELECT state FROM refunds WHERE payment_id = ?", String.class, paymentId).stream()
                .findFirst().orElse(null);
    }

    /** The event types of the payment's refund stream, in order. */
    private List<String> refundEvents(UUID paymentId) {
        return jdbc.queryForList("""
                SELECT event_type FROM events WHERE stream_type = 'refund' AND payload->>'paymentId' = ?
                ORDER BY version""", String.class, paymentId.toString());
    }
}

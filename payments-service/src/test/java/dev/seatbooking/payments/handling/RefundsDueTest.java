package dev.seatbooking.payments.handling;

import dev.seatbooking.testinfra.TestCredentials;
import dev.seatbooking.payments.support.PaymentsServiceTest;
import dev.seatbooking.payments.support.TestOrder;
import dev.seatbooking.payments.domain.PaymentStatus;
import dev.seatbooking.contracts.payments.RefundReason;
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
 * Races the refusals cannot catch: the money arrived for an order that cannot take it. The payment is kept as
 * completed (its PaymentCompleted is published: registration flags it too) and marked as due for refund, visible in
 * its status and in the refund list.
 */
class RefundsDueTest extends PaymentsServiceTest {

    @Autowired
    PaymentRecords records;
    @Autowired
    PaymentCommandHandler handler;

    @Test
    void a_payment_the_payer_accepts_after_the_order_expired_is_due_for_refund() throws Exception {
        TestOrder order = givenOrder("120.00");
        UUID paymentId = UUID.randomUUID();
        start(paymentId, order, "120.00").andExpect(status().isCreated());
        order.expire();
        awaitApplied(order);

        accept(paymentId)
                .andExpect(status().isAccepted())
                .andExpect(jsonPath("$.status").value("COMPLETED"))
                .andExpect(jsonPath("$.refundDue").value(true))
                .andExpect(jsonPath("$.refundReason").value("ORDER_EXPIRED"));
        mvc.perform(get("/api/admin/payments").header("Authorization", TestCredentials.opsAuthorization()).param("refundDue", "true"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[*].paymentId", hasItem(paymentId.toString())));
    }

    @Test
    void a_completed_payment_whose_order_then_expires_is_due_for_refund() throws Exception {
        TestOrder order = givenOrder("120.00");
        UUID paymentId = UUID.randomUUID();
        start(paymentId, order, "120.00").andExpect(status().isCreated());
        accept(paymentId).andExpect(jsonPath("$.refundDue").value(false));

        order.expire(); // registration's process manager expired the order before it saw PaymentCompleted

        await().atMost(PATIENCE).until(() -> records.find(paymentId).orElseThrow().refundDue());
        payment(paymentId, order)
                .andExpect(jsonPath("$.status").value("COMPLETED"))
                .andExpect(jsonPath("$.refundReason").value("ORDER_EXPIRED"));
    }

    @Test
    void the_second_of_two_payments_started_together_is_due_for_refund_once_the_order_is_confirmed_with_the_first()
            throws Exception {
        TestOrder order = givenOrder("120.00");
        UUID first = UUID.randomUUID();
        UUID second = UUID.randomUUID();
        start(first, order, "120.00").andExpect(status().isCreated());
        start(second, order, "120.00").andExpect(status().isCreated());

        accept(first).andExpect(jsonPath("$.refundDue").value(false));
        accept(second).andExpect(jsonPath("$.refundDue").value(false)); // registration decides which one it applies
        order.confirmWith(first);

        await().atMost(PATIENCE).until(() -> records.find(second).orElseThrow().refundDue());
        payment(second, order)
                .andExpect(jsonPath("$.status").value("COMPLETED"))
                .andExpect(jsonPath("$.refundReason").value("ORDER_ALREADY_PAID"));
        assertThat(records.find(first).orElseThrow().refundDue()).isFalse();
    }

    /** Repeated: one round may not interleave the completions; several rounds with a start latch do. */
    @RepeatedTest(5)
    void of_payments_of_one_order_completing_at_the_same_time_only_the_one_registration_applied_is_kept()
            throws Exception {
        TestOrder order = givenOrder("120.00");
        List<UUID> payments = List.of(UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID());
        for (UUID paymentId : payments) start(paymentId, order, "120.00").andExpect(status().isCreated());

        completeAllAtOnce(payments);
        order.confirmWith(payments.get(1));

        await().atMost(PATIENCE).until(() -> records.list(order.orderId(), false, 10).stream()
                .filter(PaymentRecord::refundDue).count() == 2);
        List<PaymentRecord> completed = records.list(order.orderId(), false, 10);
        assertThat(completed).extracting(PaymentRecord::status).containsOnly(PaymentStatus.COMPLETED);
        assertThat(completed).filteredOn(p -> !p.refundDue()).extracting(PaymentRecord::paymentId)
                .containsExactly(payments.get(1));
        assertThat(completed).filteredOn(PaymentRecord::refundDue).hasSize(2)
                .extracting(PaymentRecord::refundReason)
                .containsOnly(RefundReason.ORDER_ALREADY_PAID);
    }

    /**
     * Repeated, with a start latch: the completion and registration's confirmation contend for the order's row, and
     * whichever comes second marks the payment refund due.
     */
    @RepeatedTest(5)
    void a_payment_completing_while_the_order_is_confirmed_with_another_is_due_for_refund() throws Exception {
        TestOrder order = givenOrder("120.00");
        UUID applied = UUID.randomUUID();
        UUID other = UUID.randomUUID();
        start(applied, order, "120.00").andExpect(status().isCreated());
        start(other, order, "120.00").andExpect(status().isCreated());
        accept(applied).andExpect(status().isAccepted());

        CountDownLatch go = new CountDownLatch(1);
        ExecutorService pool = Executors.newSingleThreadExecutor();
        try {
            Future<PaymentCommandHandler.Handled> completion = pool.submit(() -> {
                go.await();
                return handler.complete(other);
            });
            go.countDown();
            order.confirmWith(applied);
            completion.get();
        } finally {
            pool.shutdownNow();
        }

        await().atMost(PATIENCE).until(() -> records.find(other).orElseThrow().refundDue());
        assertThat(records.find(other).orElseThrow().refundReason()).isEqualTo(RefundReason.ORDER_ALREADY_PAID);
        assertThat(records.find(applied).orElseThrow().refundDue()).isFalse();
    }

    /** Each completion on its own thread, all released by one latch, so that they contend for the order. */
    private void completeAllAtOnce(List<UUID> payments) throws Exception {
        CountDownLatch go = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(payments.size());
        try {
            List<Future<PaymentCommandHandler.Handled>> completions = payments.stream()
                    .map(id -> pool.submit(() -> {
                        go.await();
                        return handler.complete(id);
                    }))
                    .toList();
            go.countDown();
            for (Future<PaymentCommandHandler.Handled> done : completions) done.get();
        } finally {
            pool.shutdownNow();
        }
    }
}

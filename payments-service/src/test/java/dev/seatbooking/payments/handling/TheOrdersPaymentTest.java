package dev.seatbooking.payments.handling;

import dev.seatbooking.contracts.payments.RefundReason;
import dev.seatbooking.payments.support.PaymentsServiceTest;
import dev.seatbooking.payments.support.TestOrder;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.endsWith;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Registration decides which payment confirmed the order ({@code OrderConfirmed.paymentId}); payments keeps that one
 * and marks every other completed payment of the order refund due, whichever of the completions and the
 * confirmation it sees first. Until the order is confirmed (or expires), a completed payment registration did not
 * apply does not keep the registrant from paying again.
 */
class TheOrdersPaymentTest extends PaymentsServiceTest {

    @Autowired
    PaymentRecords records;

    @Test
    void the_payment_registration_confirmed_the_order_with_is_kept_and_the_one_completed_before_it_is_due_back()
            throws Exception {
        TestOrder order = givenOrder("120.00");
        UUID notApplied = startedPayment(order);
        UUID applied = startedPayment(order);
        accept(notApplied).andExpect(status().isAccepted()); // while registration re-reserved the order's seats
        accept(applied).andExpect(status().isAccepted());

        order.confirmWith(applied);

        await().atMost(PATIENCE).until(() -> records.find(notApplied).orElseThrow().refundDue());
        assertThat(records.find(notApplied).orElseThrow().refundReason()).isEqualTo(RefundReason.ORDER_ALREADY_PAID);
        assertThat(records.find(applied).orElseThrow().refundDue()).as("the payment that confirmed the order").isFalse();
    }

    @Test
    void a_payment_completing_after_the_order_was_confirmed_with_another_is_due_back() throws Exception {
        TestOrder order = givenOrder("120.00");
        UUID late = startedPayment(order);
        UUID applied = completedPayment(order);
        order.confirmWith(applied);
        awaitApplied(order);

        accept(late)
                .andExpect(jsonPath("$.status").value("COMPLETED"))
                .andExpect(jsonPath("$.refundReason").value("ORDER_ALREADY_PAID"));
        assertThat(records.find(applied).orElseThrow().refundDue()).isFalse();
    }

    @Test
    void a_completed_payment_registration_did_not_apply_does_not_keep_the_registrant_from_paying_again()
            throws Exception {
        TestOrder order = givenOrder("120.00");
        completedPayment(order);

        start(UUID.randomUUID(), order, "120.00").andExpect(status().isCreated());
    }

    @Test
    void once_the_order_is_confirmed_no_payment_starts() throws Exception {
        TestOrder order = givenOrder("120.00");
        UUID applied = completedPayment(order);
        order.confirmWith(applied);
        awaitApplied(order);

        start(UUID.randomUUID(), order, "120.00")
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.type").value(endsWith("/order-already-paid")))
                .andExpect(jsonPath("$.paidBy").value(applied.toString()));
    }

    @Test
    void every_completed_payment_of_an_order_that_expires_is_due_back() throws Exception {
        TestOrder order = givenOrder("120.00");
        UUID first = startedPayment(order);
        UUID second = startedPayment(order);
        accept(first).andExpect(status().isAccepted());
        accept(second).andExpect(status().isAccepted());

        order.expire();

        await().atMost(PATIENCE).until(() -> records.find(first).orElseThrow().refundDue()
                && records.find(second).orElseThrow().refundDue());
        assertThat(records.find(first).orElseThrow().refundReason()).isEqualTo(RefundReason.ORDER_EXPIRED);
        assertThat(records.find(second).orElseThrow().refundReason()).isEqualTo(RefundReason.ORDER_EXPIRED);
    }

    private UUID startedPayment(TestOrder order) throws Exception {
        UUID paymentId = UUID.randomUUID();
        start(paymentId, order, "120.00").andExpect(status().isCreated());
        return paymentId;
    }

    private UUID completedPayment(TestOrder order) throws Exception {
        UUID paymentId = startedPayment(order);
        accept(paymentId).andExpect(status().isAccepted());
        return paymentId;
    }
}

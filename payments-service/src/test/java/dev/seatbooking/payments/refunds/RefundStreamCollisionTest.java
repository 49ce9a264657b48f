package dev.seatbooking.payments.refunds;

import dev.seatbooking.contracts.registration.OrderEvent.OrderCancelled.CancelledBy;
import dev.seatbooking.payments.domain.Refund;
import dev.seatbooking.payments.processor.ProcessorRefunds;
import dev.seatbooking.payments.support.PaymentsServiceTest;
import dev.seatbooking.payments.support.TestOrder;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The client chooses a payment's id, and a payment's refund is the stream {@link Refund#idOf} of the payment's id, in
 * the same event store: anyone who knows a payment's id (ids are no secret, ADR 9) can compute its refund's. A
 * payment started under that id must be refused, and must never keep the other payment's money from going back.
 */
class RefundStreamCollisionTest extends PaymentsServiceTest {

    @Autowired
    ProcessorRefunds processorBooks;

    @Test
    void a_payment_under_the_id_of_another_payments_refund_does_not_keep_that_money() throws Exception {
        TestOrder victim = givenOrder("99.50");
        UUID victimPayment = UUID.randomUUID();
        start(victimPayment, victim, "99.50").andExpect(status().isCreated());
        accept(victimPayment);
        victim.confirmWith(victimPayment);
        awaitApplied(victim);

        // The attacker's own order (any priced order anyone can place), paid with the victim's refund's id.
        TestOrder attacker = givenOrder("1.00");
        int attack = start(Refund.idOf(victimPayment), attacker, "1.00").andReturn().getResponse().getStatus();

        victim.cancel(CancelledBy.REGISTRANT);

        await().atMost(PATIENCE).until(() -> "COMPLETED".equals(jdbc.query(
                "SELECT state FROM refunds WHERE payment_id = ?", (rs, n) -> rs.getString(1), victimPayment)
                .stream().findFirst().orElse(null)));
        assertThat(processorBooks.timesPaidOut(victimPayment)).isEqualTo(1);
        assertThat(attack).isBetween(400, 499);
    }
}

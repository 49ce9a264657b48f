package dev.seatbooking.conference.refunds;

import dev.seatbooking.conference.support.AdminApi.Owner;
import dev.seatbooking.conference.support.IntegrationTest;
import dev.seatbooking.conference.support.RegistrationEvents;
import dev.seatbooking.contracts.Envelope;
import dev.seatbooking.contracts.Money;
import dev.seatbooking.contracts.payments.PaymentEvent.PaymentCompleted;
import dev.seatbooking.contracts.payments.RefundEvent.RefundCompleted;
import dev.seatbooking.contracts.payments.RefundEvent.RefundFailed;
import dev.seatbooking.contracts.payments.RefundEvent.RefundRequested;
import dev.seatbooking.contracts.payments.RefundReason;
import dev.seatbooking.contracts.registration.OrderEvent.OrderPlaced;
import dev.seatbooking.contracts.registration.OrderEvent.OrderRegistrantAssigned;
import dev.seatbooking.contracts.registration.SeatQuantity;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.ResultActions;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static dev.seatbooking.conference.support.AdminApi.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;

/**
 * Payments' refund events, sent to the real broker, become the owner's list of refunds: each event's effect, the
 * order's registrant when registration told of it, newest first, a redelivered event without a second effect and
 * events consumed out of their stream's order without taking a refund back.
 */
class RefundsTest extends IntegrationTest {

    private static final Duration CONSUMED = Duration.ofSeconds(30);
    private static final Money AMOUNT = Money.of("150", "EUR");

    @Autowired
    JdbcTemplate jdbc;

    private final RegistrationEvents payments = RegistrationEvents.payments();
    private final RegistrationEvents registration = new RegistrationEvents();
    private Owner owner;

    @BeforeEach
    void conference() throws Exception {
        owner = api().createConference();
    }

    @AfterEach
    void close() {
        payments.close();
        registration.close();
    }

    @Test
    void a_requested_refund_is_listed_with_its_order_and_registrant() throws Exception {
        UUID order = UUID.randomUUID();
        registration.send(order, 1, new OrderPlaced(order, owner.conferenceId(), List.of(new SeatQuantity(
                UUID.randomUUID(), 1)), Instant.now().plusSeconds(900), "ABC123"));
        registration.send(order, 2, new OrderRegistrantAssigned(order, "Grace", "Hopper", "grace@example.org"));
        await().atMost(CONSUMED).until(() -> jdbc.queryForObject(
                "SELECT count(*) FROM orders WHERE registrant_email IS NOT NULL AND order_id = ?", Integer.class,
                order) == 1);
        UUID refund = UUID.randomUUID();
        UUID payment = UUID.randomUUID();
        payments.send(refund, 1, requested(refund, payment, order, RefundReason.ORDER_CANCELLED));

        awaitState(0, "REQUESTED");
        refunds().andExpect(jsonPath("$[0].refundId").value(refund.toString()))
                .andExpect(jsonPath("$[0].paymentId").value(payment.toString()))
                .andExpect(jsonPath("$[0].orderId").value(order.toString()))
                .andExpect(jsonPath("$[0].registrant.email").value("grace@example.org"))
                .andExpect(jsonPath("$[0].registrant.lastName").value("Hopper"))
                .andExpect(jsonPath("$[0].amount.amount").value(150))
                .andExpect(jsonPath("$[0].amount.currency").value("EUR"))
                .andExpect(jsonPath("$[0].reason").value("ORDER_CANCELLED"))
                .andExpect(jsonPath("$[0].willRetry").value(false))
                .andExpect(jsonPath("$[0].attempts").value(0))
                .andExpect(jsonPath("$[0].lastError").value(nullValue()))
                .andExpect(jsonPath("$[0].requestedAt").isNotEmpty())
                .andExpect(jsonPath("$[0].completedAt").value(nullValue()));
    }

    @Test
    void a_failed_attempt_that_will_be_retried_then_the_completion_are_shown_with_attempts_and_error()
            throws Exception {
        UUID refund = UUID.randomUUID();
        UUID payment = UUID.randomUUID();
        payments.send(refund, 1, requested(refund, payment, UUID.randomUUID(), RefundReason.ORDER_EXPIRED));
        payments.send(refund, 2, new RefundFailed(refund, payment, owner.conferenceId(), AMOUNT, "processor down", 1,
                true));

        awaitState(0, "FAILED");
        refunds().andExpect(jsonPath("$[0].willRetry").value(true))
                .andExpect(jsonPath("$[0].attempts").value(1))
                .andExpect(jsonPath("$[0].lastError").value("processor down"));

        payments.send(refund, 3, new RefundCompleted(refund, payment, owner.conferenceId(), AMOUNT));
        awaitState(0, "COMPLETED");
        refunds().andExpect(jsonPath("$[0].willRetry").value(false))
                .andExpect(jsonPath("$[0].attempts").value(2))
                .andExpect(jsonPath("$[0].lastError").value("processor down"))
                .andExpect(jsonPath("$[0].completedAt").isNotEmpty());
    }

    @Test
    void a_refund_payments_gave_up_on_is_failed_without_retry() throws Exception {
        UUID refund = UUID.randomUUID();
        UUID payment = UUID.randomUUID();
        payments.send(refund, 1, requested(refund, payment, null, RefundReason.ORDER_ALREADY_PAID));
        payments.send(refund, 2, new RefundFailed(refund, payment, owner.conferenceId(), AMOUNT, "card closed", 1,
                false));

        awaitState(0, "FAILED");
        refunds().andExpect(jsonPath("$[0].willRetry").value(false))
                .andExpect(jsonPath("$[0].orderId").value(nullValue()))
                .andExpect(jsonPath("$[0].registrant").value(nullValue()))
                .andExpect(jsonPath("$[0].lastError").value("card closed"));
    }

    @Test
    void a_redelivered_event_has_no_second_effect() throws Exception {
        UUID refund = UUID.randomUUID();
        UUID payment = UUID.randomUUID();
        payments.send(refund, 1, requested(refund, payment, UUID.randomUUID(), RefundReason.ORDER_CANCELLED));
        Envelope failed = payments.send(refund, 2, new RefundFailed(refund, payment, owner.conferenceId(), AMOUNT,
                "timeout", 1, true));
        payments.send(refund, 3, new RefundCompleted(refund, payment, owner.conferenceId(), AMOUNT));
        payments.send(failed); // Kafka delivers it again, after the completion

        awaitState(0, "COMPLETED");
        await().atMost(CONSUMED).until(() -> jdbc.queryForObject(
                "SELECT count(*) FROM inbox WHERE consumer = ? AND message_id = ?", Integer.class,
                PaymentEventsConsumer.CONSUMER, failed.messageId()) == 1);
        refunds().andExpect(jsonPath("$", hasSize(1)))
                .andExpect(jsonPath("$[0].state").value("COMPLETED"))
                .andExpect(jsonPath("$[0].attempts").value(2));
    }

    @Test
    void events_consumed_out_of_their_order_do_not_take_the_refund_back() throws Exception {
        UUID refund = UUID.randomUUID();
        UUID payment = UUID.randomUUID();
        UUID order = UUID.randomUUID();
        payments.send(refund, 3, new RefundCompleted(refund, payment, owner.conferenceId(), AMOUNT));
        payments.send(refund, 2, new RefundFailed(refund, payment, owner.conferenceId(), AMOUNT, "busy", 1, true));
        payments.send(refund, 1, requested(refund, payment, order, RefundReason.ORDER_CANCELLED));

        await().atMost(CONSUMED).untilAsserted(() -> refunds()
                .andExpect(jsonPath("$[0].reason").value("ORDER_CANCELLED")));
        refunds().andExpect(jsonPath("$[0].state").value("COMPLETED"))
                .andExpect(jsonPath("$[0].orderId").value(order.toString()))
                .andExpect(jsonPath("$[0].attempts").value(2))
                .andExpect(jsonPath("$[0].lastError").value("busy"));
    }

    @Test
    void the_newest_refund_comes_first_and_another_conferences_are_not_listed() throws Exception {
        Owner other = api().createConference();
        UUID older = UUID.randomUUID();
        UUID newer = UUID.randomUUID();
        UUID elsewhere = UUID.randomUUID();
        payments.send(older, 1, requested(older, UUID.randomUUID(), null, RefundReason.ORDER_EXPIRED));
        awaitState(0, "REQUESTED");
        payments.send(newer, 1, requested(newer, UUID.randomUUID(), null, RefundReason.ORDER_EXPIRED));
        payments.send(elsewhere, 1, new RefundRequested(elsewhere, UUID.randomUUID(), null, other.conferenceId(),
                AMOUNT, RefundReason.ORDER_EXPIRED));

        await().atMost(CONSUMED).untilAsserted(() -> refunds().andExpect(jsonPath("$", hasSize(2))));
        refunds().andExpect(jsonPath("$[0].refundId").value(newer.toString()))
                .andExpect(jsonPath("$[1].refundId").value(older.toString()));
        await().atMost(CONSUMED).untilAsserted(() -> api().perform(get(other.path() + "/refunds").with(as(other)))
                .andExpect(jsonPath("$", hasSize(1)))
                .andExpect(jsonPath("$[0].refundId").value(elsewhere.toString())));
    }

    @Test
    void a_completed_payment_is_kept_once_and_only_for_a_conference_held_here() {
        UUID order = UUID.randomUUID();
        UUID payment = UUID.randomUUID();
        Envelope paid = payments.send(payment, 2, new PaymentCompleted(payment, order, owner.conferenceId(), AMOUNT));
        payments.send(paid); // Kafka delivers it again
        Envelope republished = Envelope.of(UUID.randomUUID(), paid.payload(), payment, 2, paid.occurredAt());
        payments.send(republished); // payments' relay publishes it again, under another message id
        UUID elsewhere = UUID.randomUUID();
        Envelope unknown = payments.send(elsewhere, 2, new PaymentCompleted(elsewhere, UUID.randomUUID(),
                UUID.randomUUID(), AMOUNT)); // a conference this service does not hold

        for (Envelope consumed : List.of(republished, unknown)) {
            await().atMost(CONSUMED).until(() -> jdbc.queryForObject(
                    "SELECT count(*) FROM inbox WHERE consumer = ? AND message_id = ?", Integer.class,
                    PaymentEventsConsumer.CONSUMER, consumed.messageId()) == 1);
        }
        assertThat(jdbc.queryForList("SELECT order_id, amount, currency FROM payments WHERE payment_id = ?",
                payment)).singleElement().satisfies(row -> {
                    assertThat(row.get("order_id")).isEqualTo(order);
                    assertThat(row.get("amount")).isEqualTo(new java.math.BigDecimal("150.000"));
                    assertThat(row.get("currency")).isEqualTo("EUR");
                });
        assertThat(jdbc.queryForObject("SELECT count(*) FROM payments WHERE payment_id = ?", Integer.class,
                elsewhere)).isZero();
    }

    private RefundRequested requested(UUID refund, UUID payment, UUID order, RefundReason reason) {
        return new RefundRequested(refund, payment, order, owner.conferenceId(), AMOUNT, reason);
    }

    private void awaitState(int index, String state) {
        await().atMost(CONSUMED).untilAsserted(() -> refunds()
                .andExpect(jsonPath("$[" + index + "].state").value(state)));
    }

    private ResultActions refunds() throws Exception {
        return api().perform(get(owner.path() + "/refunds").with(as(owner)));
    }
}

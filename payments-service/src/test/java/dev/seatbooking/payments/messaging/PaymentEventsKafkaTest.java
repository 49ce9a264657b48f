package dev.seatbooking.payments.messaging;

import dev.seatbooking.testinfra.TestCredentials;
import dev.seatbooking.contracts.Envelope;
import dev.seatbooking.contracts.Money;
import dev.seatbooking.contracts.Topics;
import dev.seatbooking.contracts.payments.PaymentEvent;
import dev.seatbooking.contracts.payments.PaymentEvent.PaymentCompleted;
import dev.seatbooking.contracts.payments.PaymentEvent.PaymentInitiated;
import dev.seatbooking.contracts.payments.PaymentEvent.PaymentRejected;
import dev.seatbooking.eventsourcing.messaging.IncomingMessage;
import dev.seatbooking.eventsourcing.spring.MessageConsumers;
import dev.seatbooking.payments.support.PaymentsServiceTest;
import dev.seatbooking.payments.support.TestOrder;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.kafka.listener.ConcurrentMessageListenerContainer;

import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The payment's events leave through the event table (the outbox) and the relay to {@code payments.events}, and
 * arrive as registration will consume them: a consumer built with the foundation's {@link MessageConsumers}
 * (inbox listener, contracts envelope decoder) gets each as an {@link Envelope} keyed by the payment id, and finds
 * the order in {@code paymentSourceId}.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PaymentEventsKafkaTest extends PaymentsServiceTest {

    final List<IncomingMessage<Envelope>> received = new CopyOnWriteArrayList<>();
    ConcurrentMessageListenerContainer<String, byte[]> registration;

    @Autowired
    MessageConsumers consumers;

    @BeforeAll
    void registrationListens() {
        registration = consumers.subscribe("registration-" + UUID.randomUUID(), List.of(Topics.PAYMENTS_EVENTS), 1,
                received::add);
        registration.start();
    }

    @AfterAll
    void registrationStops() {
        registration.stop();
    }

    @Test
    void a_completed_payment_reaches_registration_as_PaymentCompleted_with_its_order_and_amount() throws Exception {
        TestOrder order = givenOrder("250.00");
        UUID paymentId = UUID.randomUUID();
        UUID conversation = UUID.randomUUID();
        remember(mvc.perform(post("/api/payments").contentType(MediaType.APPLICATION_JSON)
                        .header("Order-Access-Code", order.accessCode())
                        .header("Correlation-Id", conversation.toString())
                        .header("Gateway-Token", TestCredentials.GATEWAY_TOKEN) // as the gateway sends it
                        .content("""
                                {"paymentId": "%s", "orderId": "%s", "amount": {"amount": 250, "currency": "EUR"}}
                                """.formatted(paymentId, order.orderId()))))
                .andExpect(status().isCreated());
        accept(paymentId).andExpect(status().isAccepted());

        List<IncomingMessage<Envelope>> events = await().atMost(PATIENCE).until(() -> eventsOf(paymentId),
                list -> list.size() == 2);

        assertThat(events).extracting(m -> m.payload().payload()).containsExactly(
                new PaymentInitiated(paymentId, order.orderId(), order.conferenceId(), Money.of("250.00", "EUR")),
                new PaymentCompleted(paymentId, order.orderId(), order.conferenceId(), Money.of("250.00", "EUR")));
        IncomingMessage<Envelope> completed = events.get(1);
        assertThat(completed.key()).isEqualTo(paymentId.toString());
        assertThat(completed.messageType()).isEqualTo("payments.PaymentCompleted");
        assertThat(completed.correlationId()).isEqualTo(conversation);
        assertThat(completed.payload().aggregateId()).isEqualTo(paymentId);
        assertThat(completed.payload().aggregateVersion()).isEqualTo(2);
        // What registration's handler does with it: find the order it pays.
        assertThat(completed.payload().payload()).isInstanceOfSatisfying(PaymentCompleted.class, paid -> {
            assertThat(paid.paymentSourceId()).isEqualTo(order.orderId());
            assertThat(paid.amount()).isEqualTo(Money.of("250.00", "EUR"));
        });
    }

    @Test
    void a_rejected_payment_reaches_registration_as_PaymentRejected() throws Exception {
        TestOrder order = givenOrder("30.00");
        UUID paymentId = UUID.randomUUID();
        start(paymentId, order, "30.00").andExpect(status().isCreated());
        reject(paymentId).andExpect(status().isAccepted());
        reject(paymentId).andExpect(status().isAccepted()); // a repeat publishes nothing more

        await().atMost(PATIENCE).until(() -> eventsOf(paymentId), list -> list.size() == 2);
        assertThat(eventsOf(paymentId).getLast().payload().payload())
                .isEqualTo(new PaymentRejected(paymentId, order.orderId(), order.conferenceId(), Money.of("30.00", "EUR")));
    }

    private List<IncomingMessage<Envelope>> eventsOf(UUID paymentId) {
        return received.stream()
                .filter(m -> m.payload().payload() instanceof PaymentEvent e && e.paymentId().equals(paymentId))
                .toList();
    }
}

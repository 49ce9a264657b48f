package dev.seatbooking.payments.refunds;

import dev.seatbooking.contracts.AccessCodeHash;
import dev.seatbooking.contracts.Money;
import dev.seatbooking.eventsourcing.store.EventMetadata;
import dev.seatbooking.payments.PaymentsApplication;
import dev.seatbooking.payments.domain.OrderStatus;
import dev.seatbooking.payments.handling.PaymentCommandHandler;
import dev.seatbooking.payments.handling.StartPayment;
import dev.seatbooking.payments.orders.KnownOrders;
import dev.seatbooking.payments.processor.PaymentProcessor;
import dev.seatbooking.payments.processor.ProcessorRefunds;
import dev.seatbooking.payments.processor.SimulatedPaymentProcessor;
import dev.seatbooking.testinfra.TestCredentials;
import dev.seatbooking.contracts.Topics;
import dev.seatbooking.testinfra.TestKafka;
import dev.seatbooking.testinfra.TestPostgres;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.jdbc.core.JdbcTemplate;

import java.net.URI;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Kill -9 in the middle of a refund: the processor paid the money back, and the service died before it recorded
 * that. After a restart the refund completes, once, and the processor paid once.
 */
class RefundAfterRestartTest {

    private static final CountDownLatch PAID_THEN_DIED = new CountDownLatch(1);

    private final TestPostgres.Database database = TestPostgres.newDatabase("payments");

    @Test
    void a_refund_interrupted_after_the_processor_paid_completes_once_after_a_restart() throws Exception {
        UUID paymentId = UUID.randomUUID();
        try (ConfigurableApplicationContext first = start(DiesRightAfterTheProcessorPaid.class)) {
            lateCompletedPayment(first, paymentId);
            assertThat(PAID_THEN_DIED.await(30, TimeUnit.SECONDS)).as("the processor paid").isTrue();
            assertThat(refundState(first, paymentId)).isEqualTo("REQUESTED");
        }

        try (ConfigurableApplicationContext second = start()) {
            await().atMost(Duration.ofSeconds(30)).until(() -> "COMPLETED".equals(refundState(second, paymentId)));
            assertThat(second.getBean(ProcessorRefunds.class).timesPaidOut(paymentId)).isEqualTo(1);
            assertThat(second.getBean(JdbcTemplate.class).queryForList("""
                    SELECT event_type FROM events WHERE stream_type = 'refund' ORDER BY version""", String.class))
                    .containsExactly("payments.RefundRequested", "payments.RefundCompleted");
        }
    }

    /** A payment the payer accepted after its order expired: its refund is requested at once. */
    private static void lateCompletedPayment(ConfigurableApplicationContext app, UUID paymentId) {
        KnownOrders orders = app.getBean(KnownOrders.class);
        UUID orderId = UUID.randomUUID();
        Money total = Money.of("60.00", "EUR");
        orders.placed(orderId, UUID.randomUUID(), AccessCodeHash.of("RESTART1"), 1);
        orders.totalsCalculated(orderId, total, false, 2);
        PaymentCommandHandler payments = app.getBean(PaymentCommandHandler.class);
        payments.start(new StartPayment(paymentId, orderId, null, "Registration", total, List.of()),
                new EventMetadata(UUID.randomUUID(), null, "test"));
        orders.statusChanged(orderId, OrderStatus.EXPIRED, 3);
        payments.complete(paymentId);
    }

    private static String refundState(ConfigurableApplicationContext app, UUID paymentId) {
        return app.getBean(JdbcTemplate.class).queryForList("SELECT state FROM refunds WHERE payment_id = ?",
                String.class, paymentId).stream().findFirst().orElse(null);
    }

    private ConfigurableApplicationContext start(Class<?>... sources) {
        Map<String, Object> properties = new LinkedHashMap<>();
        properties.put("spring.datasource.url", database.jdbcUrl());
        properties.put("spring.datasource.username", database.username());
        properties.put("spring.datasource.password", database.password());
        TestKafka.ensureTopics(Topics.all());
        properties.put("spring.kafka.bootstrap-servers", TestKafka.bootstrapServers());
        properties.put("seatbooking.ops.password", TestCredentials.OPS_PASSWORD);
        properties.put("seatbooking.gateway.token", TestCredentials.GATEWAY_TOKEN);
        properties.put("server.port", 0);
        properties.put("seatbooking.payments.refunds.poll-interval", "100ms");
        // The refund the dead instance held is tried again once its lease runs out.
        properties.put("seatbooking.payments.refunds.lease", "1s");
        Class<?>[] all = new Class<?>[sources.length + 1];
        all[0] = PaymentsApplication.class;
        System.arraycopy(sources, 0, all, 1, sources.length);
        return new SpringApplicationBuilder(all).run(properties.entrySet().stream()
                .map(e -> "--" + e.getKey() + "=" + e.getValue()).toArray(String[]::new));
    }

    /** The process "dies" (an Error nothing catches ends the refund worker) right after the processor paid. */
    static class DiesRightAfterTheProcessorPaid {

        @Bean
        @Primary
        PaymentProcessor diesRightAfterTheProcessorPaid(SimulatedPaymentProcessor simulated) {
            return new PaymentProcessor() {
                @Override
                public Optional<URI> submit(PaymentRequest payment) {
                    return simulated.submit(payment);
                }

                @Override
                public void refund(RefundRequest refund) {
                    simulated.refund(refund);
                    PAID_THEN_DIED.countDown();
                    throw new Killed();
                }
            };
        }
    }

    static final class Killed extends Error {
        Killed() {
            super("kill -9", null, false, false);
        }
    }
}

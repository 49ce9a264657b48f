package dev.seatbooking.payments.support;

import dev.seatbooking.testinfra.TestCredentials;
import com.jayway.jsonpath.JsonPath;
import dev.seatbooking.contracts.Money;
import dev.seatbooking.payments.PaymentsApplication;
import dev.seatbooking.payments.orders.KnownOrders;
import dev.seatbooking.contracts.Topics;
import dev.seatbooking.testinfra.TestKafka;
import dev.seatbooking.testinfra.TestPostgres;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.web.util.UriComponentsBuilder;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * The one application context of this module's integration tests (every subclass shares it through Spring's
 * test-context cache): the whole service on a fresh database of the shared real PostgreSQL and the shared real
 * Kafka broker, the simulated processor in manual mode. Tests isolate themselves with fresh order and payment ids.
 * Tests drive the API with MockMvc; the service also listens on a random port, for the tests that need the real
 * HTTP server (the fuzz test's raw requests, which Tomcat parses before any servlet).
 */
@SpringBootTest(classes = PaymentsApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureMockMvc
public abstract class PaymentsServiceTest {

    protected static final Duration PATIENCE = Duration.ofSeconds(30);
    protected static final String ACCESS_CODE = "Order-Access-Code";

    /** Failed code checks one order takes in a window here (see {@link #infrastructure}). */
    protected static final int FAILURES_PER_ORDER = 100;

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        TestPostgres.Database database = TestPostgres.newDatabase("payments");
        registry.add("spring.datasource.url", database::jdbcUrl);
        registry.add("spring.datasource.username", database::username);
        registry.add("spring.datasource.password", database::password);
        registry.add("seatbooking.ops.password", () -> TestCredentials.OPS_PASSWORD);
        registry.add("seatbooking.gateway.token", () -> TestCredentials.GATEWAY_TOKEN);
        // Many tests send wrong codes on purpose, all from one address: the per-client count is generous here, the
        // per-order count high enough for the fuzz test's wrong codes on its one order, and tripped on purpose by
        // PaymentsApiTest's throttle test.
        registry.add("seatbooking.payments.access-throttle.failures-per-client", () -> "100000");
        registry.add("seatbooking.payments.access-throttle.failures-per-order", () -> String.valueOf(FAILURES_PER_ORDER));
        // The platform's topics exist before the service subscribes: a consumer of a topic not created yet learns of
        // it late (TestKafka.createTopic).
        TestKafka.ensureTopics(Topics.all());
        registry.add("spring.kafka.bootstrap-servers", TestKafka::bootstrapServers);
        registry.add("seatbooking.payments.processor.mode", () -> "manual");
        refundsTriedSoon(registry);
    }

    /** Refunds tried every 100 ms, again 100 ms after a failure (growing to 500 ms): tests wait little. */
    public static void refundsTriedSoon(DynamicPropertyRegistry registry) {
        registry.add("seatbooking.payments.refunds.poll-interval", () -> "100ms");
        registry.add("seatbooking.payments.refunds.first-retry", () -> "100ms");
        registry.add("seatbooking.payments.refunds.max-retry", () -> "500ms");
    }

    @Autowired
    protected MockMvc mvc;
    @Autowired
    protected KnownOrders knownOrders;
    @Autowired
    protected JdbcTemplate jdbc;

    private final Map<UUID, String> secrets = new ConcurrentHashMap<>();

    /** An order registration placed and priced, known here once its events arrived. */
    protected TestOrder givenOrder(String total) {
        return givenOrder(eur(total), false);
    }

    protected TestOrder givenOrder(Money total, boolean freeOfCharge) {
        TestOrder order = TestOrder.place(total, freeOfCharge);
        awaitApplied(order);
        return order;
    }

    /** Waits until payments has applied the order's events published so far. */
    protected void awaitApplied(TestOrder order) {
        await().atMost(PATIENCE).until(() -> knownOrders.find(order.orderId(), KnownOrders.Lock.NONE)
                .map(o -> o.version() >= order.version()).orElse(false));
    }

    /** Waits until payments' consumer has processed this message (found it in its inbox). */
    protected void awaitProcessed(UUID messageId) {
        await().atMost(PATIENCE).until(() -> jdbc.queryForObject(
                "SELECT count(*) FROM inbox WHERE consumer = 'payments' AND message_id = ?", Integer.class,
                messageId) == 1);
    }

    protected ResultActions start(UUID paymentId, TestOrder order, String amount) throws Exception {
        return startJson(order.accessCode(), """
                {"paymentId": "%s", "orderId": "%s", "description": "Registration", "amount": {"amount": %s, "currency": "EUR"}}
                """.formatted(paymentId, order.orderId(), amount));
    }

    /** {@code POST /api/payments} with this body, by the holder of the order's access code. */
    protected ResultActions startJson(TestOrder order, String json) throws Exception {
        return startJson(order.accessCode(), json);
    }

    protected ResultActions startJson(String accessCode, String json) throws Exception {
        return remember(mvc.perform(post("/api/payments").contentType(MediaType.APPLICATION_JSON)
                .header(ACCESS_CODE, accessCode).content(json)));
    }

    /** Keeps the secret of the payer's link a start answered, as the registrant's browser does. */
    protected ResultActions remember(ResultActions started) throws Exception {
        String body = started.andReturn().getResponse().getContentAsString();
        if (started.andReturn().getResponse().getStatus() == 201) {
            String payerUrl = JsonPath.read(body, "$.payerUrl");
            if (payerUrl != null) {
                secrets.put(UUID.fromString(JsonPath.read(body, "$.paymentId")),
                        UriComponentsBuilder.fromUriString(payerUrl).build().getQueryParams().getFirst("secret"));
            }
        }
        return started;
    }

    /** The secret of the payer's link that the latest start of the payment answered. */
    protected String secretOf(UUID paymentId) {
        return secrets.get(paymentId);
    }

    /** {@code GET /api/payments/{paymentId}} by the holder of the order's access code. */
    protected ResultActions payment(UUID paymentId, TestOrder order) throws Exception {
        return mvc.perform(get("/api/payments/{id}", paymentId).header(ACCESS_CODE, order.accessCode()));
    }

    protected ResultActions postJson(String path, String json) throws Exception {
        return mvc.perform(post(path).contentType(MediaType.APPLICATION_JSON).content(json));
    }

    /** The payer accepts, with the secret of their link (none if no start of this payment answered one). */
    protected ResultActions accept(UUID paymentId) throws Exception {
        return accept(paymentId, secrets.get(paymentId));
    }

    protected ResultActions accept(UUID paymentId, String secret) throws Exception {
        return mvc.perform(withSecret(post("/api/payment-processor/{id}/accept", paymentId), secret));
    }

    protected ResultActions reject(UUID paymentId) throws Exception {
        return reject(paymentId, secrets.get(paymentId));
    }

    protected ResultActions reject(UUID paymentId, String secret) throws Exception {
        return mvc.perform(withSecret(post("/api/payment-processor/{id}/reject", paymentId), secret));
    }

    private static MockHttpServletRequestBuilder withSecret(MockHttpServletRequestBuilder request, String secret) {
        return secret == null ? request : request.header("Processor-Secret", secret);
    }

    /** The payment's status as stored, read past the API (which wants the order's access code). */
    protected String statusOf(UUID paymentId) {
        return jdbc.queryForObject("SELECT status FROM payments WHERE payment_id = ?", String.class, paymentId);
    }

    protected static Money eur(String amount) {
        return Money.of(amount, "EUR");
    }
}

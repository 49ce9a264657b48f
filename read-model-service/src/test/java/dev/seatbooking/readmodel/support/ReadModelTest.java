package dev.seatbooking.readmodel.support;

import dev.seatbooking.testinfra.TestCredentials;
import dev.seatbooking.testinfra.TestKafka;
import dev.seatbooking.testinfra.TestPostgres;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.util.List;

/**
 * The one application context of this module's tests (cached by Spring across test classes): the whole
 * service on a real PostgreSQL (a fresh database) and a real Kafka broker, reading topics of its own. A real Tomcat
 * on a random port (for the API fuzzer's raw requests) beside MockMvc (for everything else).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureMockMvc
public abstract class ReadModelTest {

    public static final String CONFERENCE_EVENTS = TestKafka.uniqueTopic("conference.events");
    public static final String REGISTRATION_EVENTS = TestKafka.uniqueTopic("registration.events");
    public static final String PAYMENTS_EVENTS = TestKafka.uniqueTopic("payments.events");

    private static TestPostgres.Database database;

    private static synchronized TestPostgres.Database database() {
        if (database == null) database = TestPostgres.newDatabase("readmodel");
        return database;
    }

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        // Before the service subscribes to them: a consumer of a topic not created yet learns of it late (TestKafka).
        TestKafka.ensureTopics(List.of(CONFERENCE_EVENTS, REGISTRATION_EVENTS, PAYMENTS_EVENTS));
        registry.add("spring.datasource.url", () -> database().jdbcUrl());
        registry.add("spring.datasource.username", () -> database().username());
        registry.add("spring.datasource.password", () -> database().password());
        registry.add("spring.kafka.bootstrap-servers", TestKafka::bootstrapServers);
        registry.add("seatbooking.ops.password", () -> TestCredentials.OPS_PASSWORD);
        registry.add("seatbooking.gateway.token", () -> TestCredentials.GATEWAY_TOKEN);
        registry.add("seatbooking.readmodel.topics.conference-events", () -> CONFERENCE_EVENTS);
        registry.add("seatbooking.readmodel.topics.registration-events", () -> REGISTRATION_EVENTS);
        registry.add("seatbooking.readmodel.topics.payments-events", () -> PAYMENTS_EVENTS);
        registry.add("seatbooking.readmodel.consistency-wait", () -> "3s");
        registry.add("seatbooking.readmodel.consumer.poll-timeout", () -> "100ms");
        registry.add("seatbooking.readmodel.consumer.retry-interval", () -> "200ms");
        registry.add("seatbooking.readmodel.rebuild.drop-retired-after", () -> "1s");
        registry.add("spring.datasource.hikari.maximum-pool-size", () -> "20");
        // A query refused for want of a place (QueryAdmission) is refused after a second, not the ten seconds of
        // production.
        registry.add("seatbooking.readmodel.queries.max-wait", () -> "1s");
        // Short windows, so that the throttle's tests see one end; tests that fail checks on purpose send them from
        // addresses of their own (OrderAccessRequests.anyAddress()).
        registry.add("seatbooking.readmodel.access-throttle.client-failures", () -> "20");
        registry.add("seatbooking.readmodel.access-throttle.client-window", () -> "2s");
        registry.add("seatbooking.readmodel.access-throttle.order-failures", () -> "20");
        registry.add("seatbooking.readmodel.access-throttle.order-window", () -> "2s");
    }
}

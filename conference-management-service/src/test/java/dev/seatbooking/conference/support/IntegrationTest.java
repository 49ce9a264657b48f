package dev.seatbooking.conference.support;

import dev.seatbooking.testinfra.TestCredentials;
import dev.seatbooking.conference.ConferenceManagementApplication;
import dev.seatbooking.contracts.Topics;
import dev.seatbooking.testinfra.TestKafka;
import dev.seatbooking.testinfra.TestPostgres;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.json.JsonMapper;

/**
 * The one application context of this module's integration tests (every test class extends this and adds no
 * configuration, so Spring's test-context cache starts the service once): a real PostgreSQL database of its own
 * and the shared real Kafka broker, both from {@code test-infrastructure}. Tests drive the API with MockMvc; the
 * service also listens on a random port, for the few tests that need the real HTTP server (Tomcat's handling of
 * headers).
 */
@SpringBootTest(classes = ConferenceManagementApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureMockMvc
public abstract class IntegrationTest {

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        TestPostgres.Database database = TestPostgres.newDatabase("conference");
        registry.add("spring.datasource.url", database::jdbcUrl);
        registry.add("spring.datasource.username", database::username);
        registry.add("spring.datasource.password", database::password);
        // The platform's topics exist before the service subscribes: a consumer of a topic not created yet learns of
        // it late (TestKafka.createTopic).
        TestKafka.ensureTopics(Topics.all());
        registry.add("spring.kafka.bootstrap-servers", TestKafka::bootstrapServers);
        registry.add("seatbooking.ops.password", () -> TestCredentials.OPS_PASSWORD);
        registry.add("seatbooking.gateway.token", () -> TestCredentials.GATEWAY_TOKEN);
        // A client that failed a few times waits a minute, not a second, so that tests can watch it wait even on a
        // slow machine (SignInThrottleTest covers the default delays with a clock of its own).
        registry.add("conference.access.throttle.first-delay", () -> "1m");
        registry.add("conference.access.throttle.max-backoff", () -> "10m");
    }

    @Autowired
    protected MockMvc mvc;

    @Autowired
    protected JsonMapper json;

    /** The admin API as a test drives it. */
    protected AdminApi api() {
        return new AdminApi(mvc, json);
    }
}

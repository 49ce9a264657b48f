package dev.seatbooking.notifications.support;

import dev.seatbooking.contracts.registration.SeatQuantity;
import dev.seatbooking.notifications.NotificationsApplication;
import dev.seatbooking.notifications.facts.MailFacts;
import dev.seatbooking.testinfra.TestCredentials;
import dev.seatbooking.contracts.Topics;
import dev.seatbooking.testinfra.TestKafka;
import dev.seatbooking.testinfra.TestPostgres;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import static org.awaitility.Awaitility.await;

/**
 * The one application context of this module's integration tests: a real PostgreSQL database of its own, the shared
 * real Kafka broker and a real SMTP server ({@link Smtp}). The sender runs every 100 ms and retries after 200 ms,
 * doubled up to a second, eight attempts at most, so that a test sees a retry (and a mail given up) soon. The
 * service listens on a random port, for the operators' endpoints, called over real HTTP ({@link OpsClient}).
 */
@SpringBootTest(classes = NotificationsApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
public abstract class IntegrationTest {

    public static final String SITE = "https://seats.example.org";

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        TestPostgres.Database database = TestPostgres.newDatabase("notifications");
        registry.add("spring.datasource.url", database::jdbcUrl);
        registry.add("spring.datasource.username", database::username);
        registry.add("spring.datasource.password", database::password);
        // The platform's topics exist before the service subscribes: a consumer of a topic not created yet learns of
        // it late (TestKafka.createTopic).
        TestKafka.ensureTopics(Topics.all());
        registry.add("spring.kafka.bootstrap-servers", TestKafka::bootstrapServers);
        registry.add("spring.mail.host", () -> "127.0.0.1");
        registry.add("spring.mail.port", () -> Smtp.PORT);
        registry.add("seatbooking.ops.password", () -> TestCredentials.OPS_PASSWORD);
        registry.add("seatbooking.gateway.token", () -> TestCredentials.GATEWAY_TOKEN);
        registry.add("notifications.site-url", () -> SITE);
        registry.add("notifications.sender.interval", () -> "100ms");
        registry.add("notifications.sender.first-backoff", () -> "200ms");
        registry.add("notifications.sender.max-backoff", () -> "1s");
        // given up after about 5.4 s of failures: DeliveryTest's stopped server is back well before
        registry.add("notifications.sender.max-attempts", () -> "8");
    }

    protected static Events events;

    @BeforeAll
    static void producer() {
        events = new Events();
    }

    @AfterAll
    static void closeProducer() {
        events.close();
    }

    @Autowired
    protected MailFacts facts;

    @LocalServerPort
    private int port;

    /** The operators' endpoints of this service, over HTTP. */
    protected OpsClient ops() {
        return new OpsClient(port);
    }

    /**
     * A new conference and seat type, known here before the test goes on: they come on another topic than the
     * registration events, long before them in life, but not necessarily first in a test.
     */
    protected Scenario newScenario() {
        var scenario = new Scenario(events);
        await().atMost(Duration.ofSeconds(30)).until(() -> facts.conferenceName(scenario.conferenceId).isPresent()
                && !facts.seats(new SeatQuantity(scenario.seatTypeId, 1)).endsWith(" seat"));
        return scenario;
    }

    /** An address no other test writes to. */
    protected static String newEmail() {
        return "r-" + UUID.randomUUID().toString().substring(0, 8) + "@example.org";
    }

    /** Waits until {@code count} mails reached {@code recipient}, and returns them. */
    protected static List<MimeMessage> awaitMails(String recipient, int count) {
        return await().atMost(Duration.ofSeconds(30)).until(() -> Smtp.to(recipient), mails -> mails.size() >= count);
    }
}

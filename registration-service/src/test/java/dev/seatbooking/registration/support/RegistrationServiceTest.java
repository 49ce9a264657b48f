package dev.seatbooking.registration.support;

import dev.seatbooking.registration.RegistrationApplication;
import dev.seatbooking.testinfra.TestKafka;
import dev.seatbooking.testinfra.TestPostgres;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.kafka.listener.ConcurrentMessageListenerContainer;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.time.Duration;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static org.awaitility.Awaitility.await;

/**
 * The registration service on a real PostgreSQL and Kafka, one application context shared by every test class that
 * extends this (Spring caches it): each test uses conferences and orders of its own. Its clock is the
 * {@link TestClock}: a test lets time pass with {@link RegistrationProbe#timePasses} instead of waiting.
 */
@SpringBootTest(classes = {RegistrationApplication.class, TestClock.Replacing.class},
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
public abstract class RegistrationServiceTest {

    /** The topics of the shared context, unlike those of any instance a test starts itself. */
    protected static final String TOPIC_PREFIX = TestService.newTopicPrefix();

    private static UpstreamServices upstream;

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        TestPostgres.Database database = TestPostgres.newDatabase("registration");
        TestService.properties(database, TOPIC_PREFIX).forEach((name, value) -> registry.add(name, () -> value));
        // Every test of this context speaks from 127.0.0.1, and the fuzz test sends hundreds of wrong codes: the
        // throttle would lock that one client out and refuse well-formed requests before they are judged. The
        // throttle's own tests (AccessThrottleApiTest) start an instance of their own with the limits they need.
        registry.add("registration.access-throttle.failures-per-order", () -> 10_000);
        registry.add("registration.access-throttle.failures-per-client", () -> 10_000);
    }

    @LocalServerPort
    protected int port;

    @Autowired
    protected ApplicationContext context;

    protected RegistrantClient registrant;
    protected RegistrationProbe probe;

    @BeforeEach
    void connect() {
        registrant = new RegistrantClient("http://localhost:" + port);
        probe = new RegistrationProbe(context);
    }

    /** A test that let time pass leaves the clock where real time is for the next one. */
    @AfterEach
    void backToRealTime() {
        TestClock.INSTANCE.reset();
    }

    /**
     * Until closed, this service's SeatsAvailability takes no commands (its consumers are paused): an order placed
     * meanwhile stays pending, its reservation queued on Kafka, and is reserved once they resume.
     */
    protected Paused seatsAvailabilityPaused() {
        var consumers = context.getBean("seatsAvailabilityCommandsConsumer", ConcurrentMessageListenerContainer.class);
        consumers.pause();
        await().atMost(Duration.ofSeconds(60)).until(consumers::isContainerPaused);
        return consumers::resume;
    }

    /** Something paused, resumed on close. */
    @FunctionalInterface
    protected interface Paused extends AutoCloseable {
        @Override
        void close();
    }

    protected static synchronized UpstreamServices upstream() {
        if (upstream == null) upstream = new UpstreamServices(TestKafka.bootstrapServers(), TOPIC_PREFIX);
        return upstream;
    }

    @AfterAll
    static synchronized void closeUpstream() {
        if (upstream != null) upstream.close();
        upstream = null;
    }

    /** Publishes a conference and waits until this service sells its seats. */
    protected UpstreamServices.PublishedConference conferenceOnSale(Duration hold, UpstreamServices.SeatTypeSpec... seatTypes) {
        return conferenceOnSale(hold, null, seatTypes);
    }

    /** As {@link #conferenceOnSale(Duration, UpstreamServices.SeatTypeSpec...)}, holding waitlist offers {@code offerHold}. */
    protected UpstreamServices.PublishedConference conferenceOnSale(Duration hold, Duration offerHold,
                                                                    UpstreamServices.SeatTypeSpec... seatTypes) {
        UpstreamServices.PublishedConference conference = upstream().publishConference(hold, offerHold, seatTypes);
        Map<java.util.UUID, Integer> quantities = IntStream.range(0, seatTypes.length).boxed().collect(
                Collectors.toMap(conference.seatTypes()::get, i -> seatTypes[i].quantity()));
        await().atMost(Duration.ofSeconds(60)).until(() -> probe.onSale(conference.id(), quantities));
        return conference;
    }
}

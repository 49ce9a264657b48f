package dev.seatbooking.registration.support;

import dev.seatbooking.testinfra.TestKafka;
import dev.seatbooking.testinfra.TestPostgres;
import org.junit.jupiter.api.AfterEach;

import java.time.Duration;

/**
 * A test that starts (and restarts) instances of its own ({@link TestService}) on a database and topic prefix of its
 * own, with the conference owner's messages sent by {@link #upstream}; the instance and the clock are reset after it.
 */
public abstract class OwnInstanceTest {

    protected static final Duration HOLD = Duration.ofMinutes(15);
    protected static final Duration WAIT = Duration.ofSeconds(60);

    protected final TestPostgres.Database database;
    protected final String topicPrefix = TestService.newTopicPrefix();
    protected final UpstreamServices upstream = new UpstreamServices(TestKafka.bootstrapServers(), topicPrefix);
    protected TestService service;

    protected OwnInstanceTest(String databaseName) {
        this.database = TestPostgres.newDatabase(databaseName);
    }

    /** Stops the running instance, if any, and starts a new one on the same database and topics. */
    protected void restart() {
        if (service != null) service.close();
        service = TestService.start(database, topicPrefix);
    }

    @AfterEach
    void stop() {
        upstream.close();
        if (service != null) service.close();
        TestClock.INSTANCE.reset();
    }
}

package dev.seatbooking.registration.support;

import dev.seatbooking.registration.RegistrationApplication;
import dev.seatbooking.testinfra.TestKafka;
import dev.seatbooking.testinfra.TestPostgres;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * The settings every test instance of the service runs with, and a way to start instances of its own (restart and
 * scale-out tests): a database, the shared Kafka broker, topics behind a prefix no other test context uses (consumer
 * groups and their offsets outlive a context in the test JVM), a short expiry buffer.
 */
public final class TestService implements AutoCloseable {

    public static final Duration EXPIRATION_BUFFER = Duration.ofSeconds(2);

    private final ConfigurableApplicationContext context;

    private TestService(ConfigurableApplicationContext context) {
        this.context = context;
    }

    public static String newTopicPrefix() {
        return "t" + UUID.randomUUID().toString().substring(0, 8) + ".";
    }

    public static Map<String, Object> properties(TestPostgres.Database database, String topicPrefix) {
        Map<String, Object> properties = new LinkedHashMap<>();
        properties.put("spring.datasource.url", database.jdbcUrl());
        properties.put("spring.datasource.username", database.username());
        properties.put("spring.datasource.password", database.password());
        properties.put("spring.kafka.bootstrap-servers", TestKafka.bootstrapServers());
        properties.put("seatbooking.ops.password", dev.seatbooking.testinfra.TestCredentials.OPS_PASSWORD);
        properties.put("seatbooking.gateway.token", dev.seatbooking.testinfra.TestCredentials.GATEWAY_TOKEN);
        properties.put("registration.messaging.topic-prefix", topicPrefix);
        properties.put("registration.messaging.partitions", 3);
        properties.put("registration.expiration-buffer", EXPIRATION_BUFFER.toMillis() + "ms");
        properties.put("seatbooking.eventsourcing.dispatcher.poll-timeout", "200ms");
        properties.put("seatbooking.eventsourcing.snapshot-every", 50);
        // Every test's registrants speak from 127.0.0.1, bursts of hundreds of orders for one conference among them:
        // the limit's own tests (SeatsPerClientApiTest) start an instance with it.
        properties.put("registration.seats-per-client.seats", 0);
        return properties;
    }

    /** Starts an instance on a random port. */
    public static TestService start(TestPostgres.Database database, String topicPrefix) {
        return start(database, topicPrefix, Map.of());
    }

    /** Starts an instance on a random port, with some settings of its own. */
    public static TestService start(TestPostgres.Database database, String topicPrefix, Map<String, Object> settings) {
        Map<String, Object> properties = properties(database, topicPrefix);
        properties.putAll(settings);
        properties.put("server.port", 0);
        properties.put("spring.application.name", "registration-service-" + UUID.randomUUID().toString().substring(0, 4));
        // As arguments: they win over application.yml (builder properties are only defaults).
        return new TestService(new SpringApplicationBuilder(RegistrationApplication.class, TestClock.Replacing.class)
                .run(properties.entrySet().stream().map(e -> "--" + e.getKey() + "=" + e.getValue())
                        .toArray(String[]::new)));
    }

    public int port() {
        return ((WebServerApplicationContext) context).getWebServer().getPort();
    }

    public String baseUrl() {
        return "http://localhost:" + port();
    }

    public ConfigurableApplicationContext context() {
        return context;
    }

    public RegistrationProbe probe() {
        return new RegistrationProbe(context);
    }

    public boolean isRunning() {
        return context.isActive();
    }

    /** The partitions a consumer role of this instance owns now (e.g. {@code seatsAvailabilityCommandsConsumer}). */
    public java.util.Set<org.apache.kafka.common.TopicPartition> assignedPartitions(String consumerBean) {
        var container = context.getBean(consumerBean,
                org.springframework.kafka.listener.ConcurrentMessageListenerContainer.class);
        java.util.Collection<org.apache.kafka.common.TopicPartition> assigned = container.getAssignedPartitions();
        return assigned == null ? java.util.Set.of() : java.util.Set.copyOf(assigned);
    }

    /** Stops it as a deployment would: the web server stops taking requests, consumers finish their record. */
    @Override
    public void close() {
        if (context.isActive()) context.close();
    }

    /**
     * The nearest an in-JVM instance gets to {@code kill -9} (its threads cannot be stopped): its database pool is
     * closed first, which aborts every connection in use, so PostgreSQL rolls back whatever transaction was in flight
     * (a request, a consumer's poll, the relay, the dispatcher) and the instance writes nothing more from then on;
     * requests in hand fail with 500. Only then is the context closed, and there it differs from a real kill: its
     * Kafka consumers leave their groups at once (a killed process would keep its partitions until the group's
     * session timeout, 45 s by default) and commit the offsets of polls whose transactions had committed (a killed
     * process would have them delivered again, to be skipped by the inbox).
     */
    public void kill() {
        context.getBean(com.zaxxer.hikari.HikariDataSource.class).close();
        close();
    }
}

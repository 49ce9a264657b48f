package dev.seatbooking.readmodel.support;

import com.zaxxer.hikari.HikariDataSource;
import dev.seatbooking.readmodel.ReadModelApplication;
import dev.seatbooking.readmodel.ReadModelProperties;
import dev.seatbooking.readmodel.projection.AppliedVersions;
import dev.seatbooking.readmodel.projection.Projections;
import dev.seatbooking.readmodel.projection.ServingGenerations;
import dev.seatbooking.readmodel.rebuild.ProjectionLifecycle;
import dev.seatbooking.testinfra.TestCredentials;
import dev.seatbooking.testinfra.TestKafka;
import dev.seatbooking.testinfra.TestPostgres;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * An instance of the whole service of its own (scale-out tests): several on one database and the shared broker, each
 * on a random port, on the topics given.
 */
public final class ReadModelInstance implements AutoCloseable {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private final ConfigurableApplicationContext context;

    private ReadModelInstance(ConfigurableApplicationContext context) {
        this.context = context;
    }

    /** Starts an instance; {@code settings} win over the test defaults; {@code sources} add test configuration. */
    public static ReadModelInstance start(TestPostgres.Database database, ReadModelProperties.Topics topics,
                                          Map<String, Object> settings, Class<?>... sources) {
        Map<String, Object> properties = new LinkedHashMap<>();
        properties.put("spring.datasource.url", database.jdbcUrl());
        properties.put("spring.datasource.username", database.username());
        properties.put("spring.datasource.password", database.password());
        properties.put("spring.datasource.hikari.maximum-pool-size", 12);
        properties.put("spring.kafka.bootstrap-servers", TestKafka.bootstrapServers());
        properties.put("seatbooking.ops.password", TestCredentials.OPS_PASSWORD);
        properties.put("seatbooking.gateway.token", TestCredentials.GATEWAY_TOKEN);
        properties.put("seatbooking.readmodel.topics.conference-events", topics.conferenceEvents());
        properties.put("seatbooking.readmodel.topics.registration-events", topics.registrationEvents());
        properties.put("seatbooking.readmodel.topics.payments-events", topics.paymentsEvents());
        properties.put("seatbooking.readmodel.consumer.poll-timeout", "100ms");
        properties.put("seatbooking.readmodel.consumer.retry-interval", "200ms");
        properties.put("seatbooking.readmodel.consumer.max-poll-records", 100);
        properties.put("seatbooking.readmodel.rebuild.drop-retired-after", "1s");
        properties.put("seatbooking.readmodel.rebuild.check-interval", "500ms");
        properties.put("server.port", 0);
        properties.put("spring.application.name", "read-model-" + UUID.randomUUID().toString().substring(0, 4));
        properties.putAll(settings);
        // As arguments: they win over application.yml.
        Class<?>[] all = new Class<?>[sources.length + 1];
        all[0] = ReadModelApplication.class;
        System.arraycopy(sources, 0, all, 1, sources.length);
        return new ReadModelInstance(new SpringApplicationBuilder(all)
                .run(properties.entrySet().stream().map(e -> "--" + e.getKey() + "=" + e.getValue())
                        .toArray(String[]::new)));
    }

    public <T> T bean(Class<T> type) {
        return context.getBean(type);
    }

    public ProjectionLifecycle lifecycle() {
        return bean(ProjectionLifecycle.class);
    }

    public Projections projections() {
        return bean(Projections.class);
    }

    public ServingGenerations serving() {
        return bean(ServingGenerations.class);
    }

    public AppliedVersions appliedVersions() {
        return bean(AppliedVersions.class);
    }

    public String baseUrl() {
        return "http://localhost:" + ((WebServerApplicationContext) context).getWebServer().getPort();
    }

    /** GET {@code path} with these headers (name, value, name, value...). */
    public HttpResponse<String> get(String path, String... headers) {
        return send(HttpRequest.newBuilder(URI.create(baseUrl() + path)).GET(), headers);
    }

    /** POST {@code path}, no body, as operations (the ops credential). */
    public HttpResponse<String> postAsOps(String path) {
        return send(HttpRequest.newBuilder(URI.create(baseUrl() + path)).POST(HttpRequest.BodyPublishers.noBody()),
                "Authorization", TestCredentials.opsAuthorization());
    }

    private HttpResponse<String> send(HttpRequest.Builder request, String... headers) {
        for (int i = 0; i < headers.length; i += 2) request.header(headers[i], headers[i + 1]);
        try {
            return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** An order view with the order's access code ({@link Samples#accessCode}). */
    public HttpResponse<String> order(String view, UUID orderId, String... headers) {
        String[] all = new String[headers.length + 2];
        all[0] = OrderAccessRequests.HEADER;
        all[1] = Samples.accessCode(orderId);
        System.arraycopy(headers, 0, all, 2, headers.length);
        return get("/api/" + view + "/" + orderId, all);
    }

    public boolean isRunning() {
        return context.isActive();
    }

    /** Stops it as a deployment does: requests in hand answered, runners finish their batch and leave their groups. */
    @Override
    public void close() {
        if (context.isActive()) context.close();
    }

    /**
     * The nearest an in-JVM instance gets to {@code kill -9}: its database pool is closed first, which aborts every
     * connection in use, so PostgreSQL rolls back the batches in flight (or commits one whose COMMIT it had already
     * received, its runner never learning so: it fails with the connection) and ends its presence locks and its LISTEN;
     * it writes nothing more from then on. Then the context is closed: unlike a killed process, its consumers leave
     * their groups at once instead of after the session timeout.
     */
    public void kill() {
        context.getBean(HikariDataSource.class).close();
        close();
    }
}

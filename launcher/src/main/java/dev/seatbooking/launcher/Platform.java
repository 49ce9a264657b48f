package dev.seatbooking.launcher;

import dev.seatbooking.conference.ConferenceManagementApplication;
import dev.seatbooking.gateway.GatewayApplication;
import dev.seatbooking.notifications.NotificationsApplication;
import dev.seatbooking.payments.PaymentsApplication;
import dev.seatbooking.readmodel.ReadModelApplication;
import dev.seatbooking.registration.RegistrationApplication;
import org.slf4j.Logger;
import org.springframework.cloud.gateway.server.mvc.GatewayMvcClassPathWarningAutoConfiguration;
import org.springframework.cloud.gateway.server.mvc.GatewayServerMvcAutoConfiguration;
import org.springframework.cloud.gateway.server.mvc.filter.FilterAutoConfiguration;
import org.springframework.cloud.gateway.server.mvc.handler.GatewayMultipartAutoConfiguration;
import org.springframework.cloud.gateway.server.mvc.handler.HandlerFunctionAutoConfiguration;
import org.springframework.cloud.gateway.server.mvc.predicate.PredicateAutoConfiguration;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The whole platform in this JVM: PostgreSQL and Kafka (embedded, data kept in the data directory), the four
 * services each in its own application context on its own port and database, the gateway with the web front end,
 * and the demo conference. {@link #close()} stops them in reverse order: gateway, services (each finishes what it
 * is handling), Kafka, PostgreSQL.
 */
public final class Platform implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(Platform.class);

    private static final List<Class<?>> ALL_APPLICATIONS = List.of(ConferenceManagementApplication.class,
            RegistrationApplication.class, PaymentsApplication.class, ReadModelApplication.class,
            NotificationsApplication.class, GatewayApplication.class);

    private static final String JPA = "org.springframework.boot.hibernate.autoconfigure.HibernateJpaAutoConfiguration,"
            + "org.springframework.boot.data.jpa.autoconfigure.DataJpaRepositoriesAutoConfiguration";
    private static final String PERSISTENCE = "org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration,"
            + "org.springframework.boot.flyway.autoconfigure.FlywayAutoConfiguration,"
            + "org.springframework.boot.kafka.autoconfigure.KafkaAutoConfiguration,"
            + "dev.seatbooking.eventsourcing.spring.EventSourcingAutoConfiguration,"
            + "dev.seatbooking.eventsourcing.spring.OperationsAutoConfiguration";
    /** Spring Cloud Gateway Server WebMVC's auto-configurations (its jar's AutoConfiguration.imports, less Boot's). */
    private static final String SPRING_CLOUD_GATEWAY = Stream.of(GatewayServerMvcAutoConfiguration.class,
                    GatewayMvcClassPathWarningAutoConfiguration.class, FilterAutoConfiguration.class,
                    HandlerFunctionAutoConfiguration.class, GatewayMultipartAutoConfiguration.class,
                    PredicateAutoConfiguration.class)
            .map(Class::getName).collect(Collectors.joining(","));

    static final List<String> DATABASES = List.of("conference", "registration", "payments", "readmodel",
            "notifications");

    static final String GATEWAY_TOKEN = "seatbooking.gateway.token";
    /**
     * Thymeleaf is on the one class path for the notifications' mails (which have an engine of their own): no
     * application serves pages from templates, so none looks for a template folder (a warning at each start).
     */
    private static final String NO_TEMPLATES = "spring.thymeleaf.check-template-location";
    static final String LOOPBACK = "127.0.0.1";

    private final LauncherSettings settings;
    /** New at every start: a request that carries it came through this platform's gateway. */
    private final String gatewayToken = newGatewayToken();
    private EmbeddedPostgresServer postgres;
    private EmbeddedKafkaServer kafka;
    private final List<ServiceApp> services = new ArrayList<>();
    private ServiceApp gateway;
    private DevMailbox mailbox;
    private DemoConference.Demo demo;
    private String opsPassword;
    private boolean closed;

    private Platform(LauncherSettings settings) {
        this.settings = settings;
    }

    /** Starts everything; on failure stops what had started and throws. */
    public static Platform start(LauncherSettings settings) throws Exception {
        Platform platform = new Platform(settings);
        try {
            platform.startAll();
            return platform;
        } catch (Exception | Error e) {
            platform.close();
            throw e;
        }
    }

    private void startAll() throws Exception {
        Path dataDir = settings.dataDir().toAbsolutePath();
        if (settings.fresh()) deleteRecursively(dataDir);
        Files.createDirectories(dataDir);
        opsPassword = OpsCredential.ensure(dataDir);

        long started = System.nanoTime();
        log.info("Starting PostgreSQL (data in {})", dataDir.resolve("postgres"));
        postgres = EmbeddedPostgresServer.start(dataDir.resolve("postgres"), settings.postgresPort(),
                dataDir.resolve("postgres.log"));
        postgres.createDatabases(DATABASES);
        log.info("Starting Kafka (data in {})", dataDir.resolve("kafka"));
        kafka = EmbeddedKafkaServer.start(dataDir.resolve("kafka"), settings.kafkaPort(), settings.controllerPort());
        kafka.declareTopics();

        ServiceApp management = service("conference-management", ConferenceManagementApplication.class,
                settings.managementPort(), "conference");
        // One class path holds every service's libraries: JPA is conference management's alone.
        ServiceApp registration = service("registration", RegistrationApplication.class,
                settings.registrationPort(), "registration").exclude(JPA);
        ServiceApp payments = service("payments", PaymentsApplication.class, settings.paymentsPort(), "payments")
                .exclude(JPA);
        ServiceApp readModel = service("read-model", ReadModelApplication.class, settings.readModelPort(), "readmodel")
                .exclude(JPA);
        mailbox = DevMailbox.start(LOOPBACK, FreePorts.next(), settings.mailboxPort());
        // The links in the mails lead to this platform's front end when its port is known before the gateway starts.
        ServiceApp notifications = service("notifications", NotificationsApplication.class,
                settings.notificationsPort(), "notifications").exclude(JPA)
                .set("spring.mail.host", LOOPBACK)
                .set("spring.mail.port", mailbox.smtpPort());
        if (settings.gatewayPort() != 0) {
            notifications.set("notifications.site-url", "http://localhost:" + settings.gatewayPort());
        }
        services.addAll(List.of(management, registration, payments, readModel, notifications));
        log.info("Starting the services");
        try (ExecutorService starting = Executors.newFixedThreadPool(services.size())) {
            List<Future<ServiceApp>> futures = services.stream()
                    .map(s -> starting.submit(() -> s.start(ALL_APPLICATIONS))).toList();
            for (Future<ServiceApp> future : futures) future.get();
        }

        gateway = new ServiceApp("gateway", GatewayApplication.class)
                .set("server.port", settings.gatewayPort())
                // The gateway has no database and no Kafka, whatever the services' libraries on the class path.
                .exclude(JPA, PERSISTENCE)
                .set("spring.main.banner-mode", "off")
                .set(NO_TEMPLATES, "false")
                .set("management.metrics.use-global-registry", "false")
                .set("gateway.routes.management", management.url())
                .set("gateway.routes.registration", registration.url())
                .set("gateway.routes.payments", payments.url())
                .set("gateway.routes.read", readModel.url())
                // The front end links to the mailbox page (GET /front-end.json names it).
                .set("gateway.mailbox-url", mailbox.url())
                .set(GATEWAY_TOKEN, gatewayToken)
                .set(OpsCredential.PROPERTY, opsPassword)
                .start(ALL_APPLICATIONS);

        if (settings.demo()) {
            demo = DemoConference.ensure(dataDir, management.url());
            DemoConference.awaitOnReadModel(readModel.url(), demo, Duration.ofSeconds(120));
        }
        log.info("Platform started in {} s", Duration.ofNanos(System.nanoTime() - started).toSeconds());
    }

    private ServiceApp service(String name, Class<?> mainClass, int port, String database) {
        return new ServiceApp(name, mainClass)
                .set("server.port", port)
                // Only the gateway faces the network; the services are reached through it (and by the launcher).
                .set("server.address", LOOPBACK)
                // The secret that tells a request forwarded by the gateway (whose X-Forwarded-For is believed).
                .set(GATEWAY_TOKEN, gatewayToken)
                .set(OpsCredential.PROPERTY, opsPassword)
                // The gateway's Spring Cloud Gateway is on the one class path too: not in the services (its form
                // and weight servlet filters would be in their filter chains). Its own switch,
                // spring.cloud.gateway.server.webmvc.enabled=false, fails the context in 5.0.4 (the retry filter's
                // configuration still wants GatewayMvcProperties): its auto-configurations are excluded instead.
                .exclude(SPRING_CLOUD_GATEWAY)
                .set("spring.cloud.discovery.enabled", "false")
                .set("spring.datasource.url", postgres.jdbcUrl(database))
                .set("spring.datasource.username", EmbeddedPostgresServer.USER)
                .set("spring.datasource.password", EmbeddedPostgresServer.PASSWORD)
                .set("spring.kafka.bootstrap-servers", kafka.bootstrapServers())
                .set("spring.main.banner-mode", "off")
                .set(NO_TEMPLATES, "false")
                // Each application context has its own meter registry, not also the JVM-wide one.
                .set("management.metrics.use-global-registry", "false");
    }

    public String gatewayUrl() {
        return gateway.url();
    }

    public String serviceUrl(String name) {
        return services.stream().filter(s -> s.name().equals(name)).findFirst().orElseThrow().url();
    }

    public List<String> serviceNames() {
        return services.stream().map(ServiceApp::name).toList();
    }

    /** The password of the {@code ops} user of every service's and the gateway's operations endpoints. */
    public String mailboxUrl() {
        return mailbox.url();
    }

    /** The mails the platform sent, newest first: subject and plain text (tests). */
    public List<String> mailbox() {
        return mailbox.messages().stream().map(m -> {
            try {
                return m.getSubject() + "\n" + DevMailbox.text(m);
            } catch (jakarta.mail.MessagingException e) {
                throw new IllegalStateException(e);
            }
        }).toList();
    }

    public String opsPassword() {
        return opsPassword;
    }

    public DemoConference.Demo demo() {
        return demo;
    }

    public String jdbcUrl(String database) {
        return postgres.jdbcUrl(database);
    }

    public String kafkaBootstrapServers() {
        return kafka.bootstrapServers();
    }

    public Path dataDir() {
        return settings.dataDir().toAbsolutePath();
    }

    /** Gateway first (no new requests), then the services, then Kafka, then PostgreSQL. */
    @Override
    public synchronized void close() {
        if (closed) return;
        closed = true;
        if (gateway != null) stopQuietly("gateway", gateway::stop);
        if (!services.isEmpty()) {
            try (ExecutorService stopping = Executors.newFixedThreadPool(services.size())) {
                for (ServiceApp service : services) stopping.submit(() -> stopQuietly(service.name(), service::stop));
            }
        }
        if (mailbox != null) stopQuietly("the mailbox", mailbox::close);
        if (kafka != null) stopQuietly("Kafka", kafka::close);
        if (postgres != null) stopQuietly("PostgreSQL", postgres::close);
    }

    private interface Stopper {
        void stop() throws Exception;
    }

    private static void stopQuietly(String what, Stopper stopper) {
        try {
            stopper.stop();
        } catch (Exception | Error e) {
            log.warn("Stopping {} failed: {}", what, e.toString());
        }
    }

    /** 32 random bytes, base64url: the shared secret of the gateway and the services for one run. */
    public static String newGatewayToken() {
        byte[] secret = new byte[32];
        new SecureRandom().nextBytes(secret);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
    }

    public static void deleteRecursively(Path dir) throws IOException {
        if (!Files.exists(dir)) return;
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) Files.delete(path);
        }
    }
}

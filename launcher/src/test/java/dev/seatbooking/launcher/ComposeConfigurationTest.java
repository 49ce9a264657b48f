package dev.seatbooking.launcher;

import dev.seatbooking.conference.ConferenceManagementApplication;
import dev.seatbooking.gateway.GatewayApplication;
import dev.seatbooking.gateway.GatewayProperties;
import dev.seatbooking.payments.PaymentsApplication;
import dev.seatbooking.notifications.NotificationsApplication;
import dev.seatbooking.readmodel.ReadModelApplication;
import dev.seatbooking.registration.RegistrationApplication;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * No Docker engine runs here, so {@code docker-compose.yml} is checked against the services' own configuration
 * instead: every application has its service, image (the name Jib gives it), port, database and credentials as its
 * {@code application.yml} has them, environment variables that name properties the service has, a health check on
 * its readiness probe, a restart policy, and the gateway's routes point at the right services.
 */
class ComposeConfigurationTest {

    private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();

    /** Compose service → the application it runs and its Maven module. */
    private static final Map<String, App> APPS = Map.of(
            "conference-management", new App(ConferenceManagementApplication.class, "conference-management-service"),
            "registration", new App(RegistrationApplication.class, "registration-service"),
            "payments", new App(PaymentsApplication.class, "payments-service"),
            "read-model", new App(ReadModelApplication.class, "read-model-service"),
            "notifications", new App(NotificationsApplication.class, "notifications-service"),
            "gateway", new App(GatewayApplication.class, "gateway"));

    /**
     * Properties compose may set although the service's application.yml leaves them at their default: the secret
     * the gateway sends and the services' shared web support checks, and the ops user's password.
     */
    private static final Set<String> SHARED_PROPERTIES = Set.of("seatbooking.gateway.token", "seatbooking.ops.password");

    /** Compose takes the gateway token from the environment, and refuses to start without one. */
    private static final String GATEWAY_TOKEN = "${GATEWAY_TOKEN:?set GATEWAY_TOKEN to a long random secret}";
    private static final String OPS_PASSWORD =
            "${OPS_PASSWORD:?set OPS_PASSWORD, the password of the ops user of the operations endpoints}";

    private record App(Class<?> mainClass, String module) {
    }

    private static Map<String, Object> services;
    private static String initSql;

    @BeforeAll
    @SuppressWarnings("unchecked")
    static void load() throws IOException {
        try (InputStream in = Files.newInputStream(ROOT.resolve("docker-compose.yml"))) {
            services = (Map<String, Object>) new Yaml().<Map<String, Object>>load(in).get("services");
        }
        initSql = Files.readString(ROOT.resolve("docker/postgres/init.sql"));
    }

    @Test
    void every_application_of_the_platform_has_its_service_and_nothing_else_runs_an_image_of_ours() {
        assertThat(services).containsKeys(APPS.keySet().toArray(String[]::new)).containsKeys("postgres", "kafka");
        services.forEach((name, definition) -> {
            String image = String.valueOf(map(definition).get("image"));
            if (image.startsWith("seatbooking/")) assertThat(APPS).as("service %s runs %s", name, image).containsKey(name);
        });
    }

    @Test
    void each_service_runs_its_modules_image_on_its_port_with_a_health_check_on_readiness_and_a_restart_policy() throws IOException {
        String version = System.getProperty("project.version");
        for (var entry : APPS.entrySet()) {
            String name = entry.getKey();
            Map<String, Object> service = map(services.get(name));
            Map<String, String> config = applicationYml(entry.getValue().mainClass());
            String port = config.get("server.port");
            assertThat(port).as("%s server.port", name).isNotNull();

            assertThat(service.get("image")).as(name).isEqualTo("seatbooking/" + entry.getValue().module() + ":" + version);
            assertThat(environment(service)).as(name).containsEntry("SERVER_PORT", port);
            if (name.equals("gateway")) assertThat(list(service.get("ports"))).as(name).containsExactly(port + ":" + port);
            assertThat(service.get("restart")).as(name).isEqualTo("unless-stopped");
            assertThat(config.get("management.endpoint.health.probes.enabled")).as(name).isEqualTo("true");
            String health = String.join(" ", list(map(service.get("healthcheck")).get("test")));
            assertThat(health).as(name).contains("/dev/tcp/localhost/" + port, "/actuator/health/readiness");
        }
    }

    @Test
    void every_environment_variable_names_a_property_the_service_has() throws IOException {
        for (var entry : APPS.entrySet()) {
            Map<String, String> config = applicationYml(entry.getValue().mainClass());
            Set<String> known = config.keySet().stream().map(ComposeConfigurationTest::canonical).collect(Collectors.toSet());
            SHARED_PROPERTIES.forEach(p -> known.add(canonical(p)));
            for (String variable : environment(map(services.get(entry.getKey()))).keySet()) {
                String property = variable;
                assertThat(known).as("%s: %s names no property of %s's application.yml", entry.getKey(), variable,
                        entry.getValue().module()).contains(canonical(property));
            }
        }
    }

    @Test
    void only_the_gateways_port_and_the_mail_catchers_web_ui_are_published() {
        services.forEach((name, definition) -> {
            if (!name.equals("gateway") && !name.equals("mailpit")) {
                assertThat(map(definition)).as(name).doesNotContainKey("ports");
            }
        });
        assertThat(map(services.get("gateway"))).containsKey("ports");
        assertThat(list(map(services.get("mailpit")).get("ports"))).containsExactly("8025:8025");
    }

    @Test
    void the_notifications_service_sends_its_mails_to_the_mail_catcher() throws IOException {
        Map<String, String> env = environment(map(services.get("notifications")));
        assertThat(map(services.get("mailpit")).get("image")).isEqualTo("axllent/mailpit");
        // Mailpit's SMTP port (its default); the application.yml's default is a local catcher on the same port
        assertThat(env).containsEntry("SPRING_MAIL_HOST", "mailpit").containsEntry("SPRING_MAIL_PORT", "1025");
        assertThat(applicationYml(NotificationsApplication.class)).containsEntry("spring.mail.port", "1025");
        assertThat(env.get("NOTIFICATIONS_SITE_URL")).isEqualTo("http://localhost:"
                + applicationYml(GatewayApplication.class).get("server.port"));
    }

    @Test
    void the_front_ends_mailbox_link_leads_to_the_mail_catchers_published_web_ui() throws IOException {
        String published = list(map(services.get("mailpit")).get("ports")).getFirst();
        assertThat(environment(map(services.get("gateway"))))
                .containsEntry("GATEWAY_MAILBOXURL", "http://localhost:" + published.substring(0, published.indexOf(':')) + "/");
        // absent from the gateway's own configuration: no link
        assertThat(applicationYml(GatewayApplication.class)).containsEntry("gateway.mailbox-url", "");
    }

    @Test
    void the_gateway_and_every_service_share_the_gateway_token_and_ops_password_that_the_operator_must_give() {
        for (String name : APPS.keySet()) {
            assertThat(environment(map(services.get(name)))).as(name)
                    .containsEntry("SEATBOOKING_GATEWAY_TOKEN", GATEWAY_TOKEN)
                    .containsEntry("SEATBOOKING_OPS_PASSWORD", OPS_PASSWORD);
        }
    }

    @Test
    void each_service_uses_its_own_database_with_its_credentials_and_the_compose_kafka() throws IOException {
        for (var entry : APPS.entrySet()) {
            if (entry.getKey().equals("gateway")) continue;
            Map<String, String> config = applicationYml(entry.getValue().mainClass());
            Map<String, String> env = environment(map(services.get(entry.getKey())));
            String database = databaseOf(config.get("spring.datasource.url"));
            assertThat(env.get("SPRING_DATASOURCE_URL")).as(entry.getKey())
                    .isEqualTo("jdbc:postgresql://postgres:5432/" + database);
            assertThat(env).as(entry.getKey())
                    .containsEntry("SPRING_DATASOURCE_USERNAME", config.get("spring.datasource.username"))
                    .containsEntry("SPRING_DATASOURCE_PASSWORD", config.get("spring.datasource.password"))
                    .containsEntry("SPRING_KAFKA_BOOTSTRAP_SERVERS", "kafka:9092");
            assertThat(initSql).as("init.sql for " + entry.getKey())
                    .contains("CREATE ROLE " + config.get("spring.datasource.username") + " LOGIN PASSWORD '"
                            + config.get("spring.datasource.password") + "'")
                    .contains("CREATE DATABASE " + database + " OWNER " + config.get("spring.datasource.username"));
            Map<String, Object> dependsOn = map(map(services.get(entry.getKey())).get("depends_on"));
            assertThat(dependsOn).as(entry.getKey()).containsKeys("postgres", "kafka");
            dependsOn.values().forEach(d -> assertThat(map(d).get("condition")).isEqualTo("service_healthy"));
        }
        String advertised = environment(map(services.get("kafka"))).get("KAFKA_ADVERTISED_LISTENERS");
        assertThat(advertised).isEqualTo("PLAINTEXT://kafka:9092");
        assertThat(list(map(services.get("postgres")).get("volumes"))).anyMatch(v -> v.contains("init.sql"));
    }

    @Test
    void the_gateway_routes_each_name_the_front_end_uses_to_the_service_that_answers_it() throws IOException {
        Map<String, String> gatewayConfig = applicationYml(GatewayApplication.class);
        Map<String, String> routesInYml = new TreeMap<>();
        gatewayConfig.forEach((key, value) -> {
            if (key.startsWith("gateway.routes.")) routesInYml.put(key.substring("gateway.routes.".length()), value);
        });
        assertThat(routesInYml.keySet()).containsExactlyInAnyOrder(GatewayProperties.MANAGEMENT,
                GatewayProperties.REGISTRATION, GatewayProperties.PAYMENTS, GatewayProperties.READ);

        Map<String, String> expected = Map.of(GatewayProperties.MANAGEMENT, "conference-management",
                GatewayProperties.REGISTRATION, "registration", GatewayProperties.PAYMENTS, "payments",
                GatewayProperties.READ, "read-model");
        Map<String, String> env = environment(map(services.get("gateway")));
        for (var route : expected.entrySet()) {
            String port = applicationYml(APPS.get(route.getValue()).mainClass()).get("server.port");
            assertThat(env).containsEntry("GATEWAY_ROUTES_" + route.getKey().toUpperCase(Locale.ROOT),
                    "http://" + route.getValue() + ":" + port);
            // application.yml's default (the services on one host) agrees on the port too
            assertThat(URI.create(routesInYml.get(route.getKey())).getPort()).isEqualTo(Integer.parseInt(port));
        }
        assertThat(map(map(services.get("gateway")).get("depends_on")).keySet())
                .containsExactlyInAnyOrderElementsOf(expected.values());
    }

    // ------------------------------------------------------------------------------------------------------------

    /** The application's own application.yml, flattened to property names. */
    @SuppressWarnings("unchecked")
    static Map<String, String> applicationYml(Class<?> mainClass) throws IOException {
        URI uri = URI.create(ServiceClassLoader.rootOf(mainClass) + "application.yml");
        try (InputStream in = uri.toURL().openStream()) {
            Map<String, String> flat = new LinkedHashMap<>();
            flatten("", new Yaml().<Map<String, Object>>load(in), flat);
            return flat;
        }
    }

    @SuppressWarnings("unchecked")
    private static void flatten(String prefix, Object value, Map<String, String> into) {
        if (value instanceof Map<?, ?> nested) {
            nested.forEach((k, v) -> flatten(prefix.isEmpty() ? String.valueOf(k) : prefix + "." + k, v, into));
        } else {
            into.put(prefix, String.valueOf(value));
        }
    }

    /**
     * Relaxed binding, loosely: case, dashes and separators do not matter ({@code SPRING_KAFKA_BOOTSTRAP_SERVERS}
     * binds {@code spring.kafka.bootstrap-servers}, Boot's legacy form of {@code SPRING_KAFKA_BOOTSTRAPSERVERS}).
     */
    private static String canonical(String property) {
        return property.toLowerCase(Locale.ROOT).replaceAll("[-._]", "");
    }

    private static String databaseOf(String jdbcUrl) {
        return jdbcUrl.substring(jdbcUrl.lastIndexOf('/') + 1);
    }

    private static Map<String, String> environment(Map<String, Object> service) {
        Map<String, String> env = new LinkedHashMap<>();
        map(service.get("environment")).forEach((k, v) -> env.put(k, String.valueOf(v)));
        return env;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object value) {
        return value == null ? Map.of() : (Map<String, Object>) value;
    }

    @SuppressWarnings("unchecked")
    private static List<String> list(Object value) {
        return value == null ? List.of() : ((List<Object>) value).stream().map(String::valueOf).toList();
    }
}

package dev.seatbooking.launcher.processes;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * What the multi-process platform makes of docker-compose.yml: compose's own values, the operator's secrets
 * interpolated, and the compose network's names and ports rewritten to this machine's loopback and free ports —
 * nothing else.
 */
class ComposeEnvironmentTest {

    private static final Path COMPOSE = Path.of("..", "docker-compose.yml");
    private static final Map<String, String> SECRETS = Map.of("GATEWAY_TOKEN", "token", "OPS_PASSWORD", "ops");

    @Test
    void the_operators_secrets_are_interpolated_and_compose_refuses_to_start_without_them() throws Exception {
        ComposeFile compose = ComposeFile.read(COMPOSE, SECRETS);
        assertThat(compose.service("registration").environment())
                .containsEntry("SEATBOOKING_GATEWAY_TOKEN", "token")
                .containsEntry("SEATBOOKING_OPS_PASSWORD", "ops");

        assertThatThrownBy(() -> ComposeFile.read(COMPOSE, Map.of("OPS_PASSWORD", "ops")))
                .hasMessageContaining("GATEWAY_TOKEN is not set (set GATEWAY_TOKEN to a long random secret)");
    }

    @Test
    void interpolation_follows_compose_for_defaults_errors_and_escaped_dollars() {
        Map<String, String> given = Map.of("SET", "value", "EMPTY", "");
        assertThat(ComposeFile.interpolate("a ${SET} b", given, "x")).isEqualTo("a value b");
        assertThat(ComposeFile.interpolate("${UNSET:-fallback}", given, "x")).isEqualTo("fallback");
        assertThat(ComposeFile.interpolate("${EMPTY:-fallback}", given, "x")).isEqualTo("fallback");
        assertThat(ComposeFile.interpolate("${EMPTY-fallback}", given, "x")).isEmpty();
        assertThat(ComposeFile.interpolate("$${SET}", given, "x")).isEqualTo("${SET}");
        assertThatThrownBy(() -> ComposeFile.interpolate("${EMPTY:?say so}", given, "svc.VAR"))
                .hasMessage("svc.VAR: EMPTY is not set (say so)");
    }

    @Test
    void services_start_in_compose_dependency_order() throws Exception {
        List<List<String>> levels = ComposeFile.read(COMPOSE, SECRETS).startLevels().stream()
                .map(level -> level.stream().map(ComposeFile.Service::name).toList()).toList();
        assertThat(levels).hasSize(3);
        assertThat(levels.get(0)).containsExactlyInAnyOrder("postgres", "kafka", "mailpit");
        assertThat(levels.get(1)).containsExactlyInAnyOrder("conference-management", "registration", "payments",
                "read-model", "notifications");
        assertThat(levels.get(2)).containsExactly("gateway");
    }

    @Test
    void compose_host_names_and_ports_become_the_loopback_and_one_free_port_each() throws Exception {
        ComposeFile compose = ComposeFile.read(COMPOSE, SECRETS);
        LocalNetwork network = new LocalNetwork(compose.services().keySet());
        int postgres = network.port("postgres", 5432);
        int kafka = network.port("kafka", 9092);
        int controller = network.port("kafka", 9093);
        int registration = network.port("registration", 8082);
        assertThat(List.of(postgres, kafka, controller, registration)).doesNotHaveDuplicates();

        assertThat(network.rewrite("registration", "jdbc:postgresql://postgres:5432/registration"))
                .isEqualTo("jdbc:postgresql://127.0.0.1:" + postgres + "/registration");
        assertThat(network.rewrite("gateway", "http://registration:8082")).isEqualTo("http://127.0.0.1:" + registration);
        assertThat(network.rewrite("kafka", "PLAINTEXT://:9092,CONTROLLER://:9093"))
                .isEqualTo("PLAINTEXT://127.0.0.1:" + kafka + ",CONTROLLER://127.0.0.1:" + controller);
        assertThat(network.rewrite("kafka", "1@kafka:9093")).isEqualTo("1@127.0.0.1:" + controller);
        // not a compose service's address: left as it is
        assertThat(network.rewrite("kafka", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT"))
                .isEqualTo("PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT");
        assertThat(network.port("postgres", 5432)).as("the same port for the platform's life").isEqualTo(postgres);
    }

    @Test
    void a_host_and_its_port_in_two_variables_become_the_loopback_and_the_free_port() throws Exception {
        ComposeFile compose = ComposeFile.read(COMPOSE, SECRETS);
        LocalNetwork network = new LocalNetwork(compose.services().keySet());
        ProcessSpecs specs = new ProcessSpecs(ProcessSettings.defaults(Path.of("/nowhere")), network,
                Path.of("/nowhere", "data"));
        Map<String, String> environment = specs.rewritten(compose.service("notifications"));
        assertThat(environment).containsEntry("SPRING_MAIL_HOST", "127.0.0.1")
                .containsEntry("SPRING_MAIL_PORT", Integer.toString(network.port("mailpit", 1025)));
    }

    @Test
    void an_address_a_service_publishes_on_the_host_becomes_that_services_port_here() throws Exception {
        ComposeFile compose = ComposeFile.read(COMPOSE, SECRETS);
        LocalNetwork network = new LocalNetwork(compose.services().keySet());
        compose.services().values().forEach(service -> network.publish(service.name(), service.ports()));
        ProcessSpecs specs = new ProcessSpecs(ProcessSettings.defaults(Path.of("/nowhere")), network,
                Path.of("/nowhere", "data"));
        // the front end's mailbox link: Mailpit's web UI (8025); the links in the mails: the gateway (8080)
        assertThat(specs.rewritten(compose.service("gateway")))
                .containsEntry("GATEWAY_MAILBOXURL", "http://127.0.0.1:" + network.port("mailpit", 8025) + "/");
        assertThat(specs.rewritten(compose.service("notifications")))
                .containsEntry("NOTIFICATIONS_SITE_URL", "http://127.0.0.1:" + network.port("gateway", 8080));
        // a port nothing publishes stays as it is
        assertThat(network.rewrite("gateway", "http://localhost:9999/")).isEqualTo("http://localhost:9999/");
    }

    @Test
    void the_brokers_environment_becomes_its_properties_as_the_kafka_image_reads_it() throws Exception {
        Properties properties = KafkaBroker.properties(ComposeFile.read(COMPOSE, SECRETS).service("kafka").environment());
        assertThat(properties)
                .containsEntry("process.roles", "broker,controller")
                .containsEntry("log.retention.ms", "-1")
                .containsEntry("num.partitions", "6")
                .containsEntry("offsets.topic.replication.factor", "1")
                .doesNotContainKey("cluster.id");
        assertThat(KafkaBroker.properties(Map.of("KAFKA_A__B___C_D", "x"))).containsEntry("a_b-c.d", "x");
    }

    @Test
    void stop_grace_periods_are_read_as_compose_writes_them() throws Exception {
        assertThat(ComposeFile.duration("45s")).isEqualTo(Duration.ofSeconds(45));
        assertThat(ComposeFile.duration("1m30s")).isEqualTo(Duration.ofSeconds(90));
        assertThat(ComposeFile.duration("500ms")).isEqualTo(Duration.ofMillis(500));
        assertThat(ComposeFile.read(COMPOSE, SECRETS).service("registration").stopGracePeriod())
                .isEqualTo(Duration.ofSeconds(45));
        assertThat(ComposeFile.read(COMPOSE, SECRETS).service("postgres").stopGracePeriod())
                .as("compose's default").isEqualTo(Duration.ofSeconds(10));
    }

    @Test
    void a_service_whose_jar_was_not_built_fails_the_start_with_the_command_that_builds_it() {
        ProcessSpecs specs = new ProcessSpecs(ProcessSettings.defaults(Path.of("/nowhere")),
                new LocalNetwork(List.of("shop")), Path.of("/nowhere", "data"));
        ComposeFile.Service shop = new ComposeFile.Service("shop", "seatbooking/shop-service:1.0",
                Map.of("SERVER_PORT", "8090"), List.of(), "", Duration.ofSeconds(10), List.of());
        assertThatThrownBy(() -> specs.application(shop))
                .hasMessageContaining("/nowhere/shop-service/target/shop-service-1.0-exec.jar")
                .hasMessageContaining("./mvnw -DskipTests package -pl launcher -am");
    }

    @Test
    void init_sql_is_split_into_its_statements() {
        assertThat(PostgresCluster.statements("""
                -- a comment; with a semicolon
                CREATE ROLE a LOGIN PASSWORD 'a';
                CREATE DATABASE a OWNER a;
                """)).containsExactly("CREATE ROLE a LOGIN PASSWORD 'a'", "CREATE DATABASE a OWNER a");
    }
}

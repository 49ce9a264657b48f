package dev.seatbooking.launcher.processes;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ConsumerGroupListing;
import org.apache.kafka.clients.admin.ListOffsetsOptions;
import org.apache.kafka.clients.admin.ListOffsetsResult;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.IsolationLevel;
import org.apache.kafka.common.TopicPartition;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * What the fault suite asks the running platform, each question as an operator would ask it: a service's readiness
 * probe, its consumers' lag (Kafka's consumer groups for the services that commit offsets there, the read model's
 * projections for those that keep their offsets with their rows, each event relay's lag), and the read model's
 * tables against a rebuild from the topics.
 */
final class PlatformProbe implements AutoCloseable {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    /** A generation's bookkeeping, not its view. */
    private static final Set<String> UNCOMPARED_TABLES = Set.of("offsets", "anomalies");
    private static final List<String> EVENT_STORES = List.of("conference", "registration", "payments");

    private final ProcessPlatform platform;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final String opsAuthorization;
    /** One client for the whole suite: it finds the broker again after a restart. */
    private final Admin admin;

    PlatformProbe(ProcessPlatform platform) {
        this.platform = platform;
        this.admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, platform.kafkaBootstrapServers(),
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 5000, AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 5000));
        this.opsAuthorization = "Basic " + Base64.getEncoder()
                .encodeToString(("ops:" + platform.opsPassword()).getBytes(StandardCharsets.UTF_8));
    }

    /** The services and the gateway: what a readiness probe is asked of. */
    List<String> probed() {
        List<String> all = new ArrayList<>(platform.serviceNames());
        all.add(ProcessPlatform.GATEWAY);
        return all;
    }

    /** Whether its {@code /actuator/health/readiness} answers UP (false also when nothing answers). */
    boolean ready(String service) {
        HttpResponse<String> answer = get(service, "/actuator/health/readiness", false);
        return answer != null && answer.statusCode() == 200;
    }

    boolean allReady() {
        return probed().stream().allMatch(this::ready);
    }

    /** Every consumer group's, projection's and relay's lag is 0. */
    boolean caughtUp() throws Exception {
        return kafkaGroupsLag() == 0 && projectionsLag() == 0 && relaysLag() == 0;
    }

    /** What the probes say now, for a failure's message. */
    String describe() {
        StringBuilder state = new StringBuilder();
        probed().forEach(name -> state.append(name).append(ready(name) ? " UP, " : " DOWN, "));
        try {
            state.append("Kafka groups' lag ").append(kafkaGroupsLag());
        } catch (Exception e) {
            state.append("Kafka groups' lag unknown (").append(e).append(')');
        }
        state.append(", projections' lag ").append(projectionsLag());
        try {
            return state.append(", relays' lag ").append(relaysLag()).toString();
        } catch (Exception e) {
            return state.append(", relays' lag unknown (").append(e).append(')').toString();
        }
    }

    /** Records on every consumer group's partitions it has not committed yet (committed transactions only). */
    long kafkaGroupsLag() throws Exception {
        long lag = 0;
            for (ConsumerGroupListing group : admin.listConsumerGroups().all().get(5, TimeUnit.SECONDS)) {
                Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(group.groupId())
                        .partitionsToOffsetAndMetadata().get(5, TimeUnit.SECONDS);
                committed.values().removeIf(offset -> offset == null);
                if (committed.isEmpty()) continue;
                Map<TopicPartition, OffsetSpec> latest = committed.keySet().stream()
                        .collect(Collectors.toMap(partition -> partition, partition -> OffsetSpec.latest()));
                Map<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> ends = admin.listOffsets(latest,
                        new ListOffsetsOptions(IsolationLevel.READ_COMMITTED)).all().get(5, TimeUnit.SECONDS);
                for (var entry : committed.entrySet()) {
                    lag += Math.max(0, ends.get(entry.getKey()).offset() - entry.getValue().offset());
                }
            }
        return lag;
    }

    /** The read model's projections' lag, as its ops endpoint reports it (unknown counts as behind). */
    long projectionsLag() {
        long lag = 0;
        for (JsonNode projection : projections()) {
            JsonNode value = projection.get("lag");
            lag += value == null || value.isNull() || !projection.get("state").asString().equals("live")
                    ? 1 : value.asLong();
        }
        return lag;
    }

    /**
     * Events stored and not yet acknowledged by Kafka, summed over the services' event relays: what the relays' own
     * {@code eventsourcing.relay.lag} gauge computes, read from each event store (every relay's checkpoint).
     */
    long relaysLag() throws Exception {
        long lag = 0;
        for (String database : EVENT_STORES) {
            try (Connection connection = connect(database);
                 Statement statement = connection.createStatement();
                 ResultSet behind = statement.executeQuery("""
                         SELECT CASE WHEN NOT EXISTS (SELECT 1 FROM subscription_checkpoints)
                                     THEN (SELECT count(*) FROM events)
                                     ELSE (SELECT coalesce(sum((SELECT count(*) FROM events e
                                               WHERE (e.transaction_id, e.global_position)
                                                   > (c.transaction_id, c.global_position))), 0)
                                           FROM subscription_checkpoints c) END""")) {
                behind.next();
                lag += behind.getLong(1);
            }
        }
        return lag;
    }

    /** Each projection's status from {@code GET /api/admin/projections}; empty while the read model is away. */
    List<JsonNode> projections() {
        HttpResponse<String> answer = get("read-model", "/api/admin/projections", true);
        if (answer == null || answer.statusCode() != 200) return List.of(JSON.readTree("{\"lag\":null}"));
        List<JsonNode> all = new ArrayList<>();
        JSON.readTree(answer.body()).forEach(all::add);
        return all;
    }

    /** Each projection's serving generation now. */
    Map<String, Integer> servingGenerations() {
        Map<String, Integer> serving = new TreeMap<>();
        for (JsonNode projection : projections()) {
            JsonNode generation = projection.get("servingGeneration");
            if (projection.has("name")) {
                serving.put(projection.get("name").asString(), generation == null || generation.isNull()
                        ? -1 : generation.asInt());
            }
        }
        return serving;
    }

    /** Asks the read model to rebuild every projection from its topics ({@code POST /api/admin/projections/rebuild}). */
    void rebuildReadModel() throws Exception {
        HttpResponse<String> answer = http.send(HttpRequest.newBuilder(URI.create(platform.url("read-model")
                        + "/api/admin/projections/rebuild")).header("Authorization", opsAuthorization)
                .timeout(Duration.ofSeconds(30)).POST(HttpRequest.BodyPublishers.noBody()).build(),
                HttpResponse.BodyHandlers.ofString());
        if (answer.statusCode() != 202) {
            throw new IllegalStateException("Rebuild refused: " + answer.statusCode() + " " + answer.body());
        }
    }

    /** The rows of every view table of the serving generations, per table, each row as text, sorted. */
    Map<String, List<String>> readModelRows() throws Exception {
        Map<String, List<String>> tables = new TreeMap<>();
        try (Connection connection = connect("readmodel");
             Statement statement = connection.createStatement()) {
            List<String> schemas = new ArrayList<>();
            try (ResultSet serving = statement.executeQuery("""
                    SELECT 'rm_' || replace(projection, '-', '_') || '_g' || generation FROM projection_generations
                    WHERE status = 'serving'""")) {
                while (serving.next()) schemas.add(serving.getString(1));
            }
            for (String schema : schemas) {
                for (String table : tablesOf(connection, schema)) {
                    tables.put(schema.replaceFirst("_g\\d+$", "") + "." + table, rows(statement, schema + "." + table));
                }
            }
        }
        return tables;
    }

    private static List<String> tablesOf(Connection connection, String schema) throws Exception {
        List<String> tables = new ArrayList<>();
        try (ResultSet rows = connection.getMetaData().getTables(null, schema, "%", new String[]{"TABLE"})) {
            while (rows.next()) {
                String table = rows.getString("TABLE_NAME");
                if (!UNCOMPARED_TABLES.contains(table)) tables.add(table);
            }
        }
        return tables;
    }

    private static List<String> rows(Statement statement, String table) throws Exception {
        List<String> rows = new ArrayList<>();
        try (ResultSet result = statement.executeQuery("SELECT * FROM " + table)) {
            ResultSetMetaData columns = result.getMetaData();
            while (result.next()) {
                Map<String, String> row = new TreeMap<>();
                for (int c = 1; c <= columns.getColumnCount(); c++) {
                    row.put(columns.getColumnName(c), result.getString(c));
                }
                rows.add(row.toString());
            }
        }
        rows.sort(null);
        return rows;
    }

    /** The highest position of every event store: unchanged between two looks, nothing was appended meanwhile. */
    Map<String, Long> eventStorePositions() throws Exception {
        Map<String, Long> positions = new HashMap<>();
        for (String database : EVENT_STORES) {
            try (Connection connection = connect(database);
                 Statement statement = connection.createStatement();
                 ResultSet max = statement.executeQuery("SELECT coalesce(max(global_position), 0) FROM events")) {
                max.next();
                positions.put(database, max.getLong(1));
            }
        }
        return positions;
    }

    private Connection connect(String database) throws Exception {
        return DriverManager.getConnection(platform.jdbcUrl(database), platform.postgresUser(),
                platform.postgresPassword());
    }

    @Override
    public void close() {
        admin.close(Duration.ofSeconds(5));
    }

    private HttpResponse<String> get(String service, String path, boolean ops) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(platform.url(service) + path))
                .timeout(Duration.ofSeconds(5)).GET();
        if (ops) request.header("Authorization", opsAuthorization);
        try {
            return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        } catch (Exception noAnswer) {
            return null;
        }
    }
}

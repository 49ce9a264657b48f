package dev.seatbooking.launcher;

import dev.seatbooking.contracts.Topics;
import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import kafka.tools.StorageTool;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.utils.Time;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

/**
 * A real Kafka broker (KRaft, broker and controller in one node) in this JVM, with its log directory kept: the
 * first start formats the storage, later starts find the topics and offsets as they were left.
 */
final class EmbeddedKafkaServer implements AutoCloseable {

    /** Partitions of every topic the launcher declares (the services' consumers scale up to this). */
    static final int PARTITIONS = 6;

    private final KafkaRaftServer server;
    private final int port;

    private EmbeddedKafkaServer(KafkaRaftServer server, int port) {
        this.server = server;
        this.port = port;
    }

    static EmbeddedKafkaServer start(Path dir, int port, int controllerPort) throws IOException {
        Path logs = dir.resolve("logs");
        Files.createDirectories(logs);
        Properties properties = new Properties();
        properties.put("process.roles", "broker,controller");
        properties.put("node.id", "1");
        properties.put("controller.quorum.voters", "1@localhost:" + controllerPort);
        properties.put("listeners", "PLAINTEXT://localhost:" + port + ",CONTROLLER://localhost:" + controllerPort);
        properties.put("advertised.listeners", "PLAINTEXT://localhost:" + port);
        properties.put("controller.listener.names", "CONTROLLER");
        properties.put("inter.broker.listener.name", "PLAINTEXT");
        properties.put("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT");
        properties.put("log.dirs", logs.toAbsolutePath().toString());
        properties.put("num.partitions", String.valueOf(PARTITIONS));
        properties.put("auto.create.topics.enable", "true");
        properties.put("offsets.topic.replication.factor", "1");
        properties.put("offsets.topic.num.partitions", "10");
        properties.put("transaction.state.log.replication.factor", "1");
        properties.put("transaction.state.log.min.isr", "1");
        properties.put("share.coordinator.state.topic.replication.factor", "1");
        properties.put("share.coordinator.state.topic.min.isr", "1");
        properties.put("group.initial.rebalance.delay.ms", "0");
        // Events are history: a read model is rebuilt from offset zero.
        properties.put("log.retention.ms", "-1");
        Path config = dir.resolve("server.properties");
        try (Writer writer = Files.newBufferedWriter(config)) {
            properties.store(writer, "Written by the launcher at every start");
        }
        if (!Files.exists(logs.resolve("meta.properties"))) format(config);
        KafkaRaftServer server = new KafkaRaftServer(KafkaConfig.fromProps(properties, false), Time.SYSTEM);
        server.startup();
        return new EmbeddedKafkaServer(server, port);
    }

    private static void format(Path config) {
        ByteArrayOutputStream output = new ByteArrayOutputStream();
        int exit = StorageTool.execute(new String[]{"format", "--cluster-id", Uuid.randomUuid().toString(),
                "--config", config.toString()}, new PrintStream(output, true, StandardCharsets.UTF_8));
        if (exit != 0) {
            throw new IllegalStateException("Formatting Kafka's storage failed: " + output.toString(StandardCharsets.UTF_8));
        }
    }

    String bootstrapServers() {
        return "localhost:" + port;
    }

    /** Declares every topic of {@link Topics} that is missing; event topics keep their history. */
    void declareTopics() throws ExecutionException, InterruptedException, java.util.concurrent.TimeoutException {
        Set<String> events = Set.of(Topics.CONFERENCE_EVENTS, Topics.REGISTRATION_EVENTS, Topics.PAYMENTS_EVENTS);
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers()))) {
            Set<String> existing = admin.listTopics().names().get(60, TimeUnit.SECONDS);
            List<NewTopic> missing = new ArrayList<>();
            for (String topic : Topics.all()) {
                if (existing.contains(topic)) continue;
                NewTopic newTopic = new NewTopic(topic, PARTITIONS, (short) 1);
                if (events.contains(topic)) newTopic.configs(Map.of(TopicConfig.RETENTION_MS_CONFIG, "-1"));
                missing.add(newTopic);
            }
            if (missing.isEmpty()) return;
            var result = admin.createTopics(missing);
            for (NewTopic topic : missing) {
                try {
                    result.values().get(topic.name()).get(60, TimeUnit.SECONDS);
                } catch (ExecutionException e) {
                    if (!(e.getCause() instanceof TopicExistsException)) throw e;
                }
            }
        }
    }

    @Override
    public void close() {
        server.shutdown();
        server.awaitShutdown();
    }
}

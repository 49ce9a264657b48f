package dev.seatbooking.launcher.processes;

import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import kafka.tools.StorageTool;
import org.apache.kafka.common.utils.Time;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;

/**
 * The Kafka broker of the multi-process platform, in a JVM of its own, configured as the {@code apache/kafka} image
 * is: from its environment, {@code KAFKA_*} variables being broker properties and {@code CLUSTER_ID} the id its
 * storage is formatted with on first start. It runs until SIGTERM (a clean shutdown) or SIGKILL.
 */
public final class KafkaBroker {

    /** The image's variables that are not broker properties (JVM and logging options). */
    private static final Set<String> NOT_PROPERTIES = Set.of("KAFKA_HEAP_OPTS", "KAFKA_OPTS", "KAFKA_JMX_OPTS",
            "KAFKA_JVM_PERFORMANCE_OPTS", "KAFKA_GC_LOG_OPTS", "KAFKA_LOG4J_OPTS", "KAFKA_LOG4J_LOGGERS",
            "KAFKA_LOG4J_ROOT_LOGLEVEL", "KAFKA_TOOLS_LOG4J_LOGLEVEL", "KAFKA_VERSION");

    private KafkaBroker() {
    }

    public static void main(String[] args) throws IOException {
        Map<String, String> environment = System.getenv();
        Properties properties = properties(environment);
        String clusterId = environment.get("CLUSTER_ID");
        if (clusterId == null) throw new IllegalArgumentException("CLUSTER_ID is not set");
        Path logDir = Path.of(properties.getProperty("log.dirs"));
        if (!Files.exists(logDir.resolve("meta.properties"))) format(properties, clusterId, logDir);
        KafkaRaftServer server = new KafkaRaftServer(KafkaConfig.fromProps(properties, false), Time.SYSTEM);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            server.shutdown();
            server.awaitShutdown();
        }, "kafka-shutdown"));
        server.startup();
        server.awaitShutdown();
    }

    /**
     * The image's rule: {@code KAFKA_} dropped, lower case, {@code ___} for a dash, {@code __} for an underscore and
     * {@code _} for a dot ({@code KAFKA_LOG_RETENTION_MS} is {@code log.retention.ms}).
     */
    static Properties properties(Map<String, String> environment) {
        Properties properties = new Properties();
        environment.forEach((name, value) -> {
            if (!name.startsWith("KAFKA_") || NOT_PROPERTIES.contains(name)) return;
            String property = name.substring("KAFKA_".length()).toLowerCase(Locale.ROOT)
                    .replace("___", "-").replace("__", "\u0000").replace('_', '.').replace('\u0000', '_');
            properties.setProperty(property, value);
        });
        return properties;
    }

    private static void format(Properties properties, String clusterId, Path logDir) throws IOException {
        Files.createDirectories(logDir);
        Path config = logDir.getParent().resolve("server.properties");
        try (Writer writer = Files.newBufferedWriter(config)) {
            properties.store(writer, "The broker's configuration from its environment, for formatting its storage");
        }
        ByteArrayOutputStream output = new ByteArrayOutputStream();
        int exit = StorageTool.execute(new String[]{"format", "--cluster-id", clusterId, "--config", config.toString()},
                new PrintStream(output, true, StandardCharsets.UTF_8));
        if (exit != 0) {
            throw new IllegalStateException("Formatting Kafka's storage failed: " + output.toString(StandardCharsets.UTF_8));
        }
    }
}

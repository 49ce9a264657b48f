package dev.seatbooking.testinfra;

import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import kafka.tools.StorageTool;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.utils.Time;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Properties;
import java.util.stream.Stream;

/**
 * A real Kafka broker (KRaft, broker and controller in one node) of one test's own, in this JVM, which the test stops
 * and starts again on the same port with its topics and committed offsets: for what a broker that goes away does to
 * its clients. Tests that need a broker that stays up share {@link TestKafka}'s.
 */
public final class RestartableKafka implements AutoCloseable {

    private final Path dir;
    private final Properties properties;
    private final int port;
    private KafkaRaftServer server;

    private RestartableKafka(Path dir, Properties properties, int port) {
        this.dir = dir;
        this.properties = properties;
        this.port = port;
    }

    /** Formats a new broker's storage in a temporary directory and starts it. */
    public static RestartableKafka start() {
        try {
            Path dir = Files.createTempDirectory("restartable-kafka");
            int port = freePort();
            int controllerPort = freePort();
            Properties properties = new Properties();
            properties.put("process.roles", "broker,controller");
            properties.put("node.id", "1");
            properties.put("controller.quorum.voters", "1@localhost:" + controllerPort);
            properties.put("listeners", "PLAINTEXT://localhost:" + port + ",CONTROLLER://localhost:" + controllerPort);
            properties.put("advertised.listeners", "PLAINTEXT://localhost:" + port);
            properties.put("controller.listener.names", "CONTROLLER");
            properties.put("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT");
            properties.put("log.dirs", dir.resolve("logs").toString());
            properties.put("num.partitions", String.valueOf(TestKafka.PARTITIONS));
            properties.put("offsets.topic.replication.factor", "1");
            properties.put("offsets.topic.num.partitions", "1");
            properties.put("transaction.state.log.replication.factor", "1");
            properties.put("transaction.state.log.min.isr", "1");
            properties.put("group.initial.rebalance.delay.ms", "0");
            format(dir, properties);
            RestartableKafka kafka = new RestartableKafka(dir, properties, port);
            kafka.startAgain();
            return kafka;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public String bootstrapServers() {
        return "localhost:" + port;
    }

    /** Shuts the broker down cleanly; its clients find nobody at its address until {@link #startAgain()}. */
    public synchronized void stop() {
        if (server == null) return;
        server.shutdown();
        server.awaitShutdown();
        server = null;
    }

    /** Starts the broker on its port with the data it had when it stopped. */
    public synchronized void startAgain() {
        if (server != null) throw new IllegalStateException("The broker is running");
        server = new KafkaRaftServer(KafkaConfig.fromProps(properties, false), Time.SYSTEM);
        server.startup();
    }

    @Override
    public void close() {
        stop();
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void format(Path dir, Properties properties) throws IOException {
        Path config = dir.resolve("server.properties");
        try (Writer writer = Files.newBufferedWriter(config)) {
            properties.store(writer, null);
        }
        ByteArrayOutputStream output = new ByteArrayOutputStream();
        int exit = StorageTool.execute(new String[]{"format", "--cluster-id", Uuid.randomUuid().toString(),
                "--config", config.toString()}, new PrintStream(output, true, StandardCharsets.UTF_8));
        if (exit != 0) {
            throw new IllegalStateException("Formatting Kafka's storage failed: " + output.toString(StandardCharsets.UTF_8));
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}

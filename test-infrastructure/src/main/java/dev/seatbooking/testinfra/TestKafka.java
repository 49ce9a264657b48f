package dev.seatbooking.testinfra;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.errors.TopicExistsException;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;
import org.testcontainers.kafka.KafkaContainer;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutionException;

/**
 * One real Kafka broker (KRaft) per test JVM, started on first use and shared by every test class.
 * Test classes isolate themselves with unique topic names ({@link #uniqueTopic(String)}).
 */
public final class TestKafka {

    /** The partitions of a topic the embedded broker creates by itself, and of one {@link #createTopic(String)} creates. */
    public static final int PARTITIONS = 3;

    private static volatile String bootstrapServers;

    private TestKafka() {
    }

    public static String bootstrapServers() {
        if (bootstrapServers == null) {
            synchronized (TestKafka.class) {
                if (bootstrapServers == null) bootstrapServers = start();
            }
        }
        return bootstrapServers;
    }

    /** A topic name no other test uses, so tests never see each other's records. */
    public static String uniqueTopic(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    /**
     * Creates a topic before anyone uses it. A consumer that subscribes to a topic nobody has created yet joins its
     * group with nothing to read and only learns of the topic when a producer has created it and a later metadata
     * refresh and rebalance hand it the partitions: on a busy machine that took longer than tests wait.
     */
    public static void createTopic(String topic) {
        createTopic(topic, PARTITIONS);
    }

    /** {@link #createTopic(String)} with a number of partitions of the caller's own. */
    public static void createTopic(String topic, int partitions) {
        create(List.of(new NewTopic(topic, partitions, (short) 1)), false);
    }

    /**
     * Creates whichever of these topics do not exist yet, as {@link #createTopic(String)} does: for a test context
     * whose consumers subscribe to the platform's fixed topic names, which other tests in the same JVM may have
     * created already. Call it before the context starts.
     */
    public static void ensureTopics(Collection<String> topics) {
        create(topics.stream().map(t -> new NewTopic(t, PARTITIONS, (short) 1)).toList(), true);
    }

    private static void create(List<NewTopic> topics, boolean existingIsFine) {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers()))) {
            for (var created : admin.createTopics(topics).values().entrySet()) {
                try {
                    created.getValue().get();
                } catch (ExecutionException e) {
                    if (!(existingIsFine && e.getCause() instanceof TopicExistsException)) {
                        throw new IllegalStateException("Could not create topic " + created.getKey(), e.getCause());
                    }
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String start() {
        if (InfrastructureMode.current() == InfrastructureMode.TESTCONTAINERS) {
            @SuppressWarnings("resource")
            KafkaContainer kafka = new KafkaContainer("apache/kafka:4.1.1");
            kafka.start();
            Runtime.getRuntime().addShutdownHook(new Thread(kafka::stop, "test-kafka-stop"));
            return kafka.getBootstrapServers();
        }
        EmbeddedKafkaKraftBroker broker = new EmbeddedKafkaKraftBroker(1, 3);
        broker.brokerProperties(java.util.Map.of(
                "auto.create.topics.enable", "true",
                "num.partitions", String.valueOf(PARTITIONS),
                "group.initial.rebalance.delay.ms", "0",
                "transaction.state.log.replication.factor", "1",
                "transaction.state.log.min.isr", "1",
                "offsets.topic.replication.factor", "1"));
        broker.afterPropertiesSet();
        Runtime.getRuntime().addShutdownHook(new Thread(broker::destroy, "test-kafka-stop"));
        return broker.getBrokersAsString();
    }
}

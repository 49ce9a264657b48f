package dev.seatbooking.testinfra;

import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;
import org.testcontainers.kafka.KafkaContainer;

import java.util.UUID;

/**
 * One real Kafka broker (KRaft) per test JVM, started on first use and shared by every test class.
 * Test classes isolate themselves with unique topic names ({@link #uniqueTopic(String)}).
 */
public final class TestKafka {

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
                "num.partitions", "3",
                "group.initial.rebalance.delay.ms", "0",
                "transaction.state.log.replication.factor", "1",
                "transaction.state.log.min.isr", "1",
                "offsets.topic.replication.factor", "1"));
        broker.afterPropertiesSet();
        Runtime.getRuntime().addShutdownHook(new Thread(broker::destroy, "test-kafka-stop"));
        return broker.getBrokersAsString();
    }
}

package dev.seatbooking.eventsourcing.messaging;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;

import java.util.HashMap;
import java.util.Map;

/**
 * The one producer configuration every publisher of this library uses: idempotent, acknowledged by all
 * in-sync replicas, so a retried send never duplicates or reorders records of one partition.
 */
public final class KafkaProducers {

    private KafkaProducers() {
    }

    public static Map<String, Object> idempotentConfig(String bootstrapServers, String clientId) {
        Map<String, Object> config = new HashMap<>();
        config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        config.put(ProducerConfig.CLIENT_ID_CONFIG, clientId);
        config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, 5);
        config.put(ProducerConfig.LINGER_MS_CONFIG, 5);
        config.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4");
        return config;
    }

    public static KafkaProducer<String, byte[]> idempotent(String bootstrapServers, String clientId) {
        return new KafkaProducer<>(idempotentConfig(bootstrapServers, clientId),
                new StringSerializer(), new ByteArraySerializer());
    }

    /**
     * The same, with one request in flight per connection: for a producer whose first sends auto-create their topics
     * (tests). With several in flight, a first batch refused while the broker is still applying the new partition can
     * be overtaken by the next one, and is then refused as out of sequence on every retry until it expires (the
     * broker's KAFKA-15591). The services' publishers write to topics declared before they start.
     */
    public static KafkaProducer<String, byte[]> idempotentToNewTopics(String bootstrapServers, String clientId) {
        Map<String, Object> config = idempotentConfig(bootstrapServers, clientId);
        config.put(ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, 1);
        return new KafkaProducer<>(config, new StringSerializer(), new ByteArraySerializer());
    }

    /** The same producers for Spring's {@code KafkaTemplate} (dead letters); {@code destroy()} it when done. */
    public static DefaultKafkaProducerFactory<String, byte[]> producerFactory(String bootstrapServers, String clientId) {
        return new DefaultKafkaProducerFactory<>(idempotentConfig(bootstrapServers, clientId),
                new StringSerializer(), new ByteArraySerializer());
    }
}

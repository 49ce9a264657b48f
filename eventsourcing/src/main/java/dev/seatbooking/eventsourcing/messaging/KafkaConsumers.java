package dev.seatbooking.eventsourcing.messaging;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.springframework.kafka.core.DefaultKafkaConsumerFactory;
import org.springframework.kafka.listener.CommonErrorHandler;
import org.springframework.kafka.listener.ConcurrentMessageListenerContainer;
import org.springframework.kafka.listener.ContainerProperties;
import org.springframework.kafka.listener.ContainerProperties.AckMode;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;

/**
 * The one consumer setup of this library: decode, dedupe and handle each record in one database
 * transaction ({@link InboxMessageListener}), commit offsets only afterwards, and send poison records to
 * their dead-letter topic ({@link DeadLetterPolicy}).
 */
public final class KafkaConsumers {

    private KafkaConsumers() {
    }

    public static Map<String, Object> config(String bootstrapServers, String groupId) {
        Map<String, Object> config = new HashMap<>();
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        config.put(ConsumerConfig.GROUP_ID_CONFIG, groupId);
        // The container commits, after the listener's transaction.
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        // Event topics keep their history: a new consumer starts from the beginning.
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        return config;
    }

    /**
     * A container, not yet started, for {@code topics} with the listener's consumer name as group id.
     * Offsets are committed after each poll's records have been handled (ack mode BATCH): every record's
     * transaction has committed by then, and what a crash makes Kafka deliver again, the inbox skips.
     *
     * @param concurrency consumers in this process (at most the topics' partitions are useful)
     */
    public static ConcurrentMessageListenerContainer<String, byte[]> container(
            String bootstrapServers, Collection<String> topics, int concurrency,
            InboxMessageListener<?> listener, CommonErrorHandler errorHandler) {
        DefaultKafkaConsumerFactory<String, byte[]> consumers = new DefaultKafkaConsumerFactory<>(
                config(bootstrapServers, listener.consumer()), new StringDeserializer(), new ByteArrayDeserializer());
        ContainerProperties properties = new ContainerProperties(topics.toArray(String[]::new));
        properties.setAckMode(AckMode.BATCH);
        properties.setMessageListener(listener);
        ConcurrentMessageListenerContainer<String, byte[]> container =
                new ConcurrentMessageListenerContainer<>(consumers, properties);
        container.setConcurrency(concurrency);
        container.setCommonErrorHandler(errorHandler);
        container.setBeanName("inbox-" + listener.consumer());
        return container;
    }
}

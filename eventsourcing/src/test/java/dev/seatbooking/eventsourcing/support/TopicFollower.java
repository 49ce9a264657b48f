package dev.seatbooking.eventsourcing.support;

import dev.seatbooking.testinfra.TestKafka;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.IntStream;

import static org.awaitility.Awaitility.await;

/**
 * Reads everything a test topic holds, from the beginning, without a consumer group (no rebalance to
 * wait for). Creates the topic first, so producers and this reader agree on its partitions. Not
 * thread-safe: use it from the test thread (Awaitility's {@code pollInSameThread}).
 */
public final class TopicFollower implements AutoCloseable {

    public static final int PARTITIONS = TestKafka.PARTITIONS;

    private final String topic;
    private final KafkaConsumer<String, byte[]> consumer;
    private final List<ConsumerRecord<String, byte[]>> records = new ArrayList<>();

    public TopicFollower(String topic) {
        this.topic = topic;
        TestKafka.createTopic(topic);
        consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, TestKafka.bootstrapServers(),
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed",
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false),
                new StringDeserializer(), new ByteArrayDeserializer());
        List<TopicPartition> partitions = IntStream.range(0, PARTITIONS).mapToObj(p -> new TopicPartition(topic, p)).toList();
        consumer.assign(partitions);
        consumer.seekToBeginning(partitions);
    }

    /** Polls briefly and returns every record read so far, in the order read. */
    public List<ConsumerRecord<String, byte[]>> poll() {
        consumer.poll(Duration.ofMillis(100)).forEach(records::add);
        return List.copyOf(records);
    }

    /** Reads up to the topic's current end: afterwards {@link #records()} is all the topic holds now. */
    public List<ConsumerRecord<String, byte[]>> readToEnd() {
        Map<TopicPartition, Long> end = consumer.endOffsets(consumer.assignment());
        await().pollInSameThread().atMost(Duration.ofSeconds(20)).until(() -> {
            poll();
            return end.entrySet().stream().allMatch(e -> consumer.position(e.getKey()) >= e.getValue());
        });
        return records();
    }

    public List<ConsumerRecord<String, byte[]>> records() {
        return List.copyOf(records);
    }

    /** The message ids (the {@code message-id} header) of the records read so far. */
    public List<UUID> messageIds() {
        return records.stream().map(TopicFollower::messageId).toList();
    }

    public static UUID messageId(ConsumerRecord<?, ?> record) {
        return UUID.fromString(header(record, "message-id"));
    }

    public static String header(ConsumerRecord<?, ?> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    public String topic() {
        return topic;
    }

    @Override
    public void close() {
        consumer.close();
    }
}

package dev.seatbooking.conference.support;

import dev.seatbooking.contracts.Envelope;
import dev.seatbooking.contracts.codec.MessageCodec;
import dev.seatbooking.testinfra.TestKafka;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Reads a topic from its beginning, in a consumer group of its own; each call takes what arrived since. */
public final class TopicFollower implements AutoCloseable {

    private final KafkaConsumer<String, byte[]> consumer;
    private final List<ConsumerRecord<String, byte[]>> records = new ArrayList<>();

    public TopicFollower(String topic) {
        TestKafka.ensureTopics(List.of(topic));
        consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, TestKafka.bootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, "test-follower-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false),
                new StringDeserializer(), new ByteArrayDeserializer());
        consumer.subscribe(List.of(topic));
    }

    /** Every record with this key so far, in the order the partition holds them. */
    public List<ConsumerRecord<String, byte[]>> recordsWithKey(String key) {
        consumer.poll(Duration.ofMillis(200)).forEach(records::add);
        return records.stream().filter(r -> key.equals(r.key())).toList();
    }

    /** The envelopes of the records with this key so far. */
    public List<Envelope> envelopesWithKey(UUID key) {
        return recordsWithKey(key.toString()).stream()
                .map(r -> MessageCodec.contracts().decodeEnvelope(r.value()))
                .toList();
    }

    @Override
    public void close() {
        consumer.close();
    }
}

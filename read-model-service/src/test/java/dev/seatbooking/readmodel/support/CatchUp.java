package dev.seatbooking.readmodel.support;

import dev.seatbooking.readmodel.projection.GenerationSchema;
import dev.seatbooking.readmodel.projection.Projection;
import dev.seatbooking.readmodel.projection.Tables;
import dev.seatbooking.readmodel.projection.ProjectionRunner;
import dev.seatbooking.readmodel.projection.Projections;
import dev.seatbooking.readmodel.rebuild.ProjectionLifecycle;
import dev.seatbooking.testinfra.TestKafka;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.awaitility.Awaitility;

/** Waits until every projection's serving generation has applied everything on its topics now. */
public final class CatchUp {

    private static KafkaConsumer<byte[], byte[]> probe;

    private CatchUp() {
    }

    public static synchronized Map<TopicPartition, Long> endOffsets(List<String> topics) {
        if (probe == null) {
            probe = new KafkaConsumer<>(Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, TestKafka.bootstrapServers()),
                    new ByteArrayDeserializer(), new ByteArrayDeserializer());
        }
        List<TopicPartition> partitions = new ArrayList<>();
        for (String topic : topics) {
            probe.partitionsFor(topic).forEach(p -> partitions.add(new TopicPartition(topic, p.partition())));
        }
        return probe.endOffsets(partitions);
    }

    public static void await(ProjectionLifecycle lifecycle, Projections projections) {
        for (Projection projection : projections.all()) await(lifecycle, projection);
    }

    public static void await(ProjectionLifecycle lifecycle, Projection projection) {
        Awaitility.await().atMost(Duration.ofSeconds(90)).until(() -> caughtUp(lifecycle, projection));
    }

    /**
     * Whether a generation has stored, on every partition of {@code topics}, the offset at its end now: every instance
     * feeding it has applied everything (its runners' positions are each instance's own share).
     */
    public static boolean stored(Tables tables, List<String> topics) {
        Map<TopicPartition, Long> stored = GenerationSchema.offsets(tables);
        for (var end : endOffsets(topics).entrySet()) {
            if (end.getValue() > 0 && stored.getOrDefault(end.getKey(), 0L) < end.getValue()) return false;
        }
        return true;
    }

    private static boolean caughtUp(ProjectionLifecycle lifecycle, Projection projection) {
        ProjectionRunner runner = lifecycle.liveRunner(projection.name()).orElse(null);
        if (runner == null) return false;
        Map<TopicPartition, Long> positions = runner.positions();
        for (var end : endOffsets(runner.topics()).entrySet()) {
            if (end.getValue() > 0 && positions.getOrDefault(end.getKey(), 0L) < end.getValue()) return false;
        }
        return true;
    }
}

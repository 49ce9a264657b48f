package dev.seatbooking.eventsourcing.messaging;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The consumers' group settings. What they bound is shown by the launcher's fault suite (a service killed with
 * SIGKILL and started again: its partitions come back within the session timeout, not Kafka's 45 s default); here,
 * that every consumer of the library gets them.
 */
class KafkaConsumersTest {

    @Test
    void a_crashed_consumer_gives_its_partitions_up_after_ten_seconds_of_silence_not_forty_five() {
        Map<String, Object> config = KafkaConsumers.config("localhost:9092", "group");

        assertThat(config).containsEntry(ConsumerConfig.SESSION_TIMEOUT_MS_CONFIG, 10_000)
                .containsEntry(ConsumerConfig.HEARTBEAT_INTERVAL_MS_CONFIG, 3_333);
    }
}

package dev.seatbooking.eventsourcing.messaging;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.kafka.core.DefaultKafkaConsumerFactory;
import org.springframework.kafka.listener.CommonErrorHandler;
import org.springframework.kafka.listener.ConcurrentMessageListenerContainer;
import org.springframework.kafka.listener.ContainerProperties;
import org.springframework.kafka.listener.ContainerProperties.AckMode;

import java.time.Duration;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;

/**
 * The consumer setup of this library: decode, dedupe and handle each record in one database transaction
 * ({@link InboxMessageListener}), or all the records of a poll in one ({@link BatchInboxListener}), commit offsets
 * only afterwards, and send poison records to their dead-letter topic ({@link DeadLetterPolicy}). Either way the
 * group id is the listener's consumer name, and a new group starts from the earliest offset. A partition that goes
 * quiet has what was handled committed even if the last commit failed ({@link IdlePartitionCommits}).
 */
public final class KafkaConsumers {

    /** How long the broker waits for a silent consumer before its partitions go to the group's other members. */
    public static final Duration SESSION_TIMEOUT = Duration.ofSeconds(10);

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
        // A process that crashes (kill -9, out of memory, a lost machine) never leaves its groups: its partitions stay
        // its own, unconsumed, until the broker misses its heartbeats for the session timeout. Kafka's 45 s default
        // held every order of a restarted registration pending for 45 s (the fault suite, launcher); 10 s (Kafka's
        // default before 3.0, heartbeats every 3 s) bounds that and still outlasts a GC pause.
        config.put(ConsumerConfig.SESSION_TIMEOUT_MS_CONFIG, (int) SESSION_TIMEOUT.toMillis());
        config.put(ConsumerConfig.HEARTBEAT_INTERVAL_MS_CONFIG, (int) SESSION_TIMEOUT.toMillis() / 3);
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
        ContainerProperties properties = new ContainerProperties(topics.toArray(String[]::new));
        properties.setAckMode(AckMode.BATCH);
        properties.setMessageListener(listener);
        return newContainer(config(bootstrapServers, listener.consumer()), properties, listener.consumer(), concurrency,
                errorHandler);
    }

    /**
     * {@link #container}, for a listener that handles a whole poll in one transaction. The broker gathers records for
     * a fetch up to {@code settings.fetchMaxWait()}, and offsets are committed every
     * {@code settings.offsetCommitInterval()} rather than after every poll.
     *
     * @param concurrency consumers in this process (at most the topics' partitions are useful)
     */
    public static ConcurrentMessageListenerContainer<String, byte[]> perPollContainer(
            String bootstrapServers, Collection<String> topics, int concurrency,
            BatchInboxListener<?> listener, CommonErrorHandler errorHandler, PollSettings settings) {
        Map<String, Object> config = config(bootstrapServers, listener.consumer());
        config.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, settings.maxPollRecords());
        config.put(ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG, (int) settings.fetchMaxWait().toMillis());
        config.put(ConsumerConfig.FETCH_MIN_BYTES_CONFIG, settings.fetchMinBytes());
        ContainerProperties properties = new ContainerProperties(topics.toArray(String[]::new));
        // Offsets follow the committed transactions; committing them after every poll would cost a broker round trip
        // (and the group coordinator's work) per poll, where the inbox makes a later commit just as safe.
        properties.setAckMode(AckMode.TIME);
        properties.setAckTime(Math.max(1, settings.offsetCommitInterval().toMillis()));
        properties.setMessageListener(listener);
        return newContainer(config, properties, listener.consumer(), concurrency, errorHandler);
    }

    private static ConcurrentMessageListenerContainer<String, byte[]> newContainer(
            Map<String, Object> config, ContainerProperties properties, String consumer, int concurrency,
            CommonErrorHandler errorHandler) {
        DefaultKafkaConsumerFactory<String, byte[]> consumers = new DefaultKafkaConsumerFactory<>(
                config, new StringDeserializer(), new ByteArrayDeserializer());
        properties.setIdlePartitionEventInterval(IdlePartitionCommits.INTERVAL.toMillis());
        ConcurrentMessageListenerContainer<String, byte[]> container = new QuietPartitionsCommitted(consumers, properties);
        container.setConcurrency(concurrency);
        container.setCommonErrorHandler(errorHandler);
        container.setBeanName("inbox-" + consumer);
        return container;
    }

    /** A container whose quiet partitions get their handled offsets committed, whichever publisher Spring sets. */
    private static final class QuietPartitionsCommitted extends ConcurrentMessageListenerContainer<String, byte[]> {

        QuietPartitionsCommitted(DefaultKafkaConsumerFactory<String, byte[]> consumers, ContainerProperties properties) {
            super(consumers, properties);
            setApplicationEventPublisher(null);
        }

        @Override
        public void setApplicationEventPublisher(ApplicationEventPublisher publisher) {
            super.setApplicationEventPublisher(new IdlePartitionCommits(publisher));
        }
    }
}

package dev.seatbooking.registration.messaging;

import dev.seatbooking.contracts.codec.MessageCodec;
import dev.seatbooking.contracts.Envelope;
import dev.seatbooking.eventsourcing.contracts.ContractsMessaging;
import dev.seatbooking.eventsourcing.inbox.Inbox;
import dev.seatbooking.eventsourcing.messaging.DeadLetterPolicy;
import dev.seatbooking.eventsourcing.messaging.IncomingMessageHandler;
import dev.seatbooking.eventsourcing.messaging.KafkaConsumers;
import dev.seatbooking.registration.RegistrationProperties;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.springframework.kafka.core.DefaultKafkaConsumerFactory;
import org.springframework.kafka.core.KafkaOperations;
import org.springframework.kafka.listener.ConcurrentMessageListenerContainer;
import org.springframework.kafka.listener.ContainerProperties;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.util.Collection;
import java.util.Map;
import java.util.function.Predicate;

/**
 * Like the library's {@code MessageConsumers}, with one transaction per poll ({@link BatchInboxListener}) instead of
 * one per record: same consumer configuration (group = consumer name, offsets committed after the transaction,
 * {@code read_committed}, from the earliest offset), same inbox table and names, same dead-letter policy. Tuned for a
 * busy partition: the broker gathers records for a fetch up to {@code fetch-max-wait}, and offsets are committed every
 * {@code offset-commit-interval} rather than after every poll (the inbox drops what a crash makes Kafka deliver again).
 */
public final class BatchConsumers {

    private final String bootstrapServers;
    private final MessageCodec codec;
    private final Inbox inbox;
    private final TransactionTemplate transactions;
    private final DeadLetterPolicy deadLetterPolicy;
    private final KafkaOperations<String, byte[]> deadLetters;
    private final RegistrationProperties.Messaging settings;

    public BatchConsumers(String bootstrapServers, MessageCodec codec, Inbox inbox,
                          PlatformTransactionManager transactionManager, DeadLetterPolicy deadLetterPolicy,
                          KafkaOperations<String, byte[]> deadLetters, RegistrationProperties.Messaging settings) {
        this.bootstrapServers = bootstrapServers;
        this.codec = codec;
        this.inbox = inbox;
        this.transactions = new TransactionTemplate(transactionManager);
        this.deadLetterPolicy = deadLetterPolicy;
        this.deadLetters = deadLetters;
        this.settings = settings;
    }

    /** @param handles the message types (names) the handler wants; the others are skipped without being decoded */
    public ConcurrentMessageListenerContainer<String, byte[]> subscribe(String consumer, Collection<String> topics,
                                                                        int concurrency,
                                                                        IncomingMessageHandler<Envelope> handler,
                                                                        Predicate<String> handles) {
        var listener = new BatchInboxListener(consumer, ContractsMessaging.envelopeDecoder(codec), inbox, transactions,
                handler, handles);
        Map<String, Object> config = KafkaConsumers.config(bootstrapServers, consumer);
        config.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, settings.maxPollRecords());
        config.put(ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG, (int) settings.fetchMaxWait().toMillis());
        config.put(ConsumerConfig.FETCH_MIN_BYTES_CONFIG, settings.fetchMinBytes());
        var consumers = new DefaultKafkaConsumerFactory<>(config, new StringDeserializer(), new ByteArrayDeserializer());
        ContainerProperties properties = new ContainerProperties(topics.toArray(String[]::new));
        // Offsets follow the committed transactions; committing them after every poll would cost a broker round trip
        // (and the group coordinator's work) per poll, where the inbox makes a later commit just as safe.
        properties.setAckMode(ContainerProperties.AckMode.TIME);
        properties.setAckTime(Math.max(1, settings.offsetCommitInterval().toMillis()));
        properties.setMessageListener(listener);
        var container = new ConcurrentMessageListenerContainer<>(consumers, properties);
        container.setConcurrency(concurrency);
        container.setCommonErrorHandler(deadLetterPolicy.errorHandler(deadLetters));
        container.setBeanName("inbox-" + consumer);
        return container;
    }
}

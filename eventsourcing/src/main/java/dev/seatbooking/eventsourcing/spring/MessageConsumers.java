package dev.seatbooking.eventsourcing.spring;

import dev.seatbooking.contracts.Envelope;
import dev.seatbooking.contracts.codec.MessageCodec;
import dev.seatbooking.eventsourcing.contracts.ContractsMessaging;
import dev.seatbooking.eventsourcing.inbox.InboxProcessor;
import dev.seatbooking.eventsourcing.messaging.BatchInboxListener;
import dev.seatbooking.eventsourcing.messaging.DeadLetterPolicy;
import dev.seatbooking.eventsourcing.messaging.InboxMessageListener;
import dev.seatbooking.eventsourcing.messaging.IncomingMessageHandler;
import dev.seatbooking.eventsourcing.messaging.KafkaConsumers;
import dev.seatbooking.eventsourcing.messaging.PollSettings;
import org.springframework.kafka.core.KafkaOperations;
import org.springframework.kafka.listener.ConcurrentMessageListenerContainer;

import java.util.Collection;
import java.util.function.Predicate;

/**
 * Builds the consumers of a service: decode the envelope, skip what the inbox has seen, handle it in one
 * database transaction with the inbox entry, commit the offset; poison records go to {@code <topic>.DLT}.
 * Declare the returned container as a {@code @Bean}: Spring starts it with the application and stops it,
 * finishing the record in hand, on shutdown.
 * <p>
 * {@link #subscribe} handles each record in a transaction of its own; {@link #subscribePerPoll} all the records of a
 * poll in one, for a partition too busy for a commit per record.
 */
public final class MessageConsumers {

    private final String bootstrapServers;
    private final MessageCodec codec;
    private final InboxProcessor inbox;
    private final DeadLetterPolicy deadLetterPolicy;
    private final KafkaOperations<String, byte[]> deadLetters;

    public MessageConsumers(String bootstrapServers, MessageCodec codec, InboxProcessor inbox,
                            DeadLetterPolicy deadLetterPolicy, KafkaOperations<String, byte[]> deadLetters) {
        this.bootstrapServers = bootstrapServers;
        this.codec = codec;
        this.inbox = inbox;
        this.deadLetterPolicy = deadLetterPolicy;
        this.deadLetters = deadLetters;
    }

    /**
     * @param consumer    names the consumer in the inbox and its Kafka consumer group: keep it stable
     * @param concurrency consumer threads in this instance (more than the topics' partitions is useless)
     */
    public ConcurrentMessageListenerContainer<String, byte[]> subscribe(String consumer, Collection<String> topics,
                                                                        int concurrency,
                                                                        IncomingMessageHandler<Envelope> handler) {
        var listener = new InboxMessageListener<>(consumer, ContractsMessaging.envelopeDecoder(codec), inbox, handler);
        return KafkaConsumers.container(bootstrapServers, topics, concurrency, listener,
                deadLetterPolicy.errorHandler(deadLetters));
    }

    /**
     * Like {@link #subscribe}, with one transaction per poll instead of one per record ({@link BatchInboxListener}):
     * same consumer group, inbox and dead-letter policy, but one inbox statement and one commit for up to
     * {@code settings.maxPollRecords()} records, and offsets committed every {@code settings.offsetCommitInterval()}.
     * If a poll's transaction fails, its records are handled again one by one, so only the failing record is retried
     * and dead-lettered.
     *
     * @param consumer    names the consumer in the inbox and its Kafka consumer group: keep it stable
     * @param concurrency consumer threads in this instance (more than the topics' partitions is useless)
     * @param handles     the message types (names) the handler wants; the others are skipped without being decoded
     *                    or recorded in the inbox
     */
    public ConcurrentMessageListenerContainer<String, byte[]> subscribePerPoll(
            String consumer, Collection<String> topics, int concurrency, IncomingMessageHandler<Envelope> handler,
            Predicate<String> handles, PollSettings settings) {
        var listener = new BatchInboxListener<>(consumer, ContractsMessaging.envelopeDecoder(codec), inbox, handler,
                handles);
        return KafkaConsumers.perPollContainer(bootstrapServers, topics, concurrency, listener,
                deadLetterPolicy.errorHandler(deadLetters), settings);
    }
}

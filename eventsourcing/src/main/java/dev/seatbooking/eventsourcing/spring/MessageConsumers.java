package dev.seatbooking.eventsourcing.spring;

import dev.seatbooking.contracts.Envelope;
import dev.seatbooking.contracts.codec.MessageCodec;
import dev.seatbooking.eventsourcing.contracts.ContractsMessaging;
import dev.seatbooking.eventsourcing.inbox.InboxProcessor;
import dev.seatbooking.eventsourcing.messaging.DeadLetterPolicy;
import dev.seatbooking.eventsourcing.messaging.InboxMessageListener;
import dev.seatbooking.eventsourcing.messaging.IncomingMessageHandler;
import dev.seatbooking.eventsourcing.messaging.KafkaConsumers;
import org.springframework.kafka.core.KafkaOperations;
import org.springframework.kafka.listener.ConcurrentMessageListenerContainer;

import java.util.Collection;

/**
 * Builds the consumers of a service: decode the envelope, skip what the inbox has seen, handle it in one
 * database transaction with the inbox entry, commit the offset; poison records go to {@code <topic>.DLT}.
 * Declare the returned container as a {@code @Bean}: Spring starts it with the application and stops it,
 * finishing the record in hand, on shutdown.
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
}

package dev.seatbooking.eventsourcing.messaging;

import dev.seatbooking.eventsourcing.correlation.Correlation;
import dev.seatbooking.eventsourcing.inbox.InboxProcessor;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.listener.MessageListener;

import java.util.Objects;

/**
 * Decodes a record, then handles it once per consumer: the inbox entry and the handler's effects commit in
 * one transaction before the listener returns, so the container commits the offset only after them.
 * A redelivered record finds its inbox entry and is skipped.
 */
public final class InboxMessageListener<T> implements MessageListener<String, byte[]> {

    private final String consumer;
    private final MessageDecoder<? extends T> decoder;
    private final InboxProcessor inbox;
    private final IncomingMessageHandler<T> handler;

    /** @param consumer names this consumer in the inbox; also its Kafka consumer group */
    public InboxMessageListener(String consumer, MessageDecoder<? extends T> decoder, InboxProcessor inbox,
                                IncomingMessageHandler<T> handler) {
        this.consumer = Objects.requireNonNull(consumer);
        this.decoder = Objects.requireNonNull(decoder);
        this.inbox = Objects.requireNonNull(inbox);
        this.handler = Objects.requireNonNull(handler);
    }

    public String consumer() {
        return consumer;
    }

    @Override
    public void onMessage(ConsumerRecord<String, byte[]> record) {
        IncomingMessage<T> message = IncomingRecords.decode(record, decoder);
        // Every log line written while handling it names the message's conversation.
        try (var correlation = Correlation.open(message.correlationId().toString())) {
            inbox.processOnce(consumer, message.messageId(), () -> handler.handle(message));
        }
    }
}

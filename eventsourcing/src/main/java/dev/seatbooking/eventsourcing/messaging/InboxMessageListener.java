package dev.seatbooking.eventsourcing.messaging;

import dev.seatbooking.eventsourcing.correlation.Correlation;

import dev.seatbooking.eventsourcing.inbox.InboxProcessor;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Headers;
import org.springframework.kafka.listener.MessageListener;

import java.util.Objects;
import java.util.UUID;

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
        IncomingMessage<T> message = decode(record);
        // Every log line written while handling it names the message's conversation.
        try (var correlation = Correlation.open(message.correlationId().toString())) {
            inbox.processOnce(consumer, message.messageId(), () -> handler.handle(message));
        }
    }

    private IncomingMessage<T> decode(ConsumerRecord<String, byte[]> record) {
        try {
            Headers headers = record.headers();
            UUID messageId = MessageHeaders.uuid(headers, MessageHeaders.MESSAGE_ID)
                    .orElseThrow(() -> new UndecodableMessageException("No " + MessageHeaders.MESSAGE_ID + " header"));
            String type = MessageHeaders.text(headers, MessageHeaders.MESSAGE_TYPE).orElse(null);
            T payload = decoder.decode(type, record.value());
            return new IncomingMessage<>(messageId, type,
                    MessageHeaders.uuid(headers, MessageHeaders.CORRELATION_ID).orElse(messageId),
                    MessageHeaders.uuid(headers, MessageHeaders.CAUSATION_ID).orElse(null),
                    record.key(), payload);
        } catch (UndecodableMessageException e) {
            throw e;
        } catch (RuntimeException e) {
            throw new UndecodableMessageException("Cannot decode the record at " + record.topic() + "-"
                    + record.partition() + "@" + record.offset() + ": " + e.getMessage(), e);
        }
    }
}

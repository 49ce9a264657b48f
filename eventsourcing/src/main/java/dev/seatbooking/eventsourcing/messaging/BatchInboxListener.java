package dev.seatbooking.eventsourcing.messaging;

import dev.seatbooking.eventsourcing.correlation.Correlation;
import dev.seatbooking.eventsourcing.inbox.InboxProcessor;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.listener.BatchListenerFailedException;
import org.springframework.kafka.listener.BatchMessageListener;

import java.util.List;
import java.util.Objects;
import java.util.function.Predicate;

/**
 * {@link InboxMessageListener}, one poll at a time instead of one record at a time: every record of the poll is
 * decoded, deduplicated against the consumer's inbox (one statement) and handled in <em>one</em> database
 * transaction, so a busy partition costs one commit per poll rather than one per record. Same guarantees: the inbox
 * entries and the handler's effects commit together, before the container commits the offsets; a redelivered record
 * finds its inbox entry and is skipped.
 * <p>
 * If the poll's transaction fails, nothing of it is kept and the records are handled again one transaction each;
 * the first one that fails on its own is reported to the container's error handler by its index
 * ({@link BatchListenerFailedException}): the records before it are done (committed), it is retried with the
 * dead-letter policy's backoff and, failing still, dead-lettered, and the rest of the poll is delivered again.
 * <p>
 * Build its container with {@link KafkaConsumers#perPollContainer}.
 */
public final class BatchInboxListener<T> implements BatchMessageListener<String, byte[]> {

    private static final Logger log = LoggerFactory.getLogger(BatchInboxListener.class);

    private final String consumer;
    private final MessageDecoder<? extends T> decoder;
    private final InboxProcessor inbox;
    private final IncomingMessageHandler<T> handler;
    private final Predicate<String> handles;

    /**
     * @param consumer names this consumer in the inbox; also its Kafka consumer group
     * @param handles  whether the handler wants messages of a type (by the {@code message-type} header): the others
     *                 are skipped undecoded, and not recorded in the inbox (a redelivery skips them again)
     */
    public BatchInboxListener(String consumer, MessageDecoder<? extends T> decoder, InboxProcessor inbox,
                              IncomingMessageHandler<T> handler, Predicate<String> handles) {
        this.consumer = Objects.requireNonNull(consumer);
        this.decoder = Objects.requireNonNull(decoder);
        this.inbox = Objects.requireNonNull(inbox);
        this.handler = Objects.requireNonNull(handler);
        this.handles = Objects.requireNonNull(handles);
    }

    public String consumer() {
        return consumer;
    }

    @Override
    public void onMessage(List<ConsumerRecord<String, byte[]>> records) {
        if (records.stream().noneMatch(this::wanted)) return;
        try {
            List<IncomingMessage<T>> messages = records.stream().filter(this::wanted).map(this::decode).toList();
            // A message seen before (or twice in the poll) is skipped.
            inbox.processEachOnce(consumer, messages, IncomingMessage::messageId, this::handleInItsConversation);
            return;
        } catch (RuntimeException pollFailed) {
            if (records.size() == 1) {
                throw new BatchListenerFailedException(IncomingRecords.describe(records.getFirst()), pollFailed, 0);
            }
            log.debug("{}: a poll of {} records failed as a whole ({}); handling them one by one", consumer,
                    records.size(), pollFailed.toString());
        }
        for (int i = 0; i < records.size(); i++) {
            ConsumerRecord<String, byte[]> record = records.get(i);
            if (!wanted(record)) continue;
            try {
                IncomingMessage<T> message = decode(record);
                inbox.processOnce(consumer, message.messageId(), () -> handleInItsConversation(message));
            } catch (RuntimeException failed) {
                // The message becomes the dead letter's exception-message header: say why, not only where.
                throw new BatchListenerFailedException(IncomingRecords.describe(record) + ": " + failed, failed, i);
            }
        }
    }

    /** Every log line written while handling a message names the message's conversation. */
    private void handleInItsConversation(IncomingMessage<T> message) {
        try (var correlation = Correlation.open(message.correlationId().toString())) {
            handler.handle(message);
        }
    }

    /** A record without a type header is decoded (and dead-lettered if it is no message). */
    private boolean wanted(ConsumerRecord<String, byte[]> record) {
        return MessageHeaders.text(record.headers(), MessageHeaders.MESSAGE_TYPE).map(handles::test).orElse(true);
    }

    private IncomingMessage<T> decode(ConsumerRecord<String, byte[]> record) {
        return IncomingRecords.decode(record, decoder);
    }
}

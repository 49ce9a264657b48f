package dev.seatbooking.registration.messaging;

import dev.seatbooking.contracts.Envelope;
import dev.seatbooking.eventsourcing.inbox.Inbox;
import dev.seatbooking.eventsourcing.messaging.IncomingMessage;
import dev.seatbooking.eventsourcing.messaging.IncomingMessageHandler;
import dev.seatbooking.eventsourcing.messaging.MessageDecoder;
import dev.seatbooking.eventsourcing.messaging.MessageHeaders;
import dev.seatbooking.eventsourcing.messaging.UndecodableMessageException;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Headers;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.listener.BatchListenerFailedException;
import org.springframework.kafka.listener.BatchMessageListener;
import org.springframework.transaction.support.TransactionTemplate;

import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.function.Predicate;

/**
 * The library's inbox consumer ({@code InboxMessageListener}), one poll at a time instead of one record at a time:
 * every record of the poll is decoded, deduplicated against the consumer's inbox and handled in <em>one</em>
 * database transaction, so a busy partition costs one commit per poll rather than one per record. Same guarantees:
 * the inbox entries and the handlers' effects commit together, before the container commits the offsets; a
 * redelivered record finds its inbox entry and is skipped.
 * <p>
 * If the poll's transaction fails, nothing of it is kept and the records are handled again one transaction each;
 * the first one that fails on its own is reported to the container's error handler by its index
 * ({@link BatchListenerFailedException}): the records before it are done (committed), it is retried with the
 * dead-letter policy's backoff and, failing still, dead-lettered, and the rest of the poll is delivered again.
 */
final class BatchInboxListener implements BatchMessageListener<String, byte[]> {

    private static final Logger log = LoggerFactory.getLogger(BatchInboxListener.class);

    private final String consumer;
    private final MessageDecoder<Envelope> decoder;
    private final Inbox inbox;
    private final TransactionTemplate transactions;
    private final IncomingMessageHandler<Envelope> handler;
    private final Predicate<String> handles;

    /**
     * @param handles whether the handler wants messages of a type (by the {@code message-type} header): the others
     *                are skipped undecoded, and not recorded in the inbox (a redelivery skips them again)
     */
    BatchInboxListener(String consumer, MessageDecoder<Envelope> decoder, Inbox inbox, TransactionTemplate transactions,
                       IncomingMessageHandler<Envelope> handler, Predicate<String> handles) {
        this.consumer = Objects.requireNonNull(consumer);
        this.decoder = Objects.requireNonNull(decoder);
        this.inbox = Objects.requireNonNull(inbox);
        this.transactions = Objects.requireNonNull(transactions);
        this.handler = Objects.requireNonNull(handler);
        this.handles = Objects.requireNonNull(handles);
    }

    String consumer() {
        return consumer;
    }

    @Override
    public void onMessage(List<ConsumerRecord<String, byte[]>> records) {
        if (records.stream().noneMatch(this::wanted)) return;
        try {
            List<IncomingMessage<Envelope>> messages = records.stream().filter(this::wanted).map(this::decode).toList();
            transactions.executeWithoutResult(status -> {
                // One statement records the poll in the inbox; a message seen before (or twice in the poll) is skipped.
                Set<UUID> firstDeliveries = inbox.firstDeliveries(consumer,
                        messages.stream().map(IncomingMessage::messageId).toList());
                for (IncomingMessage<Envelope> message : messages) {
                    if (firstDeliveries.remove(message.messageId())) handler.handle(message);
                }
            });
            return;
        } catch (RuntimeException pollFailed) {
            if (records.size() == 1) throw new BatchListenerFailedException(describe(records.getFirst()), pollFailed, 0);
            log.debug("{}: a poll of {} records failed as a whole ({}); handling them one by one", consumer,
                    records.size(), pollFailed.toString());
        }
        for (int i = 0; i < records.size(); i++) {
            ConsumerRecord<String, byte[]> record = records.get(i);
            if (!wanted(record)) continue;
            try {
                IncomingMessage<Envelope> message = decode(record);
                transactions.executeWithoutResult(status -> handleOnce(message));
            } catch (RuntimeException failed) {
                throw new BatchListenerFailedException(describe(record), failed, i);
            }
        }
    }

    /** A record without a type header is decoded (and dead-lettered if it is no message). */
    private boolean wanted(ConsumerRecord<String, byte[]> record) {
        return MessageHeaders.text(record.headers(), MessageHeaders.MESSAGE_TYPE).map(handles::test).orElse(true);
    }

    private void handleOnce(IncomingMessage<Envelope> message) {
        if (inbox.firstDelivery(consumer, message.messageId())) handler.handle(message);
    }

    private IncomingMessage<Envelope> decode(ConsumerRecord<String, byte[]> record) {
        try {
            Headers headers = record.headers();
            UUID messageId = MessageHeaders.uuid(headers, MessageHeaders.MESSAGE_ID)
                    .orElseThrow(() -> new UndecodableMessageException("No " + MessageHeaders.MESSAGE_ID + " header"));
            String type = MessageHeaders.text(headers, MessageHeaders.MESSAGE_TYPE).orElse(null);
            Envelope payload = decoder.decode(type, record.value());
            return new IncomingMessage<>(messageId, type,
                    MessageHeaders.uuid(headers, MessageHeaders.CORRELATION_ID).orElse(messageId),
                    MessageHeaders.uuid(headers, MessageHeaders.CAUSATION_ID).orElse(null),
                    record.key(), payload);
        } catch (UndecodableMessageException e) {
            throw e;
        } catch (RuntimeException e) {
            throw new UndecodableMessageException("Cannot decode the record at " + describe(record) + ": "
                    + e.getMessage(), e);
        }
    }

    private static String describe(ConsumerRecord<?, ?> record) {
        return record.topic() + "-" + record.partition() + "@" + record.offset();
    }
}

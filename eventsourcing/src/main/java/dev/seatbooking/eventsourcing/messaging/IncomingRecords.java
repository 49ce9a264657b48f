package dev.seatbooking.eventsourcing.messaging;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Headers;

import java.util.UUID;

/** What the inbox listeners, per record and per poll, share: a record read as a message, and named in errors. */
final class IncomingRecords {

    private IncomingRecords() {
    }

    /**
     * @throws UndecodableMessageException if the record has no message id or the decoder rejects it: such a record is
     *                                     dead-lettered without retries
     */
    static <T> IncomingMessage<T> decode(ConsumerRecord<String, byte[]> record, MessageDecoder<? extends T> decoder) {
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
            throw new UndecodableMessageException("Cannot decode the record at " + describe(record) + ": "
                    + e.getMessage(), e);
        }
    }

    /** {@code <topic>-<partition>@<offset>} */
    static String describe(ConsumerRecord<?, ?> record) {
        return record.topic() + "-" + record.partition() + "@" + record.offset();
    }
}

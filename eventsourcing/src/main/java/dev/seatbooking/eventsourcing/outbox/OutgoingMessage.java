package dev.seatbooking.eventsourcing.outbox;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/**
 * A Kafka record to send, once it is due.
 *
 * @param messageId the message's identity: sent as the {@code message-id} header, so consumers can drop
 *                  a redelivery; enqueuing the same id twice keeps the first
 * @param topic     where it goes
 * @param key       the record key (an aggregate or process id: it picks the partition); may be null
 * @param value     the record value, encoded by the caller
 * @param headers   further record headers (correlation id, message type, …)
 * @param dueAt     not to be sent before this instant; {@code null} means as soon as the enqueuing
 *                  transaction commits, by the database's clock (a service clock running ahead would
 *                  otherwise delay "send now" messages)
 */
public record OutgoingMessage(UUID messageId, String topic, String key, byte[] value, Map<String, String> headers,
                              Instant dueAt) {

    public OutgoingMessage {
        Objects.requireNonNull(messageId, "messageId");
        Objects.requireNonNull(topic, "topic");
        Objects.requireNonNull(value, "value");
        headers = headers == null ? Map.of() : Map.copyOf(headers);
    }

    /** A message sent as soon as the transaction that enqueues it commits. */
    public static OutgoingMessage sendNow(UUID messageId, String topic, String key, byte[] value,
                                          Map<String, String> headers) {
        return new OutgoingMessage(messageId, topic, key, value, headers, null);
    }

    /** A message sent at {@code dueAt} (or right after commit, if that has passed). */
    public static OutgoingMessage scheduled(UUID messageId, String topic, String key, byte[] value,
                                            Map<String, String> headers, Instant dueAt) {
        return new OutgoingMessage(messageId, topic, key, value, headers, Objects.requireNonNull(dueAt, "dueAt"));
    }

    // A record compares arrays by identity; an outgoing message is compared by content.
    @Override
    public boolean equals(Object o) {
        return o instanceof OutgoingMessage m && messageId.equals(m.messageId) && topic.equals(m.topic)
                && Objects.equals(key, m.key) && java.util.Arrays.equals(value, m.value)
                && headers.equals(m.headers) && Objects.equals(dueAt, m.dueAt);
    }

    @Override
    public int hashCode() {
        return messageId.hashCode();
    }

    @Override
    public String toString() {
        return "OutgoingMessage[" + messageId + " to " + topic + " key " + key + ", " + value.length + " bytes"
                + (dueAt == null ? ", due now" : ", due " + dueAt) + "]";
    }
}

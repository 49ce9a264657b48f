package dev.seatbooking.eventsourcing.messaging;

import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;

import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.UUID;

/**
 * The Kafka headers every message of the platform carries, so that a consumer can dedupe (message id),
 * pick a decoder (message type) and keep the conversation together (correlation and causation ids)
 * before it decodes the payload.
 */
public final class MessageHeaders {

    public static final String MESSAGE_ID = "message-id";
    public static final String MESSAGE_TYPE = "message-type";
    public static final String CORRELATION_ID = "correlation-id";
    public static final String CAUSATION_ID = "causation-id";

    private MessageHeaders() {
    }

    /** Headers for one message; a missing correlation or causation id is left out. */
    public static Headers of(UUID messageId, String messageType, UUID correlationId, UUID causationId) {
        Headers headers = new RecordHeaders();
        headers.add(MESSAGE_ID, utf8(messageId.toString()));
        headers.add(MESSAGE_TYPE, utf8(messageType));
        if (correlationId != null) headers.add(CORRELATION_ID, utf8(correlationId.toString()));
        if (causationId != null) headers.add(CAUSATION_ID, utf8(causationId.toString()));
        return headers;
    }

    /** The last value of a header as text. */
    public static Optional<String> text(Headers headers, String name) {
        Header header = headers.lastHeader(name);
        return header == null || header.value() == null
                ? Optional.empty()
                : Optional.of(new String(header.value(), StandardCharsets.UTF_8));
    }

    /**
     * The last value of a header as a UUID.
     *
     * @throws IllegalArgumentException if the header is there but not a UUID
     */
    public static Optional<UUID> uuid(Headers headers, String name) {
        return text(headers, name).map(UUID::fromString);
    }

    private static byte[] utf8(String value) {
        return value.getBytes(StandardCharsets.UTF_8);
    }
}

package dev.seatbooking.eventsourcing.messaging;

/**
 * Turns a record's payload into a message (usually the contracts' codec with its upcasters). May throw
 * anything when the payload is not a valid message: that record is not retried but dead-lettered.
 *
 * @param <T> the messages of the subscribed topics, typically a sealed interface per context
 */
@FunctionalInterface
public interface MessageDecoder<T> {

    /** @param messageType the {@code message-type} header, or null if the record has none */
    T decode(String messageType, byte[] payload);
}

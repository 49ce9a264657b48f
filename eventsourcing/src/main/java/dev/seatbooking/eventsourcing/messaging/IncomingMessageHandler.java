package dev.seatbooking.eventsourcing.messaging;

/**
 * Applies a message's effects. Runs inside the database transaction that also records the message in the
 * inbox; throwing rolls both back, and the message is retried, then dead-lettered.
 */
@FunctionalInterface
public interface IncomingMessageHandler<T> {

    void handle(IncomingMessage<T> message);
}

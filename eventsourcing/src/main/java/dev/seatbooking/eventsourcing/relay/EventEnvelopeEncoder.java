package dev.seatbooking.eventsourcing.relay;

import dev.seatbooking.eventsourcing.store.StoredEvent;

/**
 * Turns a stored event into the bytes of its Kafka record. The shape on the wire (the envelope) belongs to
 * the messages' contracts, not to the relay, so services plug in their codec here.
 */
@FunctionalInterface
public interface EventEnvelopeEncoder {

    byte[] encode(StoredEvent event);
}

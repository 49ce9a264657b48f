package dev.seatbooking.eventsourcing.contracts;

import dev.seatbooking.contracts.Envelope;
import dev.seatbooking.contracts.Message;
import dev.seatbooking.contracts.codec.MessageCodec;
import dev.seatbooking.eventsourcing.messaging.MessageDecoder;
import dev.seatbooking.eventsourcing.relay.EventEnvelopeEncoder;
import dev.seatbooking.eventsourcing.store.EventMetadata;
import dev.seatbooking.eventsourcing.store.StoredEvent;

/**
 * The wire format between services: every Kafka record's value is a contracts {@link Envelope}, encoded
 * and decoded by the contracts' {@link MessageCodec} (stable type names, upcasting on the way in).
 */
public final class ContractsMessaging {

    private ContractsMessaging() {
    }

    /** For the relay: a stored event (upcast if it is an old version) as an envelope. */
    public static EventEnvelopeEncoder envelopeEncoder(MessageCodec codec) {
        return stored -> codec.encodeEnvelope(envelopeOf(codec, stored));
    }

    /** For consumers: a record's value as an envelope. */
    public static MessageDecoder<Envelope> envelopeDecoder(MessageCodec codec) {
        return (type, payload) -> codec.decodeEnvelope(payload);
    }

    public static Envelope envelopeOf(MessageCodec codec, StoredEvent stored) {
        Message payload = codec.decode(stored.eventType(), stored.schemaVersion(), stored.payloadJson());
        EventMetadata metadata = stored.metadata();
        // A conversation's first message has no cause of its own; the envelope then names the conversation.
        var causation = metadata.causationId() != null ? metadata.causationId() : metadata.correlationId();
        return new Envelope(stored.messageId(), codec.types().nameOf(payload.getClass()),
                codec.types().versionOf(payload.getClass()), metadata.correlationId(), causation,
                stored.recordedAt(), stored.streamId(), stored.version(), payload);
    }
}

package dev.seatbooking.eventsourcing.contracts;

import dev.seatbooking.contracts.Envelope;
import dev.seatbooking.contracts.Message;
import dev.seatbooking.contracts.MessageTypes;
import dev.seatbooking.contracts.codec.MessageCodec;
import dev.seatbooking.contracts.codec.StoredEnvelope;
import dev.seatbooking.eventsourcing.messaging.MessageDecoder;
import dev.seatbooking.eventsourcing.messaging.MessageHeaders;
import dev.seatbooking.eventsourcing.outbox.OutgoingMessage;
import dev.seatbooking.eventsourcing.relay.EventEnvelopeEncoder;
import dev.seatbooking.eventsourcing.store.AppendResult;
import dev.seatbooking.eventsourcing.store.EventMetadata;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The wire format between services: every Kafka record's value is a contracts {@link Envelope}, encoded
 * and decoded by the contracts' {@link MessageCodec} (stable type names, upcasting on the way in).
 */
public final class ContractsMessaging {

    private ContractsMessaging() {
    }

    /**
     * For the relay: a stored event as an envelope; its payload copied as stored when it is at its current version,
     * upcast when it is an old one.
     */
    public static EventEnvelopeEncoder envelopeEncoder(MessageCodec codec) {
        return stored -> {
            EventMetadata metadata = stored.metadata();
            return codec.encodeEnvelope(new StoredEnvelope(stored.messageId(), stored.eventType(),
                    stored.schemaVersion(), metadata.correlationId(), causationOf(metadata), stored.recordedAt(),
                    stored.streamId(), stored.version(), stored.payloadJson()));
        };
    }

    /** For consumers: a record's value as an envelope. */
    public static MessageDecoder<Envelope> envelopeDecoder(MessageCodec codec) {
        return (type, payload) -> codec.decodeEnvelope(payload);
    }

    /** A conversation's first message has no cause of its own; its envelope then names the conversation. */
    private static UUID causationOf(EventMetadata metadata) {
        return metadata.causationId() != null ? metadata.causationId() : metadata.correlationId();
    }

    /**
     * Events just appended, as the envelopes the relay will publish them in (same message ids, metadata and versions;
     * occurring now): for handing them on in-process, in the transaction that appended them.
     */
    public static List<Envelope> envelopesOf(MessageTypes types, AppendResult appended, List<? extends Message> events,
                                             EventMetadata metadata) {
        // Microseconds, as the store keeps its timestamps.
        Instant at = Instant.now().truncatedTo(ChronoUnit.MICROS);
        UUID causation = causationOf(metadata);
        int firstVersion = appended.version() - events.size() + 1;
        List<Envelope> envelopes = new ArrayList<>(events.size());
        for (int i = 0; i < events.size(); i++) {
            Message payload = events.get(i);
            envelopes.add(new Envelope(appended.messageIds().get(i), types.nameOf(payload.getClass()),
                    types.versionOf(payload.getClass()), metadata.correlationId(), causation, at,
                    appended.streamId(), firstVersion + i, payload));
        }
        return envelopes;
    }

    /**
     * A command (or other message) to send through the outgoing-messages table: keyed by its aggregate id,
     * with the same headers the relay puts on events. {@code dueAt} null means as soon as the transaction
     * that enqueues it commits.
     */
    public static OutgoingMessage outgoing(MessageCodec codec, String topic, Envelope envelope, Instant dueAt) {
        Map<String, String> headers = Map.of(
                MessageHeaders.MESSAGE_TYPE, envelope.type(),
                MessageHeaders.CORRELATION_ID, envelope.correlationId().toString(),
                MessageHeaders.CAUSATION_ID, envelope.causationId().toString());
        return new OutgoingMessage(envelope.messageId(), topic, envelope.aggregateId().toString(),
                codec.encodeEnvelope(envelope), headers, dueAt);
    }
}

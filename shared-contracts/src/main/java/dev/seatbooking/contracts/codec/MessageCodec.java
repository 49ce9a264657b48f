package dev.seatbooking.contracts.codec;

import com.fasterxml.jackson.annotation.JsonAutoDetect.Visibility;
import dev.seatbooking.contracts.ContractException;
import dev.seatbooking.contracts.Envelope;
import dev.seatbooking.contracts.Message;
import dev.seatbooking.contracts.MessageTypes;
import dev.seatbooking.contracts.Require;
import tools.jackson.core.JacksonException;
import tools.jackson.core.StreamWriteFeature;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.cfg.DateTimeFeature;
import tools.jackson.databind.cfg.JsonNodeFeature;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;
import tools.jackson.databind.util.RawValue;

import java.util.Optional;

/**
 * Messages to JSON and back, by stable type name, upcasting old versions on the way in. Thread-safe.
 *
 * <p>The envelope's wire format is one JSON object: {@code messageId, type, schemaVersion, correlationId,
 * causationId, occurredAt, aggregateId, aggregateVersion, payload}.
 *
 * <p>Failures are {@link dev.seatbooking.contracts.UnknownMessageTypeException} (a type this registry does not know) and
 * {@link MessageDecodingException} (anything else wrong with the bytes); no Jackson exception leaks out.
 */
public final class MessageCodec {

    private final MessageTypes types;
    private final Upcasters upcasters;
    private final JsonMapper mapper;

    public MessageCodec(MessageTypes types, Upcasters upcasters) {
        this.types = Require.nonNull(types, "types");
        this.upcasters = Require.nonNull(upcasters, "upcasters");
        this.mapper = newMapper();
    }

    /** The contracts registry with the built-in upcasters. */
    public static MessageCodec contracts() {
        return Contracts.CODEC;
    }

    public MessageTypes types() {
        return types;
    }

    /** @throws dev.seatbooking.contracts.UnknownMessageTypeException if the message's class is not registered */
    public SerializedMessage encode(Message message) {
        Require.nonNull(message, "message");
        Class<? extends Message> type = message.getClass();
        String name = types.nameOf(type);
        try {
            return new SerializedMessage(name, types.versionOf(type), mapper.writeValueAsString(message));
        } catch (JacksonException e) {
            throw new ContractException("Cannot encode " + name + ": " + e.getOriginalMessage(), e);
        }
    }

    /**
     * Upcasts, then decodes.
     *
     * @throws dev.seatbooking.contracts.UnknownMessageTypeException if the (upcast) type is not registered
     * @throws MessageDecodingException                              if the JSON does not make that message
     */
    public Message decode(String type, int schemaVersion, String json) {
        Require.nonNull(type, "type");
        Require.nonNull(json, "json");
        JsonNode tree;
        try {
            tree = mapper.readTree(json);
        } catch (JacksonException e) {
            throw new MessageDecodingException(
                    "Cannot decode " + type + " v" + schemaVersion + ": malformed JSON: " + e.getOriginalMessage(), e);
        }
        return decodePayload(type, schemaVersion, tree);
    }

    public Message decode(SerializedMessage message) {
        Require.nonNull(message, "message");
        return decode(message.type(), message.schemaVersion(), message.json());
    }

    /** The envelope as UTF-8 JSON. */
    public byte[] encodeEnvelope(Envelope envelope) {
        Require.nonNull(envelope, "envelope");
        types.nameOf(envelope.payload().getClass()); // only registered messages go out
        try {
            return mapper.writeValueAsBytes(new OutgoingWireEnvelope(envelope.messageId(), envelope.type(),
                    envelope.schemaVersion(), envelope.correlationId(), envelope.causationId(), envelope.occurredAt(),
                    envelope.aggregateId(), envelope.aggregateVersion(), envelope.payload()));
        } catch (JacksonException e) {
            throw new ContractException("Cannot encode " + envelope.type() + ": " + e.getOriginalMessage(), e);
        }
    }

    /**
     * A stored message's envelope as UTF-8 JSON. A payload of a known type at its current schema version is copied
     * in as stored, not decoded and encoded again: this codec wrote it (the event store's case, and the relay's hot
     * path). An older version is decoded, upcast and encoded, so the wire only ever carries current versions.
     *
     * @throws dev.seatbooking.contracts.UnknownMessageTypeException if the (upcast) type is not registered
     * @throws MessageDecodingException                              if an older payload does not upcast
     */
    public byte[] encodeEnvelope(StoredEnvelope stored) {
        Require.nonNull(stored, "stored");
        Optional<Class<? extends Message>> type = types.find(stored.type());
        if (type.isEmpty() || types.versionOf(type.get()) != stored.schemaVersion()) {
            Message payload = decode(stored.type(), stored.schemaVersion(), stored.payloadJson());
            return encodeEnvelope(new Envelope(stored.messageId(), types.nameOf(payload.getClass()),
                    types.versionOf(payload.getClass()), stored.correlationId(), stored.causationId(),
                    stored.occurredAt(), stored.aggregateId(), stored.aggregateVersion(), payload));
        }
        try {
            return mapper.writeValueAsBytes(new OutgoingWireEnvelope(stored.messageId(), stored.type(),
                    stored.schemaVersion(), stored.correlationId(), stored.causationId(), stored.occurredAt(),
                    stored.aggregateId(), stored.aggregateVersion(), new RawValue(stored.payloadJson())));
        } catch (JacksonException e) {
            throw new ContractException("Cannot encode " + stored.type() + ": " + e.getOriginalMessage(), e);
        }
    }

    /**
     * Decodes an envelope, upcasting its payload; the envelope's type and version are then the current ones.
     *
     * @throws dev.seatbooking.contracts.UnknownMessageTypeException if the (upcast) type is not registered
     * @throws MessageDecodingException                              if the bytes do not make an envelope of it
     */
    public Envelope decodeEnvelope(byte[] bytes) {
        Require.nonNull(bytes, "bytes");
        WireEnvelope wire;
        try {
            wire = mapper.readValue(bytes, WireEnvelope.class);
        } catch (JacksonException e) {
            throw new MessageDecodingException("Cannot decode envelope: " + DecodingErrors.describe(e), e);
        }
        if (wire.type() == null) {
            throw new MessageDecodingException("Cannot decode envelope: type is required");
        }
        Message payload = decodePayload(wire.type(), wire.schemaVersion(), wire.payload());
        try {
            return new Envelope(wire.messageId(), types.nameOf(payload.getClass()), types.versionOf(payload.getClass()),
                    wire.correlationId(), wire.causationId(), wire.occurredAt(), wire.aggregateId(),
                    wire.aggregateVersion(), payload);
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new MessageDecodingException("Cannot decode envelope of " + wire.type() + ": " + e.getMessage(), e);
        }
    }

    private Message decodePayload(String type, int schemaVersion, JsonNode tree) {
        String stored = type + " v" + schemaVersion;
        if (!(tree instanceof ObjectNode json)) {
            throw new MessageDecodingException("Cannot decode " + stored + ": the payload is not a JSON object");
        }
        JsonMessage current;
        try {
            current = upcasters.upcast(new JsonMessage(type, schemaVersion, json));
        } catch (ContractException e) {
            throw e;
        } catch (RuntimeException e) {
            throw new MessageDecodingException("Cannot upcast " + stored + ": " + e.getMessage(), e);
        }
        Class<? extends Message> target = types.classOf(current.type());
        int expected = types.versionOf(target);
        if (current.schemaVersion() != expected) {
            throw new MessageDecodingException("Cannot decode " + stored + ": the current version of "
                    + current.type() + " is v" + expected + " and no upcaster leads from v" + current.schemaVersion());
        }
        try {
            return mapper.treeToValue(current.json(), target);
        } catch (JacksonException e) {
            throw new MessageDecodingException("Cannot decode " + stored + ": " + DecodingErrors.describe(e), e);
        }
    }

    private static JsonMapper newMapper() {
        return JsonMapper.builder()
                // The wire format is the records' components and nothing else: their (private) fields are read,
                // and no method is taken for a property, so helper methods such as Money.isZero() do not leak
                // onto the wire and messages stay free of Jackson annotations. Reading goes through the
                // canonical constructor, so the records' checks always run.
                .changeDefaultVisibility(visibility -> visibility
                        .withFieldVisibility(Visibility.ANY)
                        .withGetterVisibility(Visibility.NONE)
                        .withIsGetterVisibility(Visibility.NONE))
                // Forward compatibility: a producer may add an optional field before all of its consumers are
                // upgraded, and an older consumer must ignore it rather than dead-letter the message. Required
                // fields are still enforced, by the records' constructors (and absent primitives fail, below).
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                // A missing int or boolean must fail rather than silently become 0 or false (Jackson 3's default;
                // stated so that the wire contract does not hang on a library default).
                .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
                // Exact decimals: money stays BigDecimal even in the JSON trees that upcasters and envelopes go
                // through (a double would round 12345678901234567.89), with its trailing zeros.
                .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
                .enable(JsonNodeFeature.USE_BIG_DECIMAL_FOR_FLOATS)
                .disable(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES)
                .enable(StreamWriteFeature.WRITE_BIGDECIMAL_AS_PLAIN)
                // ISO-8601 text ("2025-05-01T09:30:00Z", "2025-06-12", "PT15M"), readable in jsonb, logs and any
                // language; epoch numbers are neither.
                .disable(DateTimeFeature.WRITE_DATES_AS_TIMESTAMPS)
                .disable(DateTimeFeature.WRITE_DURATIONS_AS_TIMESTAMPS)
                .build();
    }

    private static final class Contracts {
        static final MessageCodec CODEC = new MessageCodec(MessageTypes.contracts(), Upcasters.contracts());
    }
}

package dev.seatbooking.eventsourcing.contracts;

import dev.seatbooking.contracts.Message;
import dev.seatbooking.contracts.codec.MessageCodec;
import dev.seatbooking.contracts.codec.SerializedMessage;
import dev.seatbooking.eventsourcing.store.EventSerializer;

import java.util.Objects;

/**
 * Stores events under the stable type names and schema versions of {@code shared-contracts}, and reads
 * them back through its upcasters, so streams written by older code keep loading.
 */
public final class ContractsEventSerializer implements EventSerializer {

    private final MessageCodec codec;

    public ContractsEventSerializer(MessageCodec codec) {
        this.codec = Objects.requireNonNull(codec);
    }

    public static ContractsEventSerializer contracts() {
        return new ContractsEventSerializer(MessageCodec.contracts());
    }

    @Override
    public Serialized serialize(Object event) {
        if (!(event instanceof Message message)) {
            throw new IllegalArgumentException(event.getClass().getName() + " is not a Message of the contracts");
        }
        SerializedMessage serialized = codec.encode(message);
        return new Serialized(serialized.type(), serialized.schemaVersion(), serialized.json());
    }

    @Override
    public Message deserialize(String type, int schemaVersion, String json) {
        return codec.decode(type, schemaVersion, json);
    }

    public MessageCodec codec() {
        return codec;
    }
}

package dev.seatbooking.eventsourcing.store;

import java.util.List;
import java.util.UUID;

/**
 * What an append produced: the stream's new version (the consistency token a command answer carries) and the message
 * ids given to the appended events, in order (the ids the relay publishes them with, so whoever hands them on
 * in-process names them as Kafka will).
 */
public record AppendResult(UUID streamId, int version, List<UUID> messageIds) {

    public AppendResult {
        messageIds = List.copyOf(messageIds);
    }

    /** Nothing appended: the stream stays at {@code version}. */
    public static AppendResult nothing(UUID streamId, int version) {
        return new AppendResult(streamId, version, List.of());
    }
}

package dev.seatbooking.eventsourcing.store;

import java.util.UUID;

/** What an append produced: the stream's new version, the consistency token a command answer carries. */
public record AppendResult(UUID streamId, int version) {
}

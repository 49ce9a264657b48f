package dev.seatbooking.eventsourcing.process;

import java.util.UUID;

/**
 * A process manager's state as loaded, with the version to name when saving it next.
 *
 * @param completed the process has finished: later messages for it are late or duplicates
 */
public record VersionedProcess<S>(UUID processId, S state, int version, boolean completed) {
}

package dev.seatbooking.eventsourcing.aggregate;

import java.util.UUID;

/** An aggregate as loaded, with the version its stream had: the expected version of the next append. */
public record Versioned<A>(UUID id, A aggregate, int version) {

    public boolean isNew() {
        return version == 0;
    }
}

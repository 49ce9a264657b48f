package dev.seatbooking.readmodel.support;

import dev.seatbooking.contracts.Envelope;
import dev.seatbooking.contracts.Message;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

/** Builds a stream's envelopes with consecutive versions, as an event store and its relay would publish them. */
public final class Stream {

    private final UUID id;
    private long version;

    private Stream(UUID id) {
        this.id = id;
    }

    public static Stream of(UUID id) {
        return new Stream(id);
    }

    public static Stream random() {
        return new Stream(UUID.randomUUID());
    }

    public UUID id() {
        return id;
    }

    public long version() {
        return version;
    }

    /** The stream's next event. */
    public Envelope next(Message payload) {
        return at(++version, payload);
    }

    /** An event at a given version (for gaps and stale redeliveries); does not move the stream on. */
    public Envelope at(long version, Message payload) {
        return Envelope.of(UUID.randomUUID(), payload, id, version, Instant.now().truncatedTo(ChronoUnit.MICROS));
    }

    /** An event without a version (a publisher that does not version its messages). */
    public Envelope unversioned(Message payload) {
        return at(Envelope.UNVERSIONED, payload);
    }
}

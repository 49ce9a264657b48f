package dev.seatbooking.contracts;

import java.util.Objects;
import java.util.UUID;

/**
 * Read-your-writes across services: a command's answer says which stream it changed and the version that
 * stream reached; a query carrying the token waits (bounded) until the read model has applied that version
 * of that stream. On the wire (HTTP header {@value #HEADER}) it is {@code <stream id>.<version>}.
 */
public record ConsistencyToken(UUID streamId, long version) {

    public static final String HEADER = "Consistency-Token";

    public ConsistencyToken {
        Objects.requireNonNull(streamId, "streamId");
        if (version < 0) throw new IllegalArgumentException("version must not be negative, was " + version);
    }

    /** @throws IllegalArgumentException with a message fit for a 400 answer when the text is not a token */
    public static ConsistencyToken parse(String text) {
        if (text == null) throw new IllegalArgumentException("A consistency token is <stream id>.<version>, got nothing");
        int dot = text.lastIndexOf('.');
        try {
            if (dot < 0) throw new IllegalArgumentException("no '.'");
            return new ConsistencyToken(UUID.fromString(text.substring(0, dot)), Long.parseLong(text.substring(dot + 1)));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("A consistency token is <stream id>.<version>, got '" + text + "'", e);
        }
    }

    @Override
    public String toString() {
        return streamId + "." + version;
    }
}

package dev.seatbooking.readmodel.projection;

import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * What the engine needs to know of a projection besides its tables and its {@code apply}: each projection declares
 * one, as a constant.
 *
 * @param name          stable name: admin API, metrics, schema names. Lower case, words joined by '-'
 * @param schemaVersion version of the projection's tables and of what its {@code apply} does: bump it on any change
 *                      of either, and the service rebuilds the projection into a new generation at start-up
 * @param streams       the streams whose events the projection applies (every other record is skipped unread)
 * @param tokenStream   the stream a consistency token sent to the projection's queries names: one of {@code streams}
 */
public record ProjectionDescriptor(String name, int schemaVersion, Set<StreamType> streams, StreamType tokenStream) {

    private static final Pattern NAME = Pattern.compile("[a-z]+(-[a-z]+)*");

    public ProjectionDescriptor {
        Objects.requireNonNull(name, "name");
        if (!NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("A projection name is lower-case words joined by '-': " + name);
        }
        if (schemaVersion < 1) throw new IllegalArgumentException("schemaVersion must be positive");
        streams = Set.copyOf(streams);
        if (!streams.contains(Objects.requireNonNull(tokenStream, "tokenStream"))) {
            throw new IllegalArgumentException("The token stream " + tokenStream + " is not one of " + streams);
        }
    }
}

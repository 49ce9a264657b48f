package dev.seatbooking.contracts.codec;

import java.util.function.UnaryOperator;
import tools.jackson.databind.node.ObjectNode;

/**
 * Turns a stored message of one (type, version) into the next (type, version), so that old event streams keep
 * loading after a message changes. Upcasters work on JSON, not on classes, because the old class is gone.
 * They chain: {@link Upcasters} applies them until none matches.
 */
public interface Upcaster {

    String fromType();

    int fromVersion();

    /**
     * @param json the stored payload of {@link #fromType()} v{@link #fromVersion()}; the codec owns this tree, so it
     *             may be changed in place
     * @return the next type, version and payload
     */
    JsonMessage upcast(ObjectNode json);

    /** An upcaster that edits the payload and relabels it. */
    static Upcaster of(String fromType, int fromVersion, String toType, int toVersion, UnaryOperator<ObjectNode> change) {
        return new SimpleUpcaster(fromType, fromVersion, toType, toVersion, change);
    }
}

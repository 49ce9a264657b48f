package dev.seatbooking.contracts.codec;

import dev.seatbooking.contracts.Require;
import java.util.function.UnaryOperator;
import tools.jackson.databind.node.ObjectNode;

record SimpleUpcaster(String fromType, int fromVersion, String toType, int toVersion, UnaryOperator<ObjectNode> change)
        implements Upcaster {

    SimpleUpcaster {
        Require.text(fromType, "fromType");
        Require.text(toType, "toType");
        Require.nonNull(change, "change");
        if (fromType.equals(toType) && toVersion <= fromVersion) {
            throw new IllegalArgumentException("an upcaster of " + fromType + " must raise the version, not go from v"
                    + fromVersion + " to v" + toVersion);
        }
    }

    @Override
    public JsonMessage upcast(ObjectNode json) {
        return new JsonMessage(toType, toVersion, change.apply(json));
    }
}

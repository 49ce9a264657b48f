package dev.seatbooking.readmodel.api;

import dev.seatbooking.contracts.ConsistencyToken;

/**
 * What a query did with the consistency token it carried.
 *
 * @param asked   the token, or null if the query carried none
 * @param applied the version of the token's stream the answer reflects
 * @param reached whether that is at least the token's version
 */
public record Consistency(ConsistencyToken asked, long applied, boolean reached) {

    /** Response header: {@code reached} or {@code stale}. */
    public static final String HEADER = "Consistency";

    public static final Consistency NONE = new Consistency(null, 0, true);

    public boolean requested() {
        return asked != null;
    }

    public boolean stale() {
        return requested() && !reached;
    }

    /** The state the answer reflects, as a token of the same stream. */
    public ConsistencyToken answered() {
        return new ConsistencyToken(asked.streamId(), applied);
    }
}

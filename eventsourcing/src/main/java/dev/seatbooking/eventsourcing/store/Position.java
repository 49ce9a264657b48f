package dev.seatbooking.eventsourcing.store;

/**
 * A place in the commit order of the event table: the writing transaction's id, then the insert position.
 * Events are read in this order; a reader remembers the last position it has seen and asks for what follows.
 */
public record Position(long transactionId, long globalPosition) implements Comparable<Position> {

    /** Before the first event. */
    public static final Position START = new Position(0, 0);

    @Override
    public int compareTo(Position other) {
        int byTransaction = Long.compareUnsigned(transactionId, other.transactionId);
        return byTransaction != 0 ? byTransaction : Long.compare(globalPosition, other.globalPosition);
    }

    public boolean isAfter(Position other) {
        return compareTo(other) > 0;
    }
}

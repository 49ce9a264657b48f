package dev.seatbooking.eventsourcing.aggregate;

/**
 * An event-sourced aggregate: its state is what its events made it. Decision methods (one per command)
 * return new events and never mutate; {@link #apply} mutates and never decides. Loading replays
 * {@code apply} only.
 *
 * @param <E> the aggregate's (sealed) event type
 */
public interface Aggregate<E> {

    void apply(E event);
}

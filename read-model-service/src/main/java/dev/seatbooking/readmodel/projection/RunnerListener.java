package dev.seatbooking.readmodel.projection;

/** Told by a {@link ProjectionRunner}, in its own thread, what it did. */
public interface RunnerListener {

    RunnerListener NONE = new RunnerListener() {
    };

    /** After a batch committed. */
    default void committed(ProjectionRunner runner, BatchApplier.Outcome outcome) {
    }

    /** After every poll and the batch it returned, if any, whether records came or not. */
    default void polled(ProjectionRunner runner) {
    }

    /** The runner stopped because its generation is not to be fed any more (retired by a switch, or dropped). */
    default void notFed(ProjectionRunner runner) {
    }
}

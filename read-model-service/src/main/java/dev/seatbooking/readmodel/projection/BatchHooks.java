package dev.seatbooking.readmodel.projection;

/**
 * What the engine does in a batch's transaction besides applying it: before, check that the generation may still be
 * fed (several instances share it, and a rebuild may have retired it meanwhile); after, tell the other instances
 * what was applied (delivered at commit, or not at all).
 */
public interface BatchHooks {

    BatchHooks NONE = new BatchHooks() {
    };

    /**
     * First statement of the batch's transaction.
     *
     * @throws GenerationNotFedException if the generation must not be fed any more
     */
    default void enter(Tables tables) {
    }

    /** Last statement of the batch's transaction. */
    default void leave(Tables tables, BatchApplier.Outcome outcome) {
    }
}

package dev.seatbooking.registration.process;

import java.util.UUID;

/**
 * What a decision tells the service besides commands: why a message changed nothing, or what a person or another
 * service must do. Where the RI threw (and retried the message into a dead-letter queue), the process records an
 * outcome instead: the message is handled, and the reason is logged or acted on.
 */
public sealed interface Outcome {

    String reason();

    /** A duplicate or stale message; nothing to do (log at debug). */
    record Ignored(String reason) implements Outcome {
    }

    /** A message that does not fit this stage of the registration; nothing was done (log as a warning). */
    record Refused(String reason) implements Outcome {
    }

    /**
     * The payment came when the order could no longer take it (expired, confirmed, paid already, changed since): it is
     * not applied, and the order stays as it is. The money goes back through Payments, which holds it and records the
     * refund due on its side (this is only logged here).
     */
    record PaymentNotApplied(UUID paymentId, UUID orderId, String reason) implements Outcome {
    }

    /** Something that should not happen happened and no command can mend it: alert a person. */
    record NeedsAttention(String reason) implements Outcome {
    }
}

package dev.seatbooking.payments.refunds;

import dev.seatbooking.payments.processor.RefundNotDone;

import java.util.Objects;

/**
 * Why a refund attempt failed, told twice: to the conference's owner (the {@code RefundFailed} event, shown in
 * Conference Management's refund list) and to operators (the refund's row in payments and the log, behind the ops
 * credential).
 * <p>
 * The processor's own refusal ({@link RefundNotDone}) is an answer meant for the merchant, so the owner reads it,
 * shortened. Anything else is a fault on our side of the call (a network error naming internal hosts, a bug's
 * message): the owner reads that the processor could not be asked, and only operators see the exception.
 *
 * @param forOwner     what the event carries
 * @param forOperators what the refund's row and the log carry
 */
record RefundAttemptError(String forOwner, String forOperators) {

    static final int OWNER_TEXT_LIMIT = 200;
    static final String NOT_ASKED = "The payment processor could not be asked to pay the refund";

    static RefundAttemptError of(RuntimeException notDone) {
        String detail = Objects.requireNonNullElse(notDone.getMessage(), notDone.toString());
        if (!(notDone instanceof RefundNotDone)) return new RefundAttemptError(NOT_ASKED, notDone.toString());
        return new RefundAttemptError(shortened(detail), detail);
    }

    private static String shortened(String text) {
        return text.length() <= OWNER_TEXT_LIMIT ? text : text.substring(0, OWNER_TEXT_LIMIT - 1) + "…";
    }
}

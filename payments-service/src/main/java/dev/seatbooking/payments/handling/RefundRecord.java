package dev.seatbooking.payments.handling;

import dev.seatbooking.contracts.Money;
import dev.seatbooking.contracts.payments.RefundReason;
import dev.seatbooking.payments.domain.RefundState;

import java.time.Instant;
import java.util.UUID;

/**
 * A refund as its events left it (a row of {@code refunds}), with what drives its attempts.
 *
 * @param attempts      attempts started so far
 * @param nextAttemptAt when it is tried (again); null once completed or failed for good
 * @param lastError     what the last failed attempt answered
 */
public record RefundRecord(UUID refundId, UUID paymentId, UUID orderId, UUID conferenceId, Money amount,
                           RefundReason reason, RefundState state, int attempts, Instant nextAttemptAt,
                           String lastError, UUID correlationId, Instant requestedAt, Instant updatedAt) {
}

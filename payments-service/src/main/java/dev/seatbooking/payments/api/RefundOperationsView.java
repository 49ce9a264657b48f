package dev.seatbooking.payments.api;

import dev.seatbooking.contracts.payments.RefundReason;
import dev.seatbooking.payments.domain.RefundState;
import dev.seatbooking.payments.handling.RefundRecord;
import io.swagger.v3.oas.annotations.media.Schema;

import java.time.Instant;
import java.util.UUID;

/**
 * A refund as operators see it: with its payment, order and conference, its attempts and the last error.
 *
 * @param nextAttemptAt when it is tried (again); null once completed or failed for good
 */
@Schema(name = "RefundForOperations")
public record RefundOperationsView(UUID refundId, UUID paymentId, UUID orderId, UUID conferenceId, AmountJson amount,
                                   RefundReason reason, RefundState state, int attempts, Instant nextAttemptAt,
                                   String lastError, Instant requestedAt, Instant updatedAt) {

    static RefundOperationsView of(RefundRecord r) {
        return new RefundOperationsView(r.refundId(), r.paymentId(), r.orderId(), r.conferenceId(),
                AmountJson.of(r.amount()), r.reason(), r.state(), r.attempts(), r.nextAttemptAt(), r.lastError(),
                r.requestedAt(), r.updatedAt());
    }
}

package dev.seatbooking.payments.api;

import dev.seatbooking.contracts.payments.RefundReason;
import dev.seatbooking.payments.domain.RefundState;
import dev.seatbooking.payments.handling.RefundRecord;
import io.swagger.v3.oas.annotations.media.Schema;

import java.time.Instant;
import java.util.UUID;

/**
 * A payment's refund as its payer sees it: the money going back, and where that stands.
 *
 * @param state REQUESTED (being paid back; tried again after a failure), COMPLETED (paid back), FAILED (payments gave
 *              up; operators take over)
 */
@Schema(name = "Refund")
public record RefundView(UUID refundId, AmountJson amount, RefundReason reason, RefundState state,
                         Instant requestedAt, Instant updatedAt) {

    static RefundView of(RefundRecord refund) {
        return new RefundView(refund.refundId(), AmountJson.of(refund.amount()), refund.reason(), refund.state(),
                refund.requestedAt(), refund.updatedAt());
    }
}

package dev.seatbooking.contracts.payments;

import dev.seatbooking.contracts.Message;
import dev.seatbooking.contracts.MessageType;
import dev.seatbooking.contracts.Money;
import dev.seatbooking.contracts.Require;
import java.util.UUID;

/**
 * Events of the refund of one completed payment (topic {@code payments.events}, key = refund id). Payments owns
 * "this money must go back" (ADR 10): it requests a refund, executes it through the processor, and reports each
 * attempt. A payment is refunded at most once, in full.
 */
public sealed interface RefundEvent extends Message {

    UUID refundId();

    UUID paymentId();

    UUID conferenceId();

    Money amount();

    /** @param orderId the order the payment was for; null when the payment had none */
    @MessageType(name = "payments.RefundRequested")
    record RefundRequested(UUID refundId, UUID paymentId, UUID orderId, UUID conferenceId, Money amount,
                           RefundReason reason) implements RefundEvent {
        public RefundRequested {
            Require.nonNull(refundId, "refundId");
            Require.nonNull(paymentId, "paymentId");
            Require.nonNull(conferenceId, "conferenceId");
            Require.nonNull(amount, "amount");
            Require.nonNull(reason, "reason");
        }
    }

    /** The processor paid the money back. */
    @MessageType(name = "payments.RefundCompleted")
    record RefundCompleted(UUID refundId, UUID paymentId, UUID conferenceId, Money amount) implements RefundEvent {
        public RefundCompleted {
            Require.nonNull(refundId, "refundId");
            Require.nonNull(paymentId, "paymentId");
            Require.nonNull(conferenceId, "conferenceId");
            Require.nonNull(amount, "amount");
        }
    }

    /**
     * An attempt failed.
     *
     * @param attempt   the attempt that failed, from 1
     * @param willRetry whether payments tries again (later, with backoff); false: it gave up, operators take over
     */
    @MessageType(name = "payments.RefundFailed")
    record RefundFailed(UUID refundId, UUID paymentId, UUID conferenceId, Money amount, String error, int attempt,
                        boolean willRetry) implements RefundEvent {
        public RefundFailed {
            Require.nonNull(refundId, "refundId");
            Require.nonNull(paymentId, "paymentId");
            Require.nonNull(conferenceId, "conferenceId");
            Require.nonNull(amount, "amount");
            Require.text(error, "error");
        }
    }
}

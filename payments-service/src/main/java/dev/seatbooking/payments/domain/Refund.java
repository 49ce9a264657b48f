package dev.seatbooking.payments.domain;

import dev.seatbooking.contracts.Money;
import dev.seatbooking.contracts.payments.RefundEvent;
import dev.seatbooking.contracts.payments.RefundEvent.RefundCompleted;
import dev.seatbooking.contracts.payments.RefundEvent.RefundFailed;
import dev.seatbooking.contracts.payments.RefundEvent.RefundRequested;
import dev.seatbooking.contracts.payments.RefundReason;
import dev.seatbooking.eventsourcing.aggregate.Aggregate;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * The refund of one completed payment, in full (stream type {@value #STREAM_TYPE}, stream id = refund id, which
 * {@link #idOf} derives from the payment: a payment has at most one refund, whoever asks for it and however often).
 * Requested once; then each attempt through the processor either completes it or fails (to be tried again, or for
 * good). Every decision is idempotent: asking for what has already happened returns no events.
 */
public final class Refund implements Aggregate<RefundEvent> {

    public static final String STREAM_TYPE = "refund";

    private final UUID id;
    private RefundState state;
    private UUID paymentId;
    private UUID conferenceId;
    private Money amount;

    public Refund(UUID id) {
        this.id = Objects.requireNonNull(id);
    }

    /** The one refund id of a payment: the processor is asked with it, so a repeated attempt is not a second refund. */
    public static UUID idOf(UUID paymentId) {
        return UUID.nameUUIDFromBytes(("refund:" + paymentId).getBytes(StandardCharsets.UTF_8));
    }

    /** The payment's money must go back. A refund already requested stays as it is (its first reason too). */
    public List<RefundEvent> request(UUID paymentId, UUID orderId, UUID conferenceId, Money amount,
                                     RefundReason reason) {
        if (!id.equals(idOf(paymentId))) {
            throw new IllegalArgumentException("Refund " + id + " is not the refund of payment " + paymentId);
        }
        if (state != null) return List.of();
        return List.of(new RefundRequested(id, paymentId, orderId, conferenceId, amount, reason));
    }

    /** The processor paid the money back (also after payments gave up: a late success is still the money back). */
    public List<RefundEvent> complete() {
        return switch (requireRequested()) {
            case REQUESTED, FAILED -> List.of(new RefundCompleted(id, paymentId, conferenceId, amount));
            case COMPLETED -> List.of();
        };
    }

    /**
     * An attempt failed.
     *
     * @param willRetry false when this was the last attempt: the refund fails for good
     */
    public List<RefundEvent> fail(String error, int attempt, boolean willRetry) {
        if (requireRequested() != RefundState.REQUESTED) return List.of();
        return List.of(new RefundFailed(id, paymentId, conferenceId, amount, error, attempt, willRetry));
    }

    @Override
    public void apply(RefundEvent event) {
        switch (event) {
            case RefundRequested e -> {
                state = RefundState.REQUESTED;
                paymentId = e.paymentId();
                conferenceId = e.conferenceId();
                amount = e.amount();
            }
            case RefundCompleted e -> state = RefundState.COMPLETED;
            case RefundFailed e -> state = e.willRetry() ? RefundState.REQUESTED : RefundState.FAILED;
        }
    }

    /** Null before the refund was requested. */
    public RefundState state() {
        return state;
    }

    private RefundState requireRequested() {
        if (state == null) throw new IllegalStateException("Refund " + id + " was never requested");
        return state;
    }
}

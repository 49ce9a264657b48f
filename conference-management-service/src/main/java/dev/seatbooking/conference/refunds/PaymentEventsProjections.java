package dev.seatbooking.conference.refunds;

import dev.seatbooking.contracts.Envelope;
import dev.seatbooking.contracts.payments.RefundEvent;
import org.springframework.stereotype.Component;

/**
 * Hands each of payments' events {@link PaymentEventsConsumer} decodes to the projection that keeps it, in the
 * caller's transaction (the consumer's, per poll): {@link RefundProjection}. Idempotent, so applying the same events
 * again changes nothing.
 */
@Component
public class PaymentEventsProjections {

    private final RefundProjection refunds;

    PaymentEventsProjections(RefundProjection refunds) {
        this.refunds = refunds;
    }

    public void apply(Envelope envelope) {
        if (envelope.payload() instanceof RefundEvent refund) {
            refunds.handle(envelope, refund);
        }
    }
}

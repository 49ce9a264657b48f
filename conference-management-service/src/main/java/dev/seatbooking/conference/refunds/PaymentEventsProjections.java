package dev.seatbooking.conference.refunds;

import dev.seatbooking.contracts.Envelope;
import dev.seatbooking.contracts.payments.PaymentEvent.PaymentCompleted;
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
    private final PaymentProjection payments;

    PaymentEventsProjections(RefundProjection refunds, PaymentProjection payments) {
        this.refunds = refunds;
        this.payments = payments;
    }

    public void apply(Envelope envelope) {
        switch (envelope.payload()) {
            case RefundEvent refund -> refunds.handle(envelope, refund);
            case PaymentCompleted payment -> payments.handle(envelope, payment);
            default -> {
                // PaymentInitiated, PaymentRejected: not decoded by the consumer; nothing the owner sees
            }
        }
    }
}

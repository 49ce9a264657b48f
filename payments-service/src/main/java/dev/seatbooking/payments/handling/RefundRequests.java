package dev.seatbooking.payments.handling;

import dev.seatbooking.contracts.payments.RefundEvent;
import dev.seatbooking.contracts.payments.RefundReason;
import dev.seatbooking.eventsourcing.aggregate.AggregateRepository;
import dev.seatbooking.eventsourcing.aggregate.Versioned;
import dev.seatbooking.eventsourcing.store.EventMetadata;
import dev.seatbooking.payments.domain.Refund;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.UUID;

/**
 * Requests the refund of a payment whose money must go back, in the transaction that decided it: the refund's
 * {@code RefundRequested} and its {@code refunds} row commit with the payment's refund reason or not at all, so a
 * refund due is never lost. The refunds feature executes it.
 */
@Component
class RefundRequests {

    private static final Logger log = LoggerFactory.getLogger(RefundRequests.class);
    static final String USER = "payments-refunds";

    private final AggregateRepository<Refund, RefundEvent> stream;
    private final RefundRecords records;

    RefundRequests(AggregateRepository<Refund, RefundEvent> stream, RefundRecords records) {
        this.stream = stream;
        this.records = records;
    }

    /** Requests the payment's refund, due at once; a refund already requested stays as it is. */
    void request(PaymentRecord payment, RefundReason reason) {
        UUID refundId = Refund.idOf(payment.paymentId());
        Versioned<Refund> loaded = stream.load(refundId);
        List<RefundEvent> events = loaded.aggregate().request(payment.paymentId(), payment.orderId(),
                payment.conferenceId(), payment.amount(), reason);
        if (events.isEmpty()) return;
        stream.save(loaded, events, new EventMetadata(payment.correlationId(), null, USER));
        records.requested(refundId, payment.paymentId(), payment.orderId(), payment.conferenceId(), payment.amount(),
                reason, payment.correlationId());
        log.info("Refund {} of payment {} requested: {}", refundId, payment.paymentId(), reason);
    }
}

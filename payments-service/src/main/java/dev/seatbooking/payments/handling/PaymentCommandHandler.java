package dev.seatbooking.payments.handling;

import dev.seatbooking.contracts.payments.PaymentCommand.InitiateThirdPartyProcessorPayment;
import dev.seatbooking.contracts.payments.PaymentEvent;
import dev.seatbooking.eventsourcing.aggregate.AggregateRepository;
import dev.seatbooking.eventsourcing.aggregate.Versioned;
import dev.seatbooking.eventsourcing.store.AppendResult;
import dev.seatbooking.eventsourcing.store.ConcurrencyException;
import dev.seatbooking.eventsourcing.store.EventMetadata;
import dev.seatbooking.payments.orders.KnownOrders;
import dev.seatbooking.payments.orders.OrderTotals;
import dev.seatbooking.payments.domain.KnownOrder;
import dev.seatbooking.payments.domain.PaymentRefused;
import dev.seatbooking.payments.domain.PaymentStatus;
import dev.seatbooking.contracts.payments.RefundReason;
import dev.seatbooking.payments.domain.ThirdPartyProcessorPayment;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.BiFunction;
import java.util.function.Supplier;

/**
 * Handles the payment commands: loads the payment, lets it decide, and appends its events together with the
 * {@code payments} row in one transaction. The event table is the outbox: the relay publishes what committed.
 * <p>
 * Every command is idempotent: a repeat finds the change already made and answers with the payment as it is.
 * Payment decisions of one order are serialised on its {@code order_totals} row, so a completion sees every
 * earlier completion and expiry of the same order, and a refund due is never missed.
 */
@Service
public class PaymentCommandHandler {

    private static final Logger log = LoggerFactory.getLogger(PaymentCommandHandler.class);
    private static final int ATTEMPTS = 3;

    /**
     * @param payment the payment after the command
     * @param changed false when the command repeated what had already happened
     */
    public record Handled(PaymentRecord payment, boolean changed) {
    }

    private final AggregateRepository<ThirdPartyProcessorPayment, PaymentEvent> payments;
    private final PaymentRecords records;
    private final KnownOrders orders;
    private final TransactionTemplate transactions;
    private final RefundRequests refunds;

    public PaymentCommandHandler(AggregateRepository<ThirdPartyProcessorPayment, PaymentEvent> payments,
                                 PaymentRecords records, KnownOrders orders, TransactionTemplate transactions,
                                 RefundRequests refunds) {
        this.payments = payments;
        this.records = records;
        this.orders = orders;
        this.transactions = transactions;
        this.refunds = refunds;
    }

    /** {@code InitiateThirdPartyProcessorPayment}: starts paying an order, or answers a repeat. */
    public Handled start(StartPayment request, EventMetadata metadata) {
        return retryingConflicts(() -> transactions.execute(tx -> startOnce(request, metadata)));
    }

    /** {@code CompleteThirdPartyProcessorPayment}: the processor took the money. */
    public Handled complete(UUID paymentId) {
        return retryingConflicts(() -> transactions.execute(tx -> completeOnce(paymentId)));
    }

    /** {@code CancelThirdPartyProcessorPayment}: the processor declined, or the payer cancelled. */
    public Handled cancel(UUID paymentId) {
        return retryingConflicts(() -> transactions.execute(tx -> cancelOnce(paymentId)));
    }

    /**
     * Registration expired the order: every payment of it that completed is now due back. Runs in the caller's
     * transaction (the inbox's), after the order's row was marked expired.
     */
    public void orderExpired(UUID orderId) {
        refundsDue(orderId, KnownOrder::refundDueWhenExpired, RefundReason.ORDER_EXPIRED);
    }

    /**
     * Registration confirmed the order with one payment (the one its OrderConfirmed names): every other completed
     * payment of the order is now due back. Runs in the caller's transaction (the inbox's), after the order's row
     * was marked confirmed.
     */
    public void orderConfirmed(UUID orderId) {
        refundsDue(orderId, KnownOrder::refundDueWhenConfirmed, RefundReason.ORDER_ALREADY_PAID);
    }

    /**
     * The order was cancelled (by its owner or its registrant): the payment that confirmed it, and any other
     * completed one not yet due back, is refunded. Runs in the caller's transaction (the inbox's), after the order's
     * row was marked cancelled.
     */
    public void orderCancelled(UUID orderId) {
        refundsDue(orderId, KnownOrder::refundDueWhenCancelled, RefundReason.ORDER_CANCELLED);
    }

    private void refundsDue(UUID orderId, BiFunction<KnownOrder, List<UUID>, List<UUID>> decision,
                            RefundReason reason) {
        Optional<KnownOrder> order = orders.find(orderId, KnownOrders.Lock.UPDATE).flatMap(OrderTotals::known);
        if (order.isEmpty()) return;
        for (UUID paymentId : decision.apply(order.get(), records.completedNotRefunded(orderId))) {
            refundDue(paymentId, reason);
        }
    }

    /** The money must go back: marks the payment and requests its refund, in this transaction. */
    private void refundDue(UUID paymentId, RefundReason reason) {
        if (!records.refundDue(paymentId, reason)) return;
        PaymentRecord payment = records.find(paymentId).orElseThrow();
        log.warn("Payment {} of order {} completed but {}: refund due", paymentId, payment.orderId(), reason);
        refunds.request(payment, reason);
    }

    public Optional<PaymentRecord> find(UUID paymentId) {
        return records.find(paymentId);
    }

    private Handled startOnce(StartPayment request, EventMetadata metadata) {
        Optional<PaymentRecord> existing = records.find(request.paymentId());
        if (existing.isPresent()) {
            if (request.sameAs(existing.get())) return new Handled(existing.get(), false);
            throw new PaymentRefused(PaymentRefused.Reason.PAYMENT_ID_CONFLICT, "Payment " + request.paymentId()
                    + " was already started with other content; a payment id cannot be reused for another payment",
                    Map.of("paymentId", request.paymentId()));
        }
        Optional<KnownOrder> order = orders.find(request.orderId(), KnownOrders.Lock.SHARE).flatMap(OrderTotals::known);
        UUID conferenceId = request.conferenceId() != null ? request.conferenceId()
                : order.orElseThrow(() -> PaymentRefused.unknownOrder(request.orderId())).conferenceId();
        var command = new InitiateThirdPartyProcessorPayment(request.paymentId(), request.orderId(), conferenceId,
                request.description(), request.amount(), request.items());

        Versioned<ThirdPartyProcessorPayment> loaded = payments.load(request.paymentId());
        List<PaymentEvent> events = loaded.aggregate().initiate(command, order);
        AppendResult appended = payments.save(loaded, events, metadata);
        records.insert(new PaymentRecord(request.paymentId(), request.orderId(), conferenceId, request.description(),
                request.amount(), request.items(), PaymentStatus.INITIATED, appended.version(), null,
                metadata.correlationId(), null, null));
        return new Handled(records.find(request.paymentId()).orElseThrow(), true);
    }

    private Handled completeOnce(UUID paymentId) {
        PaymentRecord payment = records.find(paymentId).orElseThrow(() -> PaymentRefused.unknownPayment(paymentId));
        // Lock the order first: a completion of another payment of it, or its expiry, waits for us or we for it.
        Optional<OrderTotals> order = orders.find(payment.orderId(), KnownOrders.Lock.UPDATE);
        Versioned<ThirdPartyProcessorPayment> loaded = payments.load(paymentId);
        List<PaymentEvent> events = loaded.aggregate().complete();
        if (events.isEmpty()) return new Handled(payment, false);

        AppendResult appended = payments.save(loaded, events, metadataOf(payment));
        records.statusChanged(paymentId, PaymentStatus.COMPLETED, appended.version());
        order.flatMap(OrderTotals::known)
                .flatMap(o -> o.refundDueWhenCompletedBy(paymentId))
                .ifPresent(reason -> refundDue(paymentId, reason));
        return new Handled(records.find(paymentId).orElseThrow(), true);
    }

    private Handled cancelOnce(UUID paymentId) {
        PaymentRecord payment = records.find(paymentId).orElseThrow(() -> PaymentRefused.unknownPayment(paymentId));
        Versioned<ThirdPartyProcessorPayment> loaded = payments.load(paymentId);
        List<PaymentEvent> events = loaded.aggregate().cancel();
        if (events.isEmpty()) return new Handled(payment, false);

        AppendResult appended = payments.save(loaded, events, metadataOf(payment));
        records.statusChanged(paymentId, PaymentStatus.REJECTED, appended.version());
        return new Handled(records.find(paymentId).orElseThrow(), true);
    }

    /** Later events of a payment continue the conversation that started it. */
    private static EventMetadata metadataOf(PaymentRecord payment) {
        return new EventMetadata(payment.correlationId(), null, "payment-processor");
    }

    /**
     * Two commands for the same payment at once: one appends, the other finds the stream moved on (or the row
     * there) and decides again on the new state, which usually makes it a repeat.
     */
    private static Handled retryingConflicts(Supplier<Handled> attempt) {
        for (int i = 1; ; i++) {
            try {
                return attempt.get();
            } catch (ConcurrencyException | DuplicateKeyException conflict) {
                if (i == ATTEMPTS) throw conflict;
                log.debug("Concurrent change, deciding again (attempt {}): {}", i + 1, conflict.getMessage());
            }
        }
    }
}

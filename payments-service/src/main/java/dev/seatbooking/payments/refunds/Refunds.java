package dev.seatbooking.payments.refunds;

import dev.seatbooking.contracts.payments.RefundEvent;
import dev.seatbooking.eventsourcing.aggregate.AggregateRepository;
import dev.seatbooking.eventsourcing.aggregate.Versioned;
import dev.seatbooking.eventsourcing.store.EventMetadata;
import dev.seatbooking.payments.PaymentsProperties;
import dev.seatbooking.payments.domain.Refund;
import dev.seatbooking.payments.domain.RefundState;
import dev.seatbooking.payments.handling.RefundRecord;
import dev.seatbooking.payments.handling.RefundRecords;
import dev.seatbooking.payments.processor.PaymentProcessor;
import dev.seatbooking.payments.processor.PaymentProcessor.RefundRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;

/**
 * Refunds that happen: requested in the transaction that marks a payment refund due (handling's
 * {@code RefundRequests}), then executed here through the processor by {@link RefundWorker}: completed, or failed and
 * tried again with backoff.
 * <p>
 * Nothing is lost and nothing is paid twice: the request commits with the decision that the money must go back;
 * an attempt first commits that it was taken (its lease), then calls the processor outside any transaction (a slow
 * processor holds no lock), then commits the outcome on the locked row. A worker that dies after the processor paid
 * leaves the refund requested; the next attempt asks the processor again with the same refund id, which it answers
 * without paying again ({@link PaymentProcessor#refund}), and the refund completes once.
 */
@Service
public class Refunds {

    private static final Logger log = LoggerFactory.getLogger(Refunds.class);
    private static final String USER = "payments-refunds";

    private final AggregateRepository<Refund, RefundEvent> stream;
    private final RefundRecords records;
    private final PaymentProcessor processor;
    private final TransactionTemplate transactions;
    private final PaymentsProperties.Refunds settings;

    public Refunds(AggregateRepository<Refund, RefundEvent> stream, RefundRecords records, PaymentProcessor processor,
                   TransactionTemplate transactions, PaymentsProperties properties) {
        this.stream = stream;
        this.records = records;
        this.processor = processor;
        this.transactions = transactions;
        this.settings = properties.refunds();
    }

    /**
     * Attempts the refunds that are due (up to the batch size), each once.
     *
     * @return how many were attempted
     */
    public int attemptDue() {
        List<RefundRecord> taken = transactions.execute(tx -> records.takeDue(settings.batchSize(), settings.lease()));
        for (RefundRecord refund : taken) attempt(refund);
        return taken.size();
    }

    private void attempt(RefundRecord refund) {
        try {
            processor.refund(new RefundRequest(refund.refundId(), refund.paymentId(), refund.amount()));
        } catch (RuntimeException notDone) {
            RefundAttemptError error = RefundAttemptError.of(notDone);
            transactions.executeWithoutResult(tx -> failed(refund, error));
            return;
        }
        transactions.executeWithoutResult(tx -> completed(refund.refundId()));
    }

    private void completed(UUID refundId) {
        RefundRecord row = records.lock(refundId).orElseThrow();
        if (append(row, Refund::complete)) {
            records.completed(refundId);
            log.info("Refund {} completed: {} of payment {} paid back", refundId, row.amount(), row.paymentId());
        }
    }

    private void failed(RefundRecord taken, RefundAttemptError error) {
        RefundRecord row = records.lock(taken.refundId()).orElseThrow();
        // Completed meanwhile, or taken again after its lease ran out: that attempt decides, not this one.
        if (row.state() != RefundState.REQUESTED || row.attempts() != taken.attempts()) return;
        int attempt = taken.attempts();
        boolean willRetry = attempt < settings.maxAttempts();
        if (append(row, refund -> refund.fail(error.forOwner(), attempt, willRetry))) {
            Duration retryAfter = willRetry ? settings.retryAfter(attempt) : null;
            records.failed(row.refundId(), error.forOperators(), retryAfter);
            log.warn("Refund {} attempt {} failed ({}): {}", row.refundId(), attempt,
                    willRetry ? "tried again in " + retryAfter : "given up", error.forOperators());
        }
    }

    /** Lets the refund decide and appends what it decided; false when it decided nothing (a repeat). */
    private boolean append(RefundRecord row, Function<Refund, List<RefundEvent>> decision) {
        Versioned<Refund> loaded = stream.load(row.refundId());
        List<RefundEvent> events = decision.apply(loaded.aggregate());
        if (events.isEmpty()) return false;
        stream.save(loaded, events, new EventMetadata(row.correlationId(), null, USER));
        return true;
    }
}

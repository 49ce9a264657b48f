package dev.seatbooking.payments.processor;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.net.URI;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The fake processor of the book: in {@link Mode#MANUAL} mode the payer answers on this service's page
 * {@code /payment-processor/{paymentId}?secret=...} (or its JSON twin), which opens only with the secret of the link
 * ({@link PayerLinks}); in the automatic modes it answers at once, for tests and load runs.
 */
public final class SimulatedPaymentProcessor implements PaymentProcessor {

    /** {@code seatbooking.payments.processor.mode}: {@code manual}, {@code auto-accept}, {@code auto-reject}. */
    public enum Mode {
        MANUAL, AUTO_ACCEPT, AUTO_REJECT
    }

    public static final String PAGE_PATH = "/payment-processor/";
    /** The query parameter (and form field) of the page that carries the link's secret. */
    public static final String SECRET = "secret";

    /**
     * How refunds fail, for tests and demos ({@code seatbooking.payments.processor.refunds.*}): each refund's first
     * {@code failFirst} attempts fail, or every attempt fails.
     */
    public record RefundFailures(int failFirst, boolean failAlways) {
        public static final RefundFailures NONE = new RefundFailures(0, false);

        public RefundFailures {
            if (failFirst < 0) throw new IllegalArgumentException("failFirst must not be negative: " + failFirst);
        }
    }

    private static final Logger log = LoggerFactory.getLogger(SimulatedPaymentProcessor.class);

    private final Mode mode;
    private final PaymentOutcomes outcomes;
    private final PayerLinks links;
    private final ProcessorRefunds refunds;
    private final Map<UUID, Integer> refundAttempts = new ConcurrentHashMap<>();
    private volatile RefundFailures refundFailures;

    public SimulatedPaymentProcessor(Mode mode, PaymentOutcomes outcomes, PayerLinks links, ProcessorRefunds refunds,
                                     RefundFailures refundFailures) {
        this.mode = Objects.requireNonNull(mode);
        this.outcomes = Objects.requireNonNull(outcomes);
        this.links = Objects.requireNonNull(links);
        this.refunds = Objects.requireNonNull(refunds);
        this.refundFailures = Objects.requireNonNull(refundFailures);
    }

    public Mode mode() {
        return mode;
    }

    @Override
    public Optional<URI> submit(PaymentRequest payment) {
        switch (mode) {
            case MANUAL -> {
                log.debug("Payment {} waits for the payer on {}", payment.paymentId(), PAGE_PATH + payment.paymentId());
                return Optional.of(page(payment.paymentId(), links.issue(payment.paymentId())));
            }
            case AUTO_ACCEPT -> outcomes.accepted(payment.paymentId());
            case AUTO_REJECT -> outcomes.rejected(payment.paymentId());
        }
        return Optional.empty();
    }

    /**
     * Pays the money back, once per refund id (its books are a table, so also across restarts), unless the failure
     * mode says this attempt fails.
     */
    @Override
    public void refund(RefundRequest refund) {
        int attempt = refundAttempts.merge(refund.refundId(), 1, Integer::sum);
        RefundFailures failures = refundFailures;
        if (failures.failAlways() || attempt <= failures.failFirst()) {
            throw new RefundNotDone("The simulated processor failed refund " + refund.refundId() + " (attempt "
                    + attempt + " here, failure mode " + failures + ")");
        }
        if (refunds.paidOut(refund.refundId(), refund.paymentId(), refund.amount())) {
            log.info("Refund {}: {} of payment {} paid back", refund.refundId(), refund.amount(), refund.paymentId());
        } else {
            log.info("Refund {} was already paid back: answered again, not paid twice", refund.refundId());
        }
    }

    /** Changes how refunds fail from now on, and forgets the attempts counted so far (tests, demos). */
    public void refundFailures(RefundFailures failures) {
        refundFailures = Objects.requireNonNull(failures);
        refundAttempts.clear();
    }

    /** The page with the link's secret (base64url: nothing to encode). */
    public static URI page(UUID paymentId, String secret) {
        return URI.create(PAGE_PATH + paymentId + "?" + SECRET + "=" + secret);
    }
}

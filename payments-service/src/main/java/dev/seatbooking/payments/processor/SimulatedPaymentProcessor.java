package dev.seatbooking.payments.processor;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.net.URI;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

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

    private static final Logger log = LoggerFactory.getLogger(SimulatedPaymentProcessor.class);

    private final Mode mode;
    private final PaymentOutcomes outcomes;
    private final PayerLinks links;

    public SimulatedPaymentProcessor(Mode mode, PaymentOutcomes outcomes, PayerLinks links) {
        this.mode = Objects.requireNonNull(mode);
        this.outcomes = Objects.requireNonNull(outcomes);
        this.links = Objects.requireNonNull(links);
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

    /** The page with the link's secret (base64url: nothing to encode). */
    public static URI page(UUID paymentId, String secret) {
        return URI.create(PAGE_PATH + paymentId + "?" + SECRET + "=" + secret);
    }
}

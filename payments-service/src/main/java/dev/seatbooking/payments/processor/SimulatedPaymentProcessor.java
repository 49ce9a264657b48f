package dev.seatbooking.payments.processor;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.net.URI;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * The fake processor of the book: in {@link Mode#MANUAL} mode the payer answers on this service's page
 * {@code /payment-processor/{paymentId}} (or its JSON twin); in the automatic modes it answers at once, for tests
 * and load runs.
 */
public final class SimulatedPaymentProcessor implements PaymentProcessor {

    /** {@code seatbooking.payments.processor.mode}: {@code manual}, {@code auto-accept}, {@code auto-reject}. */
    public enum Mode {
        MANUAL, AUTO_ACCEPT, AUTO_REJECT
    }

    public static final String PAGE_PATH = "/payment-processor/";

    private static final Logger log = LoggerFactory.getLogger(SimulatedPaymentProcessor.class);

    private final Mode mode;
    private final PaymentOutcomes outcomes;

    public SimulatedPaymentProcessor(Mode mode, PaymentOutcomes outcomes) {
        this.mode = Objects.requireNonNull(mode);
        this.outcomes = Objects.requireNonNull(outcomes);
    }

    public Mode mode() {
        return mode;
    }

    @Override
    public void submit(PaymentRequest payment) {
        switch (mode) {
            case MANUAL -> log.debug("Payment {} waits for the payer on {}", payment.paymentId(), page(payment.paymentId()));
            case AUTO_ACCEPT -> outcomes.accepted(payment.paymentId());
            case AUTO_REJECT -> outcomes.rejected(payment.paymentId());
        }
    }

    @Override
    public Optional<URI> payerUrl(UUID paymentId) {
        return mode == Mode.MANUAL ? Optional.of(page(paymentId)) : Optional.empty();
    }

    private static URI page(UUID paymentId) {
        return URI.create(PAGE_PATH + paymentId);
    }
}

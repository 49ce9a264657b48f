package dev.seatbooking.eventsourcing.correlation;

import org.slf4j.MDC;

import java.util.Optional;
import java.util.UUID;

/**
 * The correlation id of the work this thread is doing, in the logging MDC under {@value #MDC_KEY}: set from the
 * {@value #HEADER} header around an HTTP request, and from the message's correlation id around a consumed message.
 * Log patterns print it ({@code %X{correlationId}}); a new conversation started while handling a request continues
 * it, so the request's id travels on in the messages it causes.
 */
public final class Correlation {

    public static final String HEADER = "Correlation-Id";
    public static final String MDC_KEY = "correlationId";

    private Correlation() {
    }

    /** The current correlation id, if there is one and it is a UUID (the form messages carry). */
    public static Optional<UUID> current() {
        String value = MDC.get(MDC_KEY);
        if (value == null || value.isBlank()) return Optional.empty();
        try {
            return Optional.of(UUID.fromString(value.trim()));
        } catch (IllegalArgumentException notUuid) {
            return Optional.empty();
        }
    }

    /** The current correlation id, or a new one. */
    public static UUID currentOrNew() {
        return current().orElseGet(UUID::randomUUID);
    }

    /** Sets the correlation id until the returned scope is closed (then removes it). */
    public static MDC.MDCCloseable open(String correlationId) {
        return MDC.putCloseable(MDC_KEY, correlationId);
    }
}

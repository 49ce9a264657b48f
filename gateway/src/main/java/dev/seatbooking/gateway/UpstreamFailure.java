package dev.seatbooking.gateway;

import dev.seatbooking.web.problem.Problems;
import org.apache.hc.client5.http.ConnectTimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.servlet.function.ServerRequest;
import org.springframework.web.servlet.function.ServerResponse;

import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.time.Duration;
import java.util.function.BiFunction;

/**
 * A route's service that does not answer, as a problem instead of a 500: not running (connection refused or not
 * made in time) → 502, no answer within {@code gateway.timeout} → 504, the gateway stopping → 503, the connection
 * lost → 502. The service's own answers, errors included, go back as they came.
 */
record UpstreamFailure(String route, URI base, Duration timeout)
        implements BiFunction<Throwable, ServerRequest, ServerResponse> {

    private static final Logger log = LoggerFactory.getLogger(UpstreamFailure.class);

    @Override
    public ServerResponse apply(Throwable failure, ServerRequest request) {
        if (has(failure, ConnectException.class) || has(failure, ConnectTimeoutException.class)) {
            return problem(HttpStatus.BAD_GATEWAY, Problems.BAD_GATEWAY, "The service is not running",
                    "The " + route + " service does not answer at " + base + ".");
        }
        if (has(failure, SocketTimeoutException.class)) {
            return GatewayResponses.response(tooSlow(
                    "The " + route + " service did not answer within " + timeout.toSeconds() + " s."));
        }
        if (has(failure, InterruptedException.class)) {
            Thread.currentThread().interrupt();
            return problem(HttpStatus.SERVICE_UNAVAILABLE, Problems.SERVICE_UNAVAILABLE, "Shutting down",
                    "The gateway is stopping.");
        }
        if (failure instanceof RuntimeException && !has(failure, java.io.IOException.class)) {
            // not the service's failure but the gateway's: the MVC exception handling answers it (a 500 problem)
            throw (RuntimeException) failure;
        }
        log.warn("{} {} via route {} failed: {}", request.method(), request.path(), route, failure.toString());
        return GatewayResponses.response(failedToAnswer("The " + route + " service closed the connection."));
    }

    /** The service's connection closed or reset before its answer was whole (here, or in {@link AnswerCutOff}). */
    static ProblemDetail failedToAnswer(String detail) {
        return GatewayResponses.problem(HttpStatus.BAD_GATEWAY, Problems.BAD_GATEWAY, "The service failed to answer",
                detail);
    }

    /** The service's answer, or the rest of it, did not come within the timeout. */
    static ProblemDetail tooSlow(String detail) {
        return GatewayResponses.problem(HttpStatus.GATEWAY_TIMEOUT, Problems.GATEWAY_TIMEOUT,
                "The service did not answer in time", detail);
    }

    private static ServerResponse problem(HttpStatus status, String code, String title, String detail) {
        return GatewayResponses.response(GatewayResponses.problem(status, code, title, detail));
    }

    private static boolean has(Throwable failure, Class<? extends Throwable> type) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (type.isInstance(t)) return true;
        }
        return false;
    }
}

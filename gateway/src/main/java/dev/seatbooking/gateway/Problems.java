package dev.seatbooking.gateway;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.web.servlet.function.ServerResponse;

import java.net.URI;
import java.util.Locale;
import java.util.function.Consumer;

/**
 * The gateway's own answers as RFC 9457 problems in the platform's vocabulary: {@code type}
 * {@value #TYPE_BASE}{@code <code>}, a {@code code} property, {@code application/problem+json}. Always a
 * {@link ProblemDetail} written by Jackson, never JSON put together by hand (a path with a tab or a quote in it
 * must not break the answer).
 */
final class Problems {

    static final String TYPE_BASE = "https://seatbooking.dev/problems/";

    static final String MALFORMED_REQUEST = "malformed-request";
    static final String NOT_FOUND = "not-found";
    static final String TOO_MANY_REQUESTS = "too-many-requests";
    static final String INTERNAL_ERROR = "internal-error";
    static final String BAD_GATEWAY = "bad-gateway";
    static final String SERVICE_UNAVAILABLE = "service-unavailable";
    static final String GATEWAY_TIMEOUT = "gateway-timeout";

    private Problems() {
    }

    static ProblemDetail problem(HttpStatusCode status, String code, String title, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(URI.create(TYPE_BASE + code));
        problem.setTitle(title);
        problem.setProperty("code", code);
        return problem;
    }

    /** The problem as a functional endpoint's answer. */
    static ServerResponse response(ProblemDetail problem) {
        return response(problem, headers -> { });
    }

    static ServerResponse response(ProblemDetail problem, Consumer<HttpHeaders> headers) {
        return ServerResponse.status(problem.getStatus()).headers(headers)
                .contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }

    static ServerResponse notFound(String detail) {
        return response(problem(HttpStatus.NOT_FOUND, NOT_FOUND, "Not found", detail));
    }

    static ServerResponse malformed(String detail) {
        return response(problem(HttpStatus.BAD_REQUEST, MALFORMED_REQUEST, "Malformed request", detail));
    }

    /** The slug of a status the platform's vocabulary has no special name for: {@code METHOD_NOT_ALLOWED} → {@code method-not-allowed}. */
    static String codeOf(HttpStatusCode status) {
        return switch (status.value()) {
            case 400 -> MALFORMED_REQUEST;
            case 404 -> NOT_FOUND;
            case 500 -> INTERNAL_ERROR;
            default -> {
                HttpStatus known = HttpStatus.resolve(status.value());
                yield known == null ? "http-" + status.value() : known.name().toLowerCase(Locale.ROOT).replace('_', '-');
            }
        };
    }
}

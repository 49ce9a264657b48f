package dev.seatbooking.web.problem;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;

import java.net.URI;
import java.util.List;

/**
 * The one problem vocabulary of every service and the gateway (RFC 9457, {@code application/problem+json}):
 * {@code type} is {@value #TYPE_BASE}{@code <code>}, {@code code} repeats the last segment for clients that switch on
 * it, {@code title} is the code in words, and a request refused for its fields lists them in {@code errors} as
 * {@code {field, message}}. The generic codes are the constants below; a service adds codes of its own domain
 * ({@code order-expired}, {@code too-many-seats}…). {@code docs/problems.md} lists them all.
 */
public final class Problems {

    public static final String TYPE_BASE = "https://seatbooking.dev/problems/";

    /** The body is not JSON, or a value has the wrong type; a query string or path that cannot be decoded. */
    public static final String MALFORMED_REQUEST = "malformed-request";
    /** Well-formed, but fields break the rules: see {@code errors}. */
    public static final String VALIDATION_FAILED = "validation-failed";
    public static final String UNAUTHORIZED = "unauthorized";
    public static final String ACCESS_DENIED = "access-denied";
    public static final String NOT_FOUND = "not-found";
    public static final String METHOD_NOT_ALLOWED = "method-not-allowed";
    public static final String NOT_ACCEPTABLE = "not-acceptable";
    public static final String CONFLICT = "conflict";
    public static final String CONCURRENCY_CONFLICT = "concurrency-conflict";
    public static final String PAYLOAD_TOO_LARGE = "payload-too-large";
    public static final String UNSUPPORTED_MEDIA_TYPE = "unsupported-media-type";
    public static final String TOO_MANY_REQUESTS = "too-many-requests";
    public static final String INTERNAL_ERROR = "internal-error";
    public static final String BAD_GATEWAY = "bad-gateway";
    public static final String SERVICE_UNAVAILABLE = "service-unavailable";
    public static final String GATEWAY_TIMEOUT = "gateway-timeout";

    /** The property that lists the fields of a {@link #VALIDATION_FAILED} (or {@link #MALFORMED_REQUEST}) problem. */
    public static final String ERRORS = "errors";

    /** One field of the request and what is wrong with it; {@code field} is a JSON path ({@code seats[1].quantity}), a
     * parameter or a header name. */
    public record FieldProblem(String field, String message) {
    }

    private Problems() {
    }

    public static ProblemDetail problem(HttpStatusCode status, String code, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(type(code));
        problem.setTitle(title(code));
        problem.setProperty("code", code);
        return problem;
    }

    /** An answer that passes: the problem, and {@code Retry-After} telling the client when to ask again. */
    public static ResponseEntity<ProblemDetail> comeBackIn(long seconds, HttpStatus status, String code, String detail) {
        return ResponseEntity.status(status).header(HttpHeaders.RETRY_AFTER, Long.toString(seconds))
                .body(problem(status, code, detail));
    }

    /** A 400 {@value #VALIDATION_FAILED} naming each field. */
    public static ProblemDetail invalid(List<FieldProblem> errors) {
        StringBuilder detail = new StringBuilder("The request is not valid:");
        String separator = " ";
        for (FieldProblem error : errors) {
            detail.append(separator).append(error.field()).append(' ').append(error.message());
            separator = "; ";
        }
        ProblemDetail problem = problem(HttpStatus.BAD_REQUEST, VALIDATION_FAILED, detail.toString());
        problem.setProperty(ERRORS, errors);
        return problem;
    }

    /** A 400 {@value #MALFORMED_REQUEST}, naming the field if one is known. */
    public static ProblemDetail malformed(String detail, FieldProblem... errors) {
        ProblemDetail problem = problem(HttpStatus.BAD_REQUEST, MALFORMED_REQUEST, detail);
        problem.setProperty(ERRORS, List.of(errors));
        return problem;
    }

    /** The generic code of an HTTP status, for errors that have no more specific one. */
    public static String codeOf(HttpStatusCode status) {
        return switch (status.value()) {
            case 400 -> MALFORMED_REQUEST;
            case 401 -> UNAUTHORIZED;
            case 403 -> ACCESS_DENIED;
            case 404 -> NOT_FOUND;
            case 405 -> METHOD_NOT_ALLOWED;
            case 406 -> NOT_ACCEPTABLE;
            case 409 -> CONFLICT;
            case 413 -> PAYLOAD_TOO_LARGE;
            case 415 -> UNSUPPORTED_MEDIA_TYPE;
            case 429 -> TOO_MANY_REQUESTS;
            case 500 -> INTERNAL_ERROR;
            case 502 -> BAD_GATEWAY;
            case 503 -> SERVICE_UNAVAILABLE;
            case 504 -> GATEWAY_TIMEOUT;
            default -> {
                HttpStatus known = HttpStatus.resolve(status.value());
                if (status.is5xxServerError() && known == null) yield INTERNAL_ERROR;
                yield known == null ? "http-" + status.value() : known.name().toLowerCase().replace('_', '-');
            }
        };
    }

    /** The default detail of a generic problem of this status. */
    public static String defaultDetail(HttpStatusCode status) {
        return switch (status.value()) {
            case 400 -> "The request could not be read";
            case 401 -> "This needs credentials";
            case 403 -> "These credentials do not allow this";
            case 404 -> "Nothing is here";
            case 405 -> "This method is not supported here";
            case 429 -> "Too many requests; wait and try again";
            case 500 -> "The request could not be handled; the error has been logged";
            default -> {
                HttpStatus known = HttpStatus.resolve(status.value());
                yield known == null ? "HTTP " + status.value() : known.getReasonPhrase();
            }
        };
    }

    public static URI type(String code) {
        return URI.create(TYPE_BASE + code);
    }

    /** {@code too-many-seats} → {@code Too many seats}. */
    public static String title(String code) {
        String words = code.replace('-', ' ');
        return Character.toUpperCase(words.charAt(0)) + words.substring(1);
    }
}

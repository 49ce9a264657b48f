package dev.seatbooking.readmodel.api;

import dev.seatbooking.readmodel.access.AccessThrottle;
import dev.seatbooking.readmodel.projection.ProjectionNotReadyException;
import dev.seatbooking.readmodel.projection.UnknownProjectionException;
import dev.seatbooking.readmodel.rebuild.RebuildInProgressException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.TypeMismatchException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.ErrorResponse;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

import java.net.URI;
import java.util.List;
import java.util.Map;

/**
 * Every error as an RFC 9457 problem ({@code application/problem+json}) with a stable {@code type} per kind of
 * problem; never a stack trace.
 */
@RestControllerAdvice
public class Problems extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(Problems.class);
    private static final String BASE = "https://seatbooking.dev/problems/";

    public static final URI NOT_FOUND = URI.create(BASE + "not-found");
    public static final URI MALFORMED_REQUEST = URI.create(BASE + "malformed-request");
    public static final URI VALIDATION_FAILED = URI.create(BASE + "validation-failed");
    public static final URI TOO_MANY_REQUESTS = URI.create(BASE + "too-many-requests");
    public static final URI INVALID_CONSISTENCY_TOKEN = URI.create(BASE + "invalid-consistency-token");
    public static final URI UNKNOWN_PROJECTION = URI.create(BASE + "unknown-projection");
    public static final URI REBUILD_IN_PROGRESS = URI.create(BASE + "rebuild-in-progress");
    public static final URI PROJECTION_NOT_READY = URI.create(BASE + "projection-not-ready");
    public static final URI INTERNAL_ERROR = URI.create(BASE + "internal-error");

    @ExceptionHandler
    ResponseEntity<ProblemDetail> notFound(ViewNotFoundException e) {
        ProblemDetail problem = problem(HttpStatus.NOT_FOUND, NOT_FOUND, "Not found", e.getMessage());
        if (e.consistency().stale()) problem.setProperty("consistency", "stale");
        return ResponseEntity.status(HttpStatus.NOT_FOUND).headers(Answers.consistencyHeaders(e.consistency()))
                .body(problem);
    }

    /** Unknown order, missing or wrong access code: one answer, whatever the request waited for. */
    @ExceptionHandler
    ResponseEntity<ProblemDetail> noSuchOrder(NoSuchOrderException e) {
        return ResponseEntity.status(HttpStatus.NOT_FOUND)
                .body(problem(HttpStatus.NOT_FOUND, NOT_FOUND, "Not found", e.getMessage()));
    }

    @ExceptionHandler
    ResponseEntity<ProblemDetail> throttled(AccessThrottle.Throttled e) {
        return ResponseEntity.status(HttpStatus.TOO_MANY_REQUESTS)
                .header(HttpHeaders.RETRY_AFTER, String.valueOf(e.retryAfterSeconds()))
                .body(problem(HttpStatus.TOO_MANY_REQUESTS, TOO_MANY_REQUESTS, "Too many requests", e.getMessage()));
    }

    @ExceptionHandler
    ResponseEntity<ProblemDetail> invalidToken(InvalidConsistencyTokenException e) {
        ProblemDetail problem = problem(HttpStatus.BAD_REQUEST, INVALID_CONSISTENCY_TOKEN, "Invalid consistency token",
                e.getMessage());
        problem.setProperty("errors", List.of(Map.of("field", "Consistency-Token", "message", e.getMessage())));
        return ResponseEntity.badRequest().body(problem);
    }

    @ExceptionHandler
    ResponseEntity<ProblemDetail> unknownProjection(UnknownProjectionException e) {
        return ResponseEntity.status(HttpStatus.NOT_FOUND)
                .body(problem(HttpStatus.NOT_FOUND, UNKNOWN_PROJECTION, "Unknown projection", e.getMessage()));
    }

    @ExceptionHandler
    ResponseEntity<ProblemDetail> rebuildInProgress(RebuildInProgressException e) {
        return ResponseEntity.status(HttpStatus.CONFLICT)
                .body(problem(HttpStatus.CONFLICT, REBUILD_IN_PROGRESS, "Rebuild in progress", e.getMessage()));
    }

    @ExceptionHandler
    ResponseEntity<ProblemDetail> notReady(ProjectionNotReadyException e) {
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).header(HttpHeaders.RETRY_AFTER, "5")
                .body(problem(HttpStatus.SERVICE_UNAVAILABLE, PROJECTION_NOT_READY, "Read model not ready",
                        e.getMessage()));
    }

    @ExceptionHandler
    ResponseEntity<ProblemDetail> unexpected(Exception e) {
        log.error("Query failed", e);
        return ResponseEntity.internalServerError().body(problem(HttpStatus.INTERNAL_SERVER_ERROR, INTERNAL_ERROR,
                "Internal error", "The query failed; the error has been logged"));
    }

    @Override
    protected ResponseEntity<Object> handleTypeMismatch(TypeMismatchException e, HttpHeaders headers,
                                                        HttpStatusCode status, WebRequest request) {
        String field = e instanceof MethodArgumentTypeMismatchException m ? m.getName() : e.getPropertyName();
        String message = "'" + e.getValue() + "' is not a valid "
                + (e.getRequiredType() == null ? "value" : e.getRequiredType().getSimpleName());
        ProblemDetail problem = problem(HttpStatus.BAD_REQUEST, MALFORMED_REQUEST, "Malformed request",
                field + ": " + message);
        problem.setProperty("errors", List.of(Map.of("field", String.valueOf(field), "message", message)));
        return handleExceptionInternal(e, problem, headers, HttpStatus.BAD_REQUEST, request);
    }

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException e,
                                                                  HttpHeaders headers, HttpStatusCode status,
                                                                  WebRequest request) {
        List<Map<String, String>> errors = e.getBindingResult().getFieldErrors().stream()
                .map(error -> Map.of("field", error.getField(),
                        "message", String.valueOf(error.getDefaultMessage())))
                .toList();
        ProblemDetail problem = problem(HttpStatus.BAD_REQUEST, VALIDATION_FAILED, "Validation failed",
                errors.stream().map(error -> error.get("field") + " " + error.get("message"))
                        .collect(java.util.stream.Collectors.joining("; ")));
        problem.setProperty("errors", errors);
        return handleExceptionInternal(e, problem, headers, HttpStatus.BAD_REQUEST, request);
    }

    @Override
    protected ResponseEntity<Object> handleMissingServletRequestParameter(MissingServletRequestParameterException e,
                                                                          HttpHeaders headers, HttpStatusCode status,
                                                                          WebRequest request) {
        ProblemDetail problem = problem(HttpStatus.BAD_REQUEST, MALFORMED_REQUEST, "Malformed request", e.getMessage());
        problem.setProperty("errors", List.of(Map.of("field", e.getParameterName(), "message", "is required")));
        return handleExceptionInternal(e, problem, headers, HttpStatus.BAD_REQUEST, request);
    }

    /** Spring's own problems (404 of an unknown path, 405, 406 ...) get our types too. */
    @Override
    protected ResponseEntity<Object> handleExceptionInternal(Exception e, Object body, HttpHeaders headers,
                                                             HttpStatusCode status, WebRequest request) {
        if (body == null && e instanceof ErrorResponse error) body = error.getBody();
        if (body instanceof ProblemDetail problem && (problem.getType() == null
                || "about:blank".equals(problem.getType().toString()))) {
            problem.setType(switch (status.value()) {
                case 400 -> MALFORMED_REQUEST;
                case 404 -> NOT_FOUND;
                default -> URI.create(BASE + "http-" + status.value());
            });
        }
        return super.handleExceptionInternal(e, body, headers, status, request);
    }

    private static ProblemDetail problem(HttpStatus status, URI type, String title, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(type);
        problem.setTitle(title);
        return problem;
    }
}

package dev.seatbooking.registration.api;

import dev.seatbooking.eventsourcing.process.ProcessConcurrencyException;
import dev.seatbooking.eventsourcing.store.ConcurrencyException;
import dev.seatbooking.registration.DomainRejection;
import dev.seatbooking.registration.service.AccessDenied;
import dev.seatbooking.registration.service.TooManyAttempts;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.TypeMismatchException;
import org.springframework.context.MessageSourceResolvable;
import org.springframework.dao.ConcurrencyFailureException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.validation.FieldError;
import org.springframework.validation.method.ParameterErrors;
import org.springframework.validation.method.ParameterValidationResult;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import tools.jackson.core.JacksonException;
import tools.jackson.core.exc.StreamReadException;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;

/**
 * Every error of the API as an RFC 9457 problem ({@code application/problem+json}) with a stable {@code type}
 * ({@value #TYPE_BASE}{@code <code>}) and a {@code code} property: 400 for a malformed request (with {@code errors}, a
 * list of {@code {field, message}}), 404 for something unknown (also an order without its access code), 409 for a
 * conflict with the order's state or with another writer, 422 for a business rule, 429 after too many wrong access
 * codes. Never a stack trace.
 */
@RestControllerAdvice
public class ApiProblems extends ResponseEntityExceptionHandler {

    public static final String TYPE_BASE = "https://seatbooking.dev/problems/";

    private static final Logger log = LoggerFactory.getLogger(ApiProblems.class);

    /** A field and what is wrong with it. */
    public record FieldProblem(String field, String message) {
    }

    @ExceptionHandler(DomainRejection.class)
    ResponseEntity<ProblemDetail> rejected(DomainRejection rejection) {
        HttpStatus status = switch (rejection.kind()) {
            case UNKNOWN -> HttpStatus.NOT_FOUND;
            case STATE_CONFLICT -> HttpStatus.CONFLICT;
            case RULE_VIOLATION -> HttpStatus.UNPROCESSABLE_CONTENT;
        };
        return problem(status, rejection.code(), rejection.getMessage(), null);
    }

    /** An unknown order, no code and a wrong code: one answer, to the byte, so order ids cannot be probed. */
    @ExceptionHandler(AccessDenied.class)
    ResponseEntity<ProblemDetail> accessDenied(AccessDenied denied) {
        return problem(HttpStatus.NOT_FOUND, "not-found", "No order with this id and the access code in the "
                + OrdersController.ACCESS_CODE + " header", null);
    }

    @ExceptionHandler(TooManyAttempts.class)
    ResponseEntity<ProblemDetail> tooManyAttempts(TooManyAttempts throttled) {
        long seconds = Math.max(1, (throttled.retryAfter().toMillis() + 999) / 1000); // whole seconds, rounded up
        ResponseEntity<ProblemDetail> answer = problem(HttpStatus.TOO_MANY_REQUESTS, "too-many-requests",
                "Too many wrong access codes lately; try again in " + seconds + " s", null);
        return ResponseEntity.status(answer.getStatusCode()).header(HttpHeaders.RETRY_AFTER, Long.toString(seconds))
                .body(answer.getBody());
    }

    @ExceptionHandler({ConcurrencyException.class, ProcessConcurrencyException.class, ConcurrencyFailureException.class})
    ResponseEntity<ProblemDetail> conflict(RuntimeException conflict) {
        return problem(HttpStatus.CONFLICT, "concurrency-conflict",
                "The order changed while the request was handled; send it again", null);
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<ProblemDetail> unexpected(Exception e) {
        log.error("Unexpected error answering a request", e);
        return problem(HttpStatus.INTERNAL_SERVER_ERROR, "internal-error", "The request could not be handled", null);
    }

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException ex, HttpHeaders headers,
                                                                  HttpStatusCode status, WebRequest request) {
        List<FieldProblem> errors = new ArrayList<>();
        ex.getBindingResult().getFieldErrors().forEach(e -> errors.add(fieldProblem(e)));
        ex.getBindingResult().getGlobalErrors().forEach(e -> errors.add(new FieldProblem(e.getObjectName(),
                e.getDefaultMessage())));
        return invalid(errors);
    }

    @Override
    protected ResponseEntity<Object> handleHandlerMethodValidationException(HandlerMethodValidationException ex,
                                                                            HttpHeaders headers, HttpStatusCode status,
                                                                            WebRequest request) {
        List<FieldProblem> errors = new ArrayList<>();
        for (ParameterValidationResult result : ex.getParameterValidationResults()) {
            if (result instanceof ParameterErrors body) {
                body.getFieldErrors().forEach(e -> errors.add(fieldProblem(e)));
            } else {
                String name = result.getMethodParameter().getParameterName();
                for (MessageSourceResolvable error : result.getResolvableErrors()) {
                    errors.add(new FieldProblem(name, error.getDefaultMessage()));
                }
            }
        }
        return invalid(errors);
    }

    @Override
    protected ResponseEntity<Object> handleTypeMismatch(TypeMismatchException ex, HttpHeaders headers,
                                                        HttpStatusCode status, WebRequest request) {
        String name = ex.getPropertyName() == null ? "value" : ex.getPropertyName();
        String expected = ex.getRequiredType() == null ? "another format" : switch (ex.getRequiredType().getSimpleName()) {
            case "UUID" -> "a UUID";
            case "int", "Integer", "long", "Long" -> "a whole number";
            default -> "a " + ex.getRequiredType().getSimpleName();
        };
        FieldProblem problem = new FieldProblem(name, "must be " + expected);
        return malformed("'" + name + "' must be " + expected, List.of(problem));
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException ex, HttpHeaders headers,
                                                                  HttpStatusCode status, WebRequest request) {
        JacksonException json = cause(ex, JacksonException.class);
        if (json == null) return malformed("The request needs a JSON body", List.of());
        if (json instanceof StreamReadException) return malformed("The request body is not valid JSON", List.of());
        String path = pathOf(json);
        String field = path.isEmpty() ? "body" : path;
        return malformed("'" + field + "' has the wrong type or format",
                List.of(new FieldProblem(field, "has the wrong type or format")));
    }

    /** The other errors Spring MVC itself answers (405, 415, unknown paths…): given a type by their status. */
    @Override
    protected ResponseEntity<Object> handleExceptionInternal(Exception ex, Object body, HttpHeaders headers,
                                                             HttpStatusCode statusCode, WebRequest request) {
        ResponseEntity<Object> response = super.handleExceptionInternal(ex, body, headers, statusCode, request);
        if (response != null && response.getBody() instanceof ProblemDetail detail && (detail.getType() == null
                || URI.create("about:blank").equals(detail.getType()))) {
            String code = statusCode.value() == 404 ? "not-found" : slug(statusCode);
            detail.setType(URI.create(TYPE_BASE + code));
            detail.setProperty("code", code);
        }
        return response;
    }

    private ResponseEntity<Object> invalid(List<FieldProblem> errors) {
        StringJoiner detail = new StringJoiner("; ");
        errors.forEach(e -> detail.add(e.field() + " " + e.message()));
        return widen(problem(HttpStatus.BAD_REQUEST, "validation-failed", "The request is not valid: " + detail,
                Map.of("errors", errors)));
    }

    private ResponseEntity<Object> malformed(String detail, List<FieldProblem> errors) {
        return widen(problem(HttpStatus.BAD_REQUEST, "malformed-request", detail, Map.of("errors", errors)));
    }

    private static ResponseEntity<ProblemDetail> problem(HttpStatus status, String code, String detail,
                                                         Map<String, Object> properties) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(URI.create(TYPE_BASE + code));
        problem.setTitle(title(code));
        problem.setProperty("code", code);
        if (properties != null) properties.forEach(problem::setProperty);
        return ResponseEntity.status(status).body(problem);
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static ResponseEntity<Object> widen(ResponseEntity<ProblemDetail> response) {
        return (ResponseEntity) response;
    }

    private static FieldProblem fieldProblem(FieldError error) {
        return new FieldProblem(error.getField(), error.getDefaultMessage());
    }

    /** {@code too-many-seats} → {@code Too many seats}. */
    private static String title(String code) {
        String words = code.replace('-', ' ');
        return Character.toUpperCase(words.charAt(0)) + words.substring(1);
    }

    private static String slug(HttpStatusCode status) {
        HttpStatus known = HttpStatus.resolve(status.value());
        return known == null ? "http-" + status.value() : known.name().toLowerCase().replace('_', '-');
    }

    private static <T extends Throwable> T cause(Throwable error, Class<T> type) {
        for (Throwable t = error; t != null; t = t.getCause()) {
            if (type.isInstance(t)) return type.cast(t);
        }
        return null;
    }

    /** {@code seats[0].quantity}: the JSON path, without Java class names. */
    private static String pathOf(JacksonException e) {
        StringBuilder path = new StringBuilder();
        for (JacksonException.Reference reference : e.getPath()) {
            if (reference.getPropertyName() != null) {
                if (!path.isEmpty()) path.append('.');
                path.append(reference.getPropertyName());
            } else if (reference.getIndex() >= 0) {
                path.append('[').append(reference.getIndex()).append(']');
            }
        }
        return path.toString();
    }
}

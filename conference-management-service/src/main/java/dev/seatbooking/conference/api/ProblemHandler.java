package dev.seatbooking.conference.api;

import dev.seatbooking.conference.access.OwnerAccessDenied;
import dev.seatbooking.conference.conference.ConferenceRejection;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.ConcurrencyFailureException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.validation.FieldError;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import tools.jackson.core.JacksonException;

import java.net.URI;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Every error as an RFC 9457 problem ({@code application/problem+json}) with a stable {@code type} per kind:
 * 400 malformed or invalid (with an {@code errors} list of {@code {field, message}}), 401/403/429 access, 404 unknown,
 * 409 state conflict, 422 business rule. Never a stack trace; an unexpected error is logged and answered as 500
 * without details.
 */
@RestControllerAdvice
class ProblemHandler extends ResponseEntityExceptionHandler {

    static final String TYPES = "https://seatbooking.dev/problems/";

    /** One invalid field; {@code field} is the JSON path ({@code price.amount}). */
    record FieldProblem(String field, String message) {
    }

    private static final Logger log = LoggerFactory.getLogger(ProblemHandler.class);

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException ex,
                                                                  HttpHeaders headers, HttpStatusCode status,
                                                                  WebRequest request) {
        List<FieldProblem> errors = Stream.concat(
                        ex.getBindingResult().getFieldErrors().stream()
                                .map(e -> new FieldProblem(e.getField(), message(e))),
                        ex.getBindingResult().getGlobalErrors().stream()
                                .map(e -> new FieldProblem("", e.getDefaultMessage())))
                .sorted(Comparator.comparing(FieldProblem::field).thenComparing(FieldProblem::message))
                .toList();
        return handleExceptionInternal(ex, validation(errors), headers, HttpStatus.BAD_REQUEST, request);
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException ex,
                                                                  HttpHeaders headers, HttpStatusCode status,
                                                                  WebRequest request) {
        ProblemDetail problem;
        if (ex.getCause() instanceof JacksonException json && !json.getPath().isEmpty()) {
            problem = validation(List.of(new FieldProblem(path(json), "has the wrong type or format")));
        } else {
            problem = problem(HttpStatus.BAD_REQUEST, "malformed-request", "Malformed request",
                    "The request body is not the JSON this call expects");
        }
        return handleExceptionInternal(ex, problem, headers, HttpStatus.BAD_REQUEST, request);
    }

    @Override
    protected ResponseEntity<Object> handleTypeMismatch(org.springframework.beans.TypeMismatchException ex,
                                                        HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        ProblemDetail problem = problem(HttpStatus.BAD_REQUEST, "malformed-request", "Malformed request",
                "'" + ex.getPropertyName() + "' has the wrong format");
        return handleExceptionInternal(ex, problem, headers, HttpStatus.BAD_REQUEST, request);
    }

    @ExceptionHandler(InvalidField.class)
    ProblemDetail invalidField(InvalidField e) {
        return validation(List.of(new FieldProblem(e.field(), e.getMessage())));
    }

    @ExceptionHandler({ConferenceRejection.ConferenceNotFound.class, ConferenceRejection.SeatTypeNotFound.class})
    ProblemDetail notFound(ConferenceRejection e) {
        return problem(HttpStatus.NOT_FOUND, "not-found", "Not found", e.getMessage());
    }

    @ExceptionHandler(ConferenceRejection.SlugTaken.class)
    ProblemDetail slugTaken(ConferenceRejection.SlugTaken e) {
        ProblemDetail problem = problem(HttpStatus.CONFLICT, "slug-taken", "Slug already taken", e.getMessage());
        problem.setProperty("errors", List.of(new FieldProblem("slug", "is already taken")));
        return problem;
    }

    @ExceptionHandler(ConferenceRejection.ConferenceAlreadyExists.class)
    ProblemDetail conferenceExists(ConferenceRejection e) {
        return problem(HttpStatus.CONFLICT, "conference-exists", "Conference already exists", e.getMessage());
    }

    @ExceptionHandler(ConferenceRejection.SeatTypeAlreadyExists.class)
    ProblemDetail seatTypeExists(ConferenceRejection e) {
        return problem(HttpStatus.CONFLICT, "seat-type-exists", "Seat type already exists", e.getMessage());
    }

    @ExceptionHandler(ConferenceRejection.ConferenceWasPublished.class)
    ProblemDetail wasPublished(ConferenceRejection e) {
        return problem(HttpStatus.CONFLICT, "conference-was-published", "Conference was published", e.getMessage());
    }

    @ExceptionHandler(ConferenceRejection.SeatsAlreadySold.class)
    ProblemDetail seatsSold(ConferenceRejection.SeatsAlreadySold e) {
        ProblemDetail problem = problem(HttpStatus.UNPROCESSABLE_CONTENT, "seats-sold", "Seats already sold", e.getMessage());
        problem.setProperty("sold", e.sold());
        problem.setProperty("errors", List.of(new FieldProblem("quantity", "must be at least " + e.sold()
                + ", the seats already sold")));
        return problem;
    }

    @ExceptionHandler(ConferenceRejection.CurrencyMismatch.class)
    ProblemDetail currencyMismatch(ConferenceRejection e) {
        ProblemDetail problem = problem(HttpStatus.UNPROCESSABLE_CONTENT, "currency-mismatch", "Currency mismatch",
                e.getMessage());
        problem.setProperty("errors", List.of(new FieldProblem("price.currency",
                "must be the currency of the conference's other seat types")));
        return problem;
    }

    @ExceptionHandler(OwnerAccessDenied.NotAuthenticated.class)
    ResponseEntity<ProblemDetail> notAuthenticated(OwnerAccessDenied e) {
        return ResponseEntity.status(HttpStatus.UNAUTHORIZED)
                .header(HttpHeaders.WWW_AUTHENTICATE, "Basic realm=\"conference owner\", charset=\"UTF-8\"")
                .body(problem(HttpStatus.UNAUTHORIZED, "unauthenticated", "Owner credentials required", e.getMessage()));
    }

    @ExceptionHandler(OwnerAccessDenied.Forbidden.class)
    ProblemDetail forbidden(OwnerAccessDenied e) {
        return problem(HttpStatus.FORBIDDEN, "forbidden", "Not this conference's owner", e.getMessage());
    }

    @ExceptionHandler(OwnerAccessDenied.TooManyFailures.class)
    ResponseEntity<ProblemDetail> tooManyFailures(OwnerAccessDenied.TooManyFailures e) {
        long seconds = Math.max(1, e.retryAfter().toSeconds() + (e.retryAfter().toNanosPart() > 0 ? 1 : 0));
        return ResponseEntity.status(HttpStatus.TOO_MANY_REQUESTS)
                .header(HttpHeaders.RETRY_AFTER, Long.toString(seconds))
                .body(problem(HttpStatus.TOO_MANY_REQUESTS, "too-many-failures", "Too many failed attempts",
                        e.getMessage()));
    }

    @ExceptionHandler(ConcurrencyFailureException.class)
    ProblemDetail concurrentChange(ConcurrencyFailureException e) {
        return problem(HttpStatus.CONFLICT, "concurrent-change", "Concurrent change",
                "The conference was changed at the same time; load it again and retry");
    }

    @ExceptionHandler(Exception.class)
    ProblemDetail unexpected(Exception e) {
        log.error("Unexpected error answering a request", e);
        return problem(HttpStatus.INTERNAL_SERVER_ERROR, "internal", "Internal error",
                "Something went wrong on our side; it has been logged");
    }

    private static ProblemDetail validation(List<FieldProblem> errors) {
        ProblemDetail problem = problem(HttpStatus.BAD_REQUEST, "validation", "Invalid request",
                errors.stream().map(FieldProblem::field).distinct().collect(Collectors.joining(", ", "Invalid: ", "")));
        problem.setProperty("errors", errors);
        return problem;
    }

    static ProblemDetail problem(HttpStatus status, String type, String title, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(URI.create(TYPES + type));
        problem.setTitle(title);
        return problem;
    }

    private static String message(FieldError error) {
        return error.getDefaultMessage() == null ? "is invalid" : error.getDefaultMessage();
    }

    private static String path(JacksonException e) {
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

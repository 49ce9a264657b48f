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
import tools.jackson.core.exc.InputCoercionException;
import tools.jackson.core.exc.StreamReadException;
import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.exc.UnrecognizedPropertyException;

import java.math.BigDecimal;
import java.net.URI;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Every error as an RFC 9457 problem ({@code application/problem+json}) with a stable {@code type}
 * ({@code https://seatbooking.dev/problems/<code>}) and the same {@code code} as a property: 400
 * {@code malformed-request} (not JSON, a value of the wrong type or format, an unknown field) or
 * {@code validation-failed} (a rule broken), both with an {@code errors} list of {@code {field, message}} when a field
 * is to blame; 401 {@code unauthorized}, 403 {@code access-denied}, 429 {@code too-many-requests}; 404
 * {@code not-found}; 409 for a state conflict; 422 for a business rule. Never a stack trace; an unexpected error is
 * logged and answered as 500 {@code internal-error} without details.
 */
@RestControllerAdvice
class ProblemHandler extends ResponseEntityExceptionHandler {

    static final String TYPES = "https://seatbooking.dev/problems/";
    private static final URI ABOUT_BLANK = URI.create("about:blank");

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
        JacksonException json = cause(ex, JacksonException.class);
        ProblemDetail problem;
        boolean syntax = json instanceof StreamReadException && !(json instanceof InputCoercionException);
        if (json == null || syntax || json.getPath().isEmpty()) {
            problem = problem(HttpStatus.BAD_REQUEST, "malformed-request", "Malformed request",
                    "The request body is not the JSON this call expects");
        } else {
            FieldProblem wrong = new FieldProblem(path(json), whatIsWrong(json));
            problem = problem(HttpStatus.BAD_REQUEST, "malformed-request", "Malformed request",
                    "'" + wrong.field() + "' " + wrong.message());
            problem.setProperty("errors", List.of(wrong));
        }
        return handleExceptionInternal(ex, problem, headers, HttpStatus.BAD_REQUEST, request);
    }

    @Override
    protected ResponseEntity<Object> handleTypeMismatch(org.springframework.beans.TypeMismatchException ex,
                                                        HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        String name = ex.getPropertyName() == null ? "value" : ex.getPropertyName();
        ProblemDetail problem = problem(HttpStatus.BAD_REQUEST, "malformed-request", "Malformed request",
                "'" + name + "' has the wrong format");
        problem.setProperty("errors", List.of(new FieldProblem(name, "has the wrong format")));
        return handleExceptionInternal(ex, problem, headers, HttpStatus.BAD_REQUEST, request);
    }

    /**
     * Spring MVC's own refusals (an unknown path, 405, 415 …) come typed {@code about:blank}: they get the type of
     * their status, so that every answer speaks the same vocabulary.
     */
    @Override
    protected ResponseEntity<Object> createResponseEntity(Object body, HttpHeaders headers, HttpStatusCode statusCode,
                                                          WebRequest request) {
        if (body instanceof ProblemDetail problem
                && (problem.getType() == null || ABOUT_BLANK.equals(problem.getType()))) {
            String code = slugOf(statusCode);
            problem.setType(URI.create(TYPES + code));
            problem.setProperty("code", code);
        }
        return super.createResponseEntity(body, headers, statusCode, request);
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
                .body(problem(HttpStatus.UNAUTHORIZED, "unauthorized", "Owner credentials required", e.getMessage()));
    }

    @ExceptionHandler(OwnerAccessDenied.Forbidden.class)
    ProblemDetail forbidden(OwnerAccessDenied e) {
        return problem(HttpStatus.FORBIDDEN, "access-denied", "Not this conference's owner", e.getMessage());
    }

    @ExceptionHandler(OwnerAccessDenied.TooManyFailures.class)
    ResponseEntity<ProblemDetail> tooManyFailures(OwnerAccessDenied.TooManyFailures e) {
        long seconds = Math.max(1, e.retryAfter().toSeconds() + (e.retryAfter().toNanosPart() > 0 ? 1 : 0));
        return ResponseEntity.status(HttpStatus.TOO_MANY_REQUESTS)
                .header(HttpHeaders.RETRY_AFTER, Long.toString(seconds))
                .body(problem(HttpStatus.TOO_MANY_REQUESTS, "too-many-requests", "Too many failed attempts",
                        e.getMessage()));
    }

    @ExceptionHandler(ConcurrencyFailureException.class)
    ProblemDetail concurrentChange(ConcurrencyFailureException e) {
        return problem(HttpStatus.CONFLICT, "concurrency-conflict", "Concurrent change",
                "The conference was changed at the same time; load it again and retry");
    }

    @ExceptionHandler(Exception.class)
    ProblemDetail unexpected(Exception e) {
        log.error("Unexpected error answering a request", e);
        return problem(HttpStatus.INTERNAL_SERVER_ERROR, "internal-error", "Internal error",
                "Something went wrong on our side; it has been logged");
    }

    private static ProblemDetail validation(List<FieldProblem> errors) {
        ProblemDetail problem = problem(HttpStatus.BAD_REQUEST, "validation-failed", "Invalid request",
                errors.stream().map(FieldProblem::field).distinct().collect(Collectors.joining(", ", "Invalid: ", "")));
        problem.setProperty("errors", errors);
        return problem;
    }

    /** A problem of type {@code TYPES + code}, with {@code code} also as a property for clients that switch on it. */
    static ProblemDetail problem(HttpStatus status, String code, String title, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(URI.create(TYPES + code));
        problem.setTitle(title);
        problem.setProperty("code", code);
        return problem;
    }

    /** {@code 404} → {@code not-found}, {@code 415} → {@code unsupported-media-type}, {@code 400} → {@code malformed-request}. */
    private static String slugOf(HttpStatusCode status) {
        if (status.value() == 400) return "malformed-request";
        if (status.value() == 500) return "internal-error";
        HttpStatus known = HttpStatus.resolve(status.value());
        return known == null ? "http-" + status.value() : known.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** What to tell the client about a JSON value that could not be read into its request field. */
    private static String whatIsWrong(JacksonException e) {
        if (e instanceof UnrecognizedPropertyException) return "is not a field of this request";
        if (e instanceof InputCoercionException) return "is out of range";
        Class<?> type = e instanceof MismatchedInputException mismatch ? mismatch.getTargetType() : null;
        if (type == null) return "has the wrong type or format";
        if (type == UUID.class) return "must be a UUID";
        if (type == LocalDate.class) return "must be a date as yyyy-mm-dd";
        if (type == Integer.class || type == int.class || type == Long.class || type == long.class) {
            return "must be a whole number";
        }
        if (type == BigDecimal.class) return "must be a number";
        if (type == String.class) return "must be a string";
        return "has the wrong type or format";
    }

    private static <T extends Throwable> T cause(Throwable error, Class<T> type) {
        for (Throwable t = error; t != null; t = t.getCause()) {
            if (type.isInstance(t)) return type.cast(t);
        }
        return null;
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

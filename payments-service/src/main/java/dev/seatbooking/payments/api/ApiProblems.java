package dev.seatbooking.payments.api;

import dev.seatbooking.contracts.Money;
import dev.seatbooking.eventsourcing.store.ConcurrencyException;
import dev.seatbooking.payments.payment.PaymentRefused;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
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
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DatabindException;
import tools.jackson.databind.exc.UnrecognizedPropertyException;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Every error answer is an RFC 9457 problem ({@code application/problem+json}) with a stable {@code type} per kind
 * of problem: 400 malformed or invalid (with the offending fields in {@code errors}), 404 unknown, 409 state
 * conflict, 422 business rule. Never a stack trace.
 */
@RestControllerAdvice
class ApiProblems extends ResponseEntityExceptionHandler {

    static final String BASE = "https://seatbooking.dev/problems/";
    private static final Logger log = LoggerFactory.getLogger(ApiProblems.class);

    private record Kind(HttpStatus status, String slug, String title) {
    }

    private static Kind kindOf(PaymentRefused.Reason reason) {
        return switch (reason) {
            // Unknown, or not with the credential given: one answer, so ids cannot be probed.
            case UNKNOWN_ORDER, UNKNOWN_PAYMENT -> new Kind(HttpStatus.NOT_FOUND, "not-found", "Not found");
            case AMOUNT_MISMATCH -> new Kind(HttpStatus.UNPROCESSABLE_CONTENT, "amount-mismatch",
                    "Amount is not the order's total");
            case CONFERENCE_MISMATCH -> new Kind(HttpStatus.UNPROCESSABLE_CONTENT, "conference-mismatch",
                    "Order belongs to another conference");
            case ITEMS_MISMATCH -> new Kind(HttpStatus.UNPROCESSABLE_CONTENT, "items-mismatch",
                    "Items do not add up to the amount");
            case ORDER_EXPIRED -> new Kind(HttpStatus.UNPROCESSABLE_CONTENT, "order-expired", "Order expired");
            case ORDER_FREE_OF_CHARGE -> new Kind(HttpStatus.UNPROCESSABLE_CONTENT, "order-free-of-charge",
                    "Order is free of charge");
            case ORDER_ALREADY_PAID -> new Kind(HttpStatus.CONFLICT, "order-already-paid", "Order already paid");
            case PAYMENT_ID_CONFLICT -> new Kind(HttpStatus.CONFLICT, "payment-id-conflict",
                    "Payment id already used for another payment");
            case PAYMENT_ALREADY_COMPLETED -> new Kind(HttpStatus.CONFLICT, "payment-already-completed",
                    "Payment already completed");
            case PAYMENT_ALREADY_REJECTED -> new Kind(HttpStatus.CONFLICT, "payment-already-rejected",
                    "Payment already rejected");
        };
    }

    @ExceptionHandler(PaymentRefused.class)
    ResponseEntity<ProblemDetail> refused(PaymentRefused refused) {
        Kind kind = kindOf(refused.reason());
        ProblemDetail problem = problem(kind.status(), kind.slug(), kind.title(), refused.getMessage());
        refused.details().forEach((name, value) ->
                problem.setProperty(name, value instanceof Money money ? AmountJson.of(money) : value));
        return ResponseEntity.status(kind.status()).body(problem);
    }

    @ExceptionHandler(InvalidRequestException.class)
    ResponseEntity<ProblemDetail> invalid(InvalidRequestException invalid) {
        return ResponseEntity.badRequest().body(invalidRequest(invalid.errors().stream()
                .map(e -> Map.of("field", e.field(), "message", e.message())).toList()));
    }

    @ExceptionHandler(ConcurrencyException.class)
    ResponseEntity<ProblemDetail> concurrency(ConcurrencyException conflict) {
        return ResponseEntity.status(HttpStatus.CONFLICT).body(problem(HttpStatus.CONFLICT, "concurrency-conflict",
                "Concurrent change", "The payment was changed by another request at the same time; try again"));
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<ProblemDetail> unexpected(Exception e) {
        log.error("Unexpected error answering a request", e);
        return ResponseEntity.internalServerError().body(problem(HttpStatus.INTERNAL_SERVER_ERROR, "internal-error",
                "Internal error", "Something went wrong on our side; it has been logged"));
    }

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException ex,
                                                                  HttpHeaders headers, HttpStatusCode status,
                                                                  WebRequest request) {
        List<Map<String, String>> errors = new ArrayList<>();
        for (FieldError error : ex.getBindingResult().getFieldErrors()) {
            errors.add(Map.of("field", error.getField(), "message", String.valueOf(error.getDefaultMessage())));
        }
        ex.getBindingResult().getGlobalErrors().forEach(error ->
                errors.add(Map.of("field", error.getObjectName(), "message", String.valueOf(error.getDefaultMessage()))));
        return ResponseEntity.badRequest().headers(headers).body(invalidRequest(errors));
    }

    @Override
    protected ResponseEntity<Object> handleHandlerMethodValidationException(HandlerMethodValidationException ex,
                                                                            HttpHeaders headers, HttpStatusCode status,
                                                                            WebRequest request) {
        List<Map<String, String>> errors = new ArrayList<>();
        ex.getParameterValidationResults().forEach(result -> result.getResolvableErrors().forEach(error ->
                errors.add(Map.of("field", String.valueOf(result.getMethodParameter().getParameterName()),
                        "message", String.valueOf(error.getDefaultMessage())))));
        return ResponseEntity.badRequest().headers(headers).body(invalidRequest(errors));
    }

    /**
     * A body that cannot be read into the request model: a field the model does not have is a validation failure
     * naming it; a value of the wrong type or form is a malformed request naming its field. Never the parser's own
     * words (they name classes).
     */
    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException ex,
                                                                  HttpHeaders headers, HttpStatusCode status,
                                                                  WebRequest request) {
        if (ex.getCause() instanceof UnrecognizedPropertyException unknown) {
            return ResponseEntity.badRequest().headers(headers).body(invalidRequest(List.of(Map.of(
                    "field", path(unknown), "message", "is not a field of this request"))));
        }
        if (ex.getCause() instanceof DatabindException wrong && !wrong.getPath().isEmpty()) {
            ProblemDetail problem = problem(HttpStatus.BAD_REQUEST, "malformed-request", "Malformed request",
                    "A value is not of the type or form its field takes; see errors");
            problem.setProperty("errors", List.of(Map.of("field", path(wrong),
                    "message", "has the wrong type or form")));
            return ResponseEntity.badRequest().headers(headers).body(problem);
        }
        return super.handleHttpMessageNotReadable(ex, headers, status, request);
    }

    /** The field as the request names it, e.g. {@code items[0].amount.amount}. */
    private static String path(DatabindException e) {
        StringBuilder path = new StringBuilder();
        for (JacksonException.Reference reference : e.getPath()) {
            if (reference.getPropertyName() != null) {
                if (!path.isEmpty()) path.append('.');
                path.append(reference.getPropertyName());
            } else if (reference.getIndex() >= 0) {
                path.append('[').append(reference.getIndex()).append(']');
            }
        }
        // An unknown field's name is the sender's: answer no more of it than a field name needs.
        return path.length() <= 200 ? path.toString() : path.substring(0, 200) + "…";
    }

    /** Spring's own problems (unreadable JSON, wrong type of a path variable, 405, 415 ...) get stable types too. */
    @Override
    protected ResponseEntity<Object> handleExceptionInternal(Exception ex, Object body, HttpHeaders headers,
                                                             HttpStatusCode statusCode, WebRequest request) {
        ResponseEntity<Object> response = super.handleExceptionInternal(ex, body, headers, statusCode, request);
        if (response != null && response.getBody() instanceof ProblemDetail problem
                && (problem.getType() == null || "about:blank".equals(problem.getType().toString()))) {
            problem.setType(URI.create(BASE + slugOf(statusCode)));
        }
        return response;
    }

    /** The shared problem vocabulary's slug for one of Spring's own answers. */
    private static String slugOf(HttpStatusCode status) {
        return switch (status.value()) {
            case 400 -> "malformed-request";
            case 401 -> "unauthorized";
            case 403 -> "access-denied";
            case 404 -> "not-found";
            case 405 -> "method-not-allowed";
            case 409 -> "conflict";
            case 429 -> "too-many-requests";
            case 500 -> "internal-error";
            default -> "http-" + status.value();
        };
    }

    private static ProblemDetail invalidRequest(List<Map<String, String>> errors) {
        ProblemDetail problem = problem(HttpStatus.BAD_REQUEST, "validation-failed", "Validation failed",
                "Some fields are missing or invalid; see errors");
        problem.setProperty("errors", errors);
        return problem;
    }

    private static ProblemDetail problem(HttpStatus status, String slug, String title, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(URI.create(BASE + slug));
        problem.setTitle(title);
        return problem;
    }
}

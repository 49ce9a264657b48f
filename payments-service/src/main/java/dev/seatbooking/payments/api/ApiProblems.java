package dev.seatbooking.payments.api;

import dev.seatbooking.contracts.Money;
import dev.seatbooking.eventsourcing.store.ConcurrencyException;
import dev.seatbooking.payments.domain.PaymentRefused;
import dev.seatbooking.web.problem.Problems;
import dev.seatbooking.web.problem.Problems.FieldProblem;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * Payments' own problems in the platform's vocabulary ({@link Problems}): 404 unknown (or not with the credential
 * given), 409 state conflict, 422 business rule, 400 for a field its own checks refuse. Malformed requests, unknown
 * fields, Spring MVC's own refusals and unexpected errors are answered by the shared web edge.
 */
@RestControllerAdvice
@Order(0)
class ApiProblems {

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
        ProblemDetail problem = Problems.problem(kind.status(), kind.slug(), refused.getMessage());
        problem.setTitle(kind.title());
        refused.details().forEach((name, value) ->
                problem.setProperty(name, value instanceof Money money ? AmountJson.of(money) : value));
        return ResponseEntity.status(kind.status()).body(problem);
    }

    @ExceptionHandler(ProcessorUnavailable.class)
    ResponseEntity<ProblemDetail> processorUnavailable(ProcessorUnavailable unavailable) {
        return Problems.comeBackIn(ProcessorUnavailable.RETRY_AFTER_SECONDS, HttpStatus.SERVICE_UNAVAILABLE,
                Problems.SERVICE_UNAVAILABLE, unavailable.getMessage());
    }

    @ExceptionHandler(InvalidRequestException.class)
    ResponseEntity<ProblemDetail> invalid(InvalidRequestException invalid) {
        return ResponseEntity.badRequest().body(Problems.invalid(invalid.errors().stream()
                .map(e -> new FieldProblem(e.field(), e.message())).toList()));
    }

    @ExceptionHandler(ConcurrencyException.class)
    ResponseEntity<ProblemDetail> concurrency(ConcurrencyException conflict) {
        return ResponseEntity.status(HttpStatus.CONFLICT).body(Problems.problem(HttpStatus.CONFLICT,
                Problems.CONCURRENCY_CONFLICT, "The payment was changed by another request at the same time; try again"));
    }
}

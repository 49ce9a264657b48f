package dev.seatbooking.registration.api;

import dev.seatbooking.eventsourcing.process.ProcessConcurrencyException;
import dev.seatbooking.eventsourcing.store.ConcurrencyException;
import dev.seatbooking.registration.DomainRejection;
import dev.seatbooking.registration.order.OrderRejection;
import dev.seatbooking.registration.service.AccessDenied;
import dev.seatbooking.registration.service.TooManySeatsAsked;
import dev.seatbooking.registration.service.WaitlistEntryNotFound;
import dev.seatbooking.web.problem.Problems;
import dev.seatbooking.web.throttle.TooManyAttempts;
import java.util.Map;
import org.springframework.core.annotation.Order;
import org.springframework.dao.ConcurrencyFailureException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * Registration's own problems in the platform's vocabulary ({@link Problems}): 404 for something unknown (also an
 * order without its access code), 409 for a conflict with the order's state or with another writer, 422 for a business
 * rule, 429 after too many wrong access codes or too many seats asked for by one client. Malformed requests, failed validation, Spring MVC's own refusals and
 * unexpected errors are answered by the shared web edge.
 */
@RestControllerAdvice
@Order(0)
public class ApiProblems {

    @ExceptionHandler(DomainRejection.class)
    ResponseEntity<ProblemDetail> rejected(DomainRejection rejection) {
        HttpStatus status = switch (rejection.kind()) {
            case UNKNOWN -> HttpStatus.NOT_FOUND;
            case STATE_CONFLICT -> HttpStatus.CONFLICT;
            case RULE_VIOLATION -> HttpStatus.UNPROCESSABLE_CONTENT;
        };
        return problem(status, rejection.code(), rejection.getMessage(), null);
    }

    /** Too late for the registrant to cancel: the problem says until when it was possible. */
    @ExceptionHandler(OrderRejection.CancellationCutoffPassed.class)
    ResponseEntity<ProblemDetail> cancellationCutoffPassed(OrderRejection.CancellationCutoffPassed rejection) {
        return problem(HttpStatus.CONFLICT, rejection.code(), rejection.getMessage(),
                rejection.deadline() == null ? null : Map.of("deadline", rejection.deadline().toString()));
    }

    /** An unknown order, no code and a wrong code: one answer, to the byte, so order ids cannot be probed. */
    @ExceptionHandler(AccessDenied.class)
    ResponseEntity<ProblemDetail> accessDenied(AccessDenied denied) {
        return problem(HttpStatus.NOT_FOUND, "not-found", "No order with this id and the access code in the "
                + OrdersController.ACCESS_CODE + " header", null);
    }

    /** An unknown entry, no code and a wrong code: one answer, as for orders. */
    @ExceptionHandler(WaitlistEntryNotFound.class)
    ResponseEntity<ProblemDetail> waitlistEntryNotFound(WaitlistEntryNotFound denied) {
        return problem(HttpStatus.NOT_FOUND, "not-found", "No waitlist entry with this id and the access code in the "
                + WaitlistController.ACCESS_CODE + " header", null);
    }

    /** Past the seats one client may ask for at a conference ({@code SeatsPerClient}): when it may ask again. */
    @ExceptionHandler(TooManySeatsAsked.class)
    ResponseEntity<ProblemDetail> tooManySeatsAsked(TooManySeatsAsked refused) {
        long seconds = TooManyAttempts.seconds(refused.retryAfter());
        return Problems.comeBackIn(seconds, HttpStatus.TOO_MANY_REQUESTS, Problems.TOO_MANY_REQUESTS,
                "This address asked for " + refused.limit() + " seats of this conference lately, as many as one "
                        + "client may hold at a time; try again in " + seconds + " s");
    }

    @ExceptionHandler({ConcurrencyException.class, ProcessConcurrencyException.class, ConcurrencyFailureException.class})
    ResponseEntity<ProblemDetail> conflict(RuntimeException conflict) {
        return problem(HttpStatus.CONFLICT, "concurrency-conflict",
                "The order changed while the request was handled; send it again", null);
    }

    private static ResponseEntity<ProblemDetail> problem(HttpStatus status, String code, String detail,
                                                         Map<String, Object> properties) {
        ProblemDetail problem = Problems.problem(status, code, detail);
        if (properties != null) properties.forEach(problem::setProperty);
        return ResponseEntity.status(status).body(problem);
    }
}

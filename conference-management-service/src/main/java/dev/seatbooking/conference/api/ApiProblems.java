package dev.seatbooking.conference.api;

import dev.seatbooking.conference.access.OwnerAccessDenied;
import dev.seatbooking.conference.domain.ConferenceRejection;
import dev.seatbooking.web.problem.Problems.FieldProblem;
import dev.seatbooking.conference.orders.OrderCancellations;
import dev.seatbooking.web.problem.Problems;
import org.springframework.core.annotation.Order;
import org.springframework.dao.ConcurrencyFailureException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

import java.util.List;

/**
 * Conference management's own problems in the platform's vocabulary ({@link Problems}): 401 {@code unauthorized},
 * 403 {@code access-denied}, 429 {@code too-many-requests}; 404 {@code not-found}; 409 for a state conflict; 422 for
 * a business rule; 400 {@code validation-failed} for a field its own checks refuse. Malformed requests, unknown
 * fields, failed bean validation, Spring MVC's own refusals and unexpected errors are answered by the shared web
 * edge.
 */
@RestControllerAdvice
@Order(0)
class ApiProblems {

    @ExceptionHandler(InvalidField.class)
    ProblemDetail invalidField(InvalidField e) {
        return Problems.invalid(List.of(new FieldProblem(e.field(), e.getMessage())));
    }

    @ExceptionHandler({ConferenceRejection.ConferenceNotFound.class, ConferenceRejection.SeatTypeNotFound.class})
    ProblemDetail notFound(ConferenceRejection e) {
        return problem(HttpStatus.NOT_FOUND, Problems.NOT_FOUND, "Not found", e.getMessage());
    }

    @ExceptionHandler(OrderCancellations.UnknownOrder.class)
    ProblemDetail unknownOrder(OrderCancellations.UnknownOrder e) {
        return problem(HttpStatus.NOT_FOUND, Problems.NOT_FOUND, "Not found", e.getMessage());
    }

    @ExceptionHandler(OrderCancellations.NotCancellable.class)
    ProblemDetail notCancellable(OrderCancellations.NotCancellable e) {
        return problem(HttpStatus.CONFLICT, e.code(), "Order not cancellable", e.getMessage());
    }

    @ExceptionHandler(ConferenceRejection.SlugTaken.class)
    ProblemDetail slugTaken(ConferenceRejection.SlugTaken e) {
        return problem(HttpStatus.CONFLICT, "slug-taken", "Slug already taken", e.getMessage(),
                new FieldProblem("slug", "is already taken"));
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
        ProblemDetail problem = problem(HttpStatus.UNPROCESSABLE_CONTENT, "seats-sold", "Seats already sold",
                e.getMessage(), new FieldProblem("quantity", "must be at least " + e.sold() + ", the seats already sold"));
        problem.setProperty("sold", e.sold());
        return problem;
    }

    @ExceptionHandler(ConferenceRejection.CurrencyMismatch.class)
    ProblemDetail currencyMismatch(ConferenceRejection e) {
        return problem(HttpStatus.UNPROCESSABLE_CONTENT, "currency-mismatch", "Currency mismatch", e.getMessage(),
                new FieldProblem("price.currency", "must be the currency of the conference's other seat types"));
    }

    @ExceptionHandler(OwnerAccessDenied.NotAuthenticated.class)
    ResponseEntity<ProblemDetail> notAuthenticated(OwnerAccessDenied e) {
        return ResponseEntity.status(HttpStatus.UNAUTHORIZED)
                .header(HttpHeaders.WWW_AUTHENTICATE, "Basic realm=\"conference owner\", charset=\"UTF-8\"")
                .body(problem(HttpStatus.UNAUTHORIZED, Problems.UNAUTHORIZED, "Owner credentials required", e.getMessage()));
    }

    @ExceptionHandler(OwnerAccessDenied.Forbidden.class)
    ProblemDetail forbidden(OwnerAccessDenied e) {
        return problem(HttpStatus.FORBIDDEN, Problems.ACCESS_DENIED, "Not this conference's owner", e.getMessage());
    }

    @ExceptionHandler(ConcurrencyFailureException.class)
    ProblemDetail concurrentChange(ConcurrencyFailureException e) {
        return problem(HttpStatus.CONFLICT, Problems.CONCURRENCY_CONFLICT, "Concurrent change",
                "The conference was changed at the same time; load it again and retry");
    }

    /**
     * A problem of the vocabulary with a title of its own, naming the fields to blame (if any) so that the owner's form
     * shows each next to its field. Every refusal of this service is built here, so they all read alike.
     */
    static ProblemDetail problem(HttpStatus status, String code, String title, String detail, FieldProblem... blamed) {
        ProblemDetail problem = Problems.problem(status, code, detail);
        problem.setTitle(title);
        if (blamed.length > 0) problem.setProperty(Problems.ERRORS, List.of(blamed));
        return problem;
    }
}

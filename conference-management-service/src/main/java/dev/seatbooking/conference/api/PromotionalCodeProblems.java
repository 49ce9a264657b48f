package dev.seatbooking.conference.api;

import dev.seatbooking.conference.promotion.PromotionalCodeRejection;
import dev.seatbooking.web.problem.Problems;
import dev.seatbooking.web.problem.Problems.FieldProblem;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

import java.util.List;

/**
 * The promotional codes' refusals in the platform's vocabulary ({@link Problems}), each naming the field to blame so
 * that the owner's form shows it next to that field: 404 {@code not-found}; 409 {@code promotional-code-exists} and
 * {@code seat-type-in-code-scope}; 422 for a rule of the conference ({@code unknown-seat-type},
 * {@code currency-mismatch}, {@code code-text-fixed}, {@code code-uses-taken}); 400 {@code validation-failed} for a
 * window out of order.
 */
@RestControllerAdvice
@Order(0)
class PromotionalCodeProblems {

    @ExceptionHandler(PromotionalCodeRejection.CodeNotFound.class)
    ProblemDetail notFound(PromotionalCodeRejection e) {
        return ApiProblems.problem(HttpStatus.NOT_FOUND, Problems.NOT_FOUND, "Not found", e.getMessage());
    }

    @ExceptionHandler(PromotionalCodeRejection.CodeTextTaken.class)
    ProblemDetail textTaken(PromotionalCodeRejection e) {
        return ApiProblems.problem(HttpStatus.CONFLICT, "promotional-code-exists", "Promotional code already exists",
                e.getMessage(), new FieldProblem("code", "is already a code of this conference (codes ignore case)"));
    }

    @ExceptionHandler(PromotionalCodeRejection.CodeIdTaken.class)
    ProblemDetail idTaken(PromotionalCodeRejection e) {
        return ApiProblems.problem(HttpStatus.CONFLICT, "promotional-code-exists", "Promotional code already exists",
                e.getMessage(), new FieldProblem("id", "is already a promotional code's id"));
    }

    @ExceptionHandler(PromotionalCodeRejection.CodeTextFixed.class)
    ProblemDetail textFixed(PromotionalCodeRejection e) {
        return ApiProblems.problem(HttpStatus.UNPROCESSABLE_CONTENT, "code-text-fixed", "A code's text cannot change",
                e.getMessage(), new FieldProblem("code", "cannot change: leave it out, or create a new code"));
    }

    @ExceptionHandler(PromotionalCodeRejection.UnknownSeatTypes.class)
    ProblemDetail unknownSeatTypes(PromotionalCodeRejection.UnknownSeatTypes e) {
        ProblemDetail problem = ApiProblems.problem(HttpStatus.UNPROCESSABLE_CONTENT, "unknown-seat-type",
                "Unknown seat type", e.getMessage(),
                new FieldProblem("seatTypeIds", "must name seat types of this conference"));
        problem.setProperty("seatTypeIds", e.seatTypeIds());
        return problem;
    }

    @ExceptionHandler(PromotionalCodeRejection.CurrencyMismatch.class)
    ProblemDetail currencyMismatch(PromotionalCodeRejection e) {
        return ApiProblems.problem(HttpStatus.UNPROCESSABLE_CONTENT, "currency-mismatch", "Currency mismatch",
                e.getMessage(),
                new FieldProblem("discount.amount.currency", "must be the currency of the conference's seat types"));
    }

    @ExceptionHandler(PromotionalCodeRejection.UsesTaken.class)
    ProblemDetail usesTaken(PromotionalCodeRejection.UsesTaken e) {
        ProblemDetail problem = ApiProblems.problem(HttpStatus.UNPROCESSABLE_CONTENT, "code-uses-taken",
                "Uses already taken", e.getMessage(),
                new FieldProblem("usageLimit", "must be at least " + e.taken() + ", the uses already held or spent"));
        problem.setProperty("taken", e.taken());
        return problem;
    }

    @ExceptionHandler(PromotionalCodeRejection.SeatTypeInScope.class)
    ProblemDetail seatTypeInScope(PromotionalCodeRejection e) {
        return ApiProblems.problem(HttpStatus.CONFLICT, "seat-type-in-code-scope", "Seat type in a code's scope",
                e.getMessage());
    }

    @ExceptionHandler(PromotionalCodeRejection.WindowOutOfOrder.class)
    ProblemDetail windowOutOfOrder(PromotionalCodeRejection e) {
        return Problems.invalid(List.of(new FieldProblem("validUntil", "must be after validFrom")));
    }
}

package dev.seatbooking.readmodel.api;

import dev.seatbooking.readmodel.projection.ProjectionNotReadyException;
import dev.seatbooking.readmodel.projection.UnknownProjectionException;
import dev.seatbooking.readmodel.rebuild.RebuildInProgressException;
import dev.seatbooking.web.problem.Problems;
import io.github.resilience4j.bulkhead.BulkheadFullException;
import dev.seatbooking.web.problem.Problems.FieldProblem;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

import java.util.List;

/**
 * The read model's own problems, in the platform's vocabulary ({@link Problems}); malformed requests, unknown paths,
 * throttled guesses and unexpected errors are answered by the shared web edge.
 */
@RestControllerAdvice
@Order(0)
class ApiProblems {

    @ExceptionHandler
    ResponseEntity<ProblemDetail> notFound(ViewNotFoundException e) {
        ProblemDetail problem = Problems.problem(HttpStatus.NOT_FOUND, Problems.NOT_FOUND, e.getMessage());
        if (e.consistency().stale()) problem.setProperty("consistency", "stale");
        return ResponseEntity.status(HttpStatus.NOT_FOUND).headers(Answers.consistencyHeaders(e.consistency()))
                .body(problem);
    }

    /** Unknown order, missing or wrong access code: one answer, whatever the request waited for. */
    @ExceptionHandler
    ResponseEntity<ProblemDetail> noSuchOrder(NoSuchOrderException e) {
        return answer(Problems.problem(HttpStatus.NOT_FOUND, Problems.NOT_FOUND, e.getMessage()));
    }

    @ExceptionHandler
    ResponseEntity<ProblemDetail> invalidToken(InvalidConsistencyTokenException e) {
        ProblemDetail problem = Problems.problem(HttpStatus.BAD_REQUEST, "invalid-consistency-token", e.getMessage());
        problem.setProperty(Problems.ERRORS, List.of(new FieldProblem("Consistency-Token", e.getMessage())));
        return answer(problem);
    }

    @ExceptionHandler
    ResponseEntity<ProblemDetail> unknownProjection(UnknownProjectionException e) {
        return answer(Problems.problem(HttpStatus.NOT_FOUND, "unknown-projection", e.getMessage()));
    }

    @ExceptionHandler
    ResponseEntity<ProblemDetail> rebuildInProgress(RebuildInProgressException e) {
        return answer(Problems.problem(HttpStatus.CONFLICT, "rebuild-in-progress", e.getMessage()));
    }

    @ExceptionHandler
    ResponseEntity<ProblemDetail> notReady(ProjectionNotReadyException e) {
        return Problems.comeBackIn(5, HttpStatus.SERVICE_UNAVAILABLE, "projection-not-ready", e.getMessage());
    }

    /** Every place for a query to use the database taken, past the wait (QueryAdmission): ask again in a moment. */
    @ExceptionHandler
    ResponseEntity<ProblemDetail> busy(BulkheadFullException e) {
        return Problems.comeBackIn(1, HttpStatus.SERVICE_UNAVAILABLE, Problems.SERVICE_UNAVAILABLE,
                "The read model is answering as many queries as it can; ask again in a moment.");
    }

    private static ResponseEntity<ProblemDetail> answer(ProblemDetail problem) {
        return ResponseEntity.status(problem.getStatus()).body(problem);
    }
}

package dev.seatbooking.web.problem;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.TransactionSystemException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

import java.sql.SQLException;

/**
 * No database connection for a request: PostgreSQL is away, or the pool gave none within its wait (every connection
 * busy under a flood of queries). Neither the client's fault nor a bug, and it passes, so 503 with
 * {@code Retry-After}, not the 500 of the unexpected; the readiness probe says DOWN meanwhile if the database is away.
 * Registered only where Spring JDBC is on the class path (the services, not the gateway).
 */
@RestControllerAdvice
@org.springframework.core.annotation.Order(ApiProblemHandler.ORDER - 1)
public class DatabaseProblems {

    /** Seconds a client is asked to wait: a restarted database or a drained pool is back within a few. */
    static final long RETRY_AFTER_SECONDS = 5;

    private static final Logger log = LoggerFactory.getLogger(DatabaseProblems.class);

    /**
     * A connection lost in the middle of the request (PostgreSQL stopped or restarted: SQLSTATE class 08, or 57P01-03)
     * is the database away too. Other resource failures (a program limit, say) do not pass by waiting: the 500 of
     * the unexpected.
     */
    @ExceptionHandler(DataAccessResourceFailureException.class)
    ResponseEntity<ProblemDetail> resourceFailure(DataAccessResourceFailureException e) {
        if (e instanceof CannotGetJdbcConnectionException || connectionLost(e)) return noConnection(e);
        return ApiProblemHandler.unexpectedError(e);
    }

    /**
     * PostgreSQL gone in the middle of a transaction: the statement fails on the broken connection, then so does the
     * rollback ("Connection is closed"), and Spring throws the rollback's failure, holding the statement's as its
     * application exception. Seen in the fault suite's PostgreSQL stop as a 500.
     */
    @ExceptionHandler(TransactionSystemException.class)
    ResponseEntity<ProblemDetail> transactionFailure(TransactionSystemException e) {
        if (connectionLost(e) || connectionLost(e.getApplicationException())) return noConnection(e);
        return ApiProblemHandler.unexpectedError(e);
    }

    @ExceptionHandler(CannotCreateTransactionException.class)
    ResponseEntity<ProblemDetail> noConnection(Exception e) {
        log.warn("No database connection for a request: {}", e.toString());
        return Problems.comeBackIn(RETRY_AFTER_SECONDS, HttpStatus.SERVICE_UNAVAILABLE, Problems.SERVICE_UNAVAILABLE,
                "The service cannot reach its database right now; try again in " + RETRY_AFTER_SECONDS + " s");
    }

    private static boolean connectionLost(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLException sql && sql.getSQLState() != null
                    && (sql.getSQLState().startsWith("08") || sql.getSQLState().matches("57P0[123]"))) {
                return true;
            }
        }
        return false;
    }
}

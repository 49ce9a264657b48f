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
     * is the database away too, whether Spring reports the statement that failed on it or, in a transaction, the
     * rollback that failed after it (on the connection the pool closed as broken: the statement's failure is then
     * the rollback's application exception, a commit's failure only logged). Other failures of either kind (a
     * program limit, a refused commit) do not pass by waiting: the 500 of the unexpected.
     */
    @ExceptionHandler({DataAccessResourceFailureException.class, TransactionSystemException.class})
    ResponseEntity<ProblemDetail> failedMidway(Exception e) {
        if (e instanceof CannotGetJdbcConnectionException || connectionLost(e)) return noConnection(e);
        return ApiProblemHandler.unexpectedError(e);
    }

    @ExceptionHandler(CannotCreateTransactionException.class)
    ResponseEntity<ProblemDetail> noConnection(Exception e) {
        log.warn("No database connection for a request: {}", e.toString());
        return Problems.comeBackIn(RETRY_AFTER_SECONDS, HttpStatus.SERVICE_UNAVAILABLE, Problems.SERVICE_UNAVAILABLE,
                "The service cannot reach its database right now; try again in " + RETRY_AFTER_SECONDS + " s");
    }

    /** Its cause chain, and a failed rollback's application exception, shows a connection PostgreSQL dropped. */
    private static boolean connectionLost(Throwable failure) {
        if (failure == null) return false;
        if (failure instanceof SQLException sql && lost(sql)) return true;
        if (failure instanceof TransactionSystemException rollback && connectionLost(rollback.getApplicationException())) {
            return true;
        }
        return connectionLost(failure.getCause());
    }

    /**
     * PostgreSQL's connection failures (SQLSTATE class 08, or 57P01-03), or HikariCP's answer on a connection it
     * closed after such a failure, which carries no SQLSTATE: what the rollback after a failed commit meets.
     */
    private static boolean lost(SQLException failure) {
        String state = failure.getSQLState();
        if (state == null) return "Connection is closed".equals(failure.getMessage());
        return state.startsWith("08") || state.matches("57P0[123]");
    }
}

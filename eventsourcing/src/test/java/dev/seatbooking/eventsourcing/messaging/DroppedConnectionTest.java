package dev.seatbooking.eventsourcing.messaging;

import dev.seatbooking.eventsourcing.support.EventStoreDatabase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.JdbcTransactionManager;
import org.springframework.transaction.TransactionSystemException;
import org.springframework.transaction.support.TransactionTemplate;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.function.Consumer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchRuntimeException;

/**
 * What a record's transaction meets when PostgreSQL drops its connection, made by the services' own pool (HikariCP),
 * driver and transaction manager (Spring Boot's {@link JdbcTransactionManager}) rather than by hand: the database
 * away, retried until it is back, never the record's own failure to be dead-lettered.
 */
class DroppedConnectionTest {

    private static EventStoreDatabase db;
    private static TransactionTemplate transactions;
    private static JdbcTemplate jdbc;

    @BeforeAll
    static void start() {
        db = new EventStoreDatabase("dropped_connection", 6);
        db.jdbc.execute("CREATE TABLE handled (id int)");
        transactions = new TransactionTemplate(new JdbcTransactionManager(db.dataSource));
        jdbc = new JdbcTemplate(db.dataSource);
    }

    @AfterAll
    static void stop() {
        db.close();
    }

    @Test
    void a_commit_on_a_dropped_connection_is_the_database_unavailable() {
        RuntimeException failure = failureOf(tx -> {
            jdbc.update("INSERT INTO handled VALUES (1)");
            dropConnectionOf(jdbc);
        });

        // The commit failed, then the rollback on the connection the pool had closed: Spring throws the rollback's
        // failure, which has no SQLSTATE, and only logs the commit's.
        assertThat(failure).isInstanceOf(TransactionSystemException.class);
        assertThat(((TransactionSystemException) failure).getApplicationException()).isNull();
        assertThat(failure.getCause()).isInstanceOf(SQLException.class);
        assertThat(((SQLException) failure.getCause()).getSQLState()).isNull();
        assertThat(DeadLetterPolicy.databaseUnavailable(failure)).isTrue();
    }

    @Test
    void a_statement_on_a_dropped_connection_is_the_database_unavailable() {
        RuntimeException failure = failureOf(tx -> {
            dropConnectionOf(jdbc);
            jdbc.update("INSERT INTO handled VALUES (2)");
        });

        assertThat(failure).isInstanceOf(TransactionSystemException.class);
        assertThat(((TransactionSystemException) failure).getApplicationException()).isNotNull();
        assertThat(DeadLetterPolicy.databaseUnavailable(failure)).isTrue();
    }

    @Test
    void a_record_that_fails_for_itself_is_not_the_database_unavailable() {
        RuntimeException failure = failureOf(tx -> jdbc.update("INSERT INTO no_such_table VALUES (3)"));

        assertThat(DeadLetterPolicy.databaseUnavailable(failure)).isFalse();
    }

    private static RuntimeException failureOf(Consumer<Object> work) {
        RuntimeException failure = catchRuntimeException(() -> transactions.executeWithoutResult(work::accept));
        assertThat(failure).as("the transaction's failure").isNotNull();
        return failure;
    }

    /** PostgreSQL ends the backend serving the transaction's connection, as a restart would. */
    private static void dropConnectionOf(JdbcTemplate inTransaction) {
        Integer pid = inTransaction.queryForObject("SELECT pg_backend_pid()", Integer.class);
        try (Connection other = db.dataSource.getConnection();
             PreparedStatement terminate = other.prepareStatement("SELECT pg_terminate_backend(?, 10000)")) {
            terminate.setInt(1, pid);
            try (ResultSet terminated = terminate.executeQuery()) {
                assertThat(terminated.next() && terminated.getBoolean(1)).as("backend %s terminated", pid).isTrue();
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}

package dev.seatbooking.eventsourcing.messaging;

import org.apache.kafka.common.TopicPartition;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.TransientDataAccessResourceException;
import org.springframework.kafka.core.KafkaOperations;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.TransactionSystemException;
import org.springframework.util.backoff.ExponentialBackOff;
import org.springframework.util.backoff.FixedBackOff;

import java.sql.SQLException;
import java.time.Duration;

/**
 * How often a failing record is retried before it goes to its dead-letter topic {@code <topic>.DLT}, with
 * the reason in Spring's {@code kafka_dlt-*} headers. Records that cannot be decoded are not retried.
 * <p>
 * A database that cannot be reached (no connection, or one lost in the middle of the record's transaction) is no
 * fault of the record: such failures are retried every {@code maxInterval} until the database is back, holding up
 * the partition rather than dead-lettering good records.
 * <p>
 * Retries happen in the consumer thread, which blocks its partitions meanwhile: keep the total backoff well
 * below {@code max.poll.interval.ms}.
 *
 * @param maxRetries      attempts after the first one
 * @param initialInterval pause before the first retry
 * @param multiplier      growth of the pause from one retry to the next
 * @param maxInterval     the longest pause
 */
public record DeadLetterPolicy(int maxRetries, Duration initialInterval, double multiplier, Duration maxInterval) {

    public static final String DEAD_LETTER_SUFFIX = ".DLT";

    public DeadLetterPolicy {
        if (maxRetries < 0) throw new IllegalArgumentException("maxRetries must not be negative");
        if (multiplier < 1) throw new IllegalArgumentException("multiplier must be at least 1");
    }

    /** Four retries over about 7.5 s. */
    public static DeadLetterPolicy defaults() {
        return new DeadLetterPolicy(4, Duration.ofMillis(500), 2.0, Duration.ofSeconds(5));
    }

    public static String deadLetterTopic(String topic) {
        return topic + DEAD_LETTER_SUFFIX;
    }

    /**
     * The container's error handler, publishing dead letters with {@code deadLetters} (a template with a
     * String key and byte[] value serializer, e.g. over {@code KafkaProducers.producerFactory}).
     */
    public DefaultErrorHandler errorHandler(KafkaOperations<String, byte[]> deadLetters) {
        // No partition: Kafka picks it by key, so one aggregate's dead letters stay in order, and the
        // dead-letter topic need not have as many partitions as the original.
        DeadLetterPublishingRecoverer recoverer = new DeadLetterPublishingRecoverer(deadLetters,
                (record, failure) -> new TopicPartition(deadLetterTopic(record.topic()), -1));
        ExponentialBackOff backOff = new ExponentialBackOff(initialInterval.toMillis(), multiplier);
        backOff.setMaxInterval(maxInterval.toMillis());
        backOff.setMaxAttempts(maxRetries);
        DefaultErrorHandler handler = new DefaultErrorHandler(recoverer, backOff);
        handler.addNotRetryableExceptions(UndecodableMessageException.class);
        // Asked again whenever the failure's root cause changes: a record that fails for itself once the
        // database is back gets the bounded retries.
        handler.setBackOffFunction((record, failure) -> databaseUnavailable(failure)
                ? new FixedBackOff(maxInterval.toMillis(), FixedBackOff.UNLIMITED_ATTEMPTS)
                : null);
        return handler;
    }

    static boolean databaseUnavailable(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = causeOf(cause)) {
            if (cause instanceof DataAccessResourceFailureException
                    || cause instanceof TransientDataAccessResourceException
                    || cause instanceof CannotCreateTransactionException
                    || closedByThePool(cause)) {
                return true;
            }
        }
        return false;
    }

    /**
     * HikariCP's answer on a connection it closed after a fatal failure on it (PostgreSQL dropped it), which carries
     * no SQLSTATE: what a transaction's rollback meets after its commit failed that way. Spring then throws the
     * rollback's failure and only logs the commit's ("Commit exception overridden by rollback exception").
     */
    private static boolean closedByThePool(Throwable failure) {
        return failure instanceof SQLException sql && sql.getSQLState() == null
                && "Connection is closed".equals(sql.getMessage());
    }

    /**
     * A transaction whose work failed on a connection PostgreSQL dropped fails its rollback too ("Connection is
     * closed"), and Spring throws the rollback's failure: what the work met is its application exception.
     */
    private static Throwable causeOf(Throwable failure) {
        if (failure instanceof TransactionSystemException rollback && rollback.getApplicationException() != null) {
            return rollback.getApplicationException();
        }
        return failure.getCause();
    }
}

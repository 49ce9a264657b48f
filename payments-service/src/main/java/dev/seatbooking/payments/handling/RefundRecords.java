package dev.seatbooking.payments.handling;

import dev.seatbooking.contracts.Money;
import dev.seatbooking.contracts.payments.RefundReason;
import dev.seatbooking.payments.domain.RefundState;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Repository;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The {@code refunds} table. Written only in the transactions that append the refund's events, so it never
 * disagrees with its stream. Times are PostgreSQL's ({@code now()}), as for the library's scheduled messages.
 */
@Repository
public class RefundRecords {

    private static final String COLUMNS = """
            refund_id, payment_id, order_id, conference_id, amount, currency, reason, state, attempts,
            next_attempt_at, last_error, correlation_id, requested_at, updated_at""";

    private final JdbcTemplate jdbc;

    public RefundRecords(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** A new refund, due now. */
    public void requested(UUID refundId, UUID paymentId, UUID orderId, UUID conferenceId, Money amount,
                          RefundReason reason, UUID correlationId) {
        jdbc.update("""
                INSERT INTO refunds (refund_id, payment_id, order_id, conference_id, amount, currency, reason, state,
                                     next_attempt_at, correlation_id)
                VALUES (?, ?, ?, ?, ?, ?, ?, 'REQUESTED', now(), ?)""",
                refundId, paymentId, orderId, conferenceId, amount.amount(), amount.currency(), reason.name(),
                correlationId);
    }

    /**
     * Takes up to {@code limit} refunds that are due, for one attempt each: counts the attempt and moves their next
     * attempt {@code lease} on, so that no other worker takes them meanwhile and a worker that dies mid-attempt
     * only delays them. Rows another transaction holds are skipped.
     */
    public List<RefundRecord> takeDue(int limit, Duration lease) {
        return jdbc.query("""
                UPDATE refunds SET attempts = attempts + 1, next_attempt_at = now() + ?::float8 * interval '1 millisecond',
                                   updated_at = now()
                WHERE refund_id IN (SELECT refund_id FROM refunds
                                    WHERE state = 'REQUESTED' AND next_attempt_at <= now()
                                    ORDER BY next_attempt_at LIMIT ? FOR UPDATE SKIP LOCKED)
                RETURNING\s""" + COLUMNS, ROW, lease.toMillis(), limit);
    }

    /** The refund, its row locked until the transaction ends (the attempt's outcome is decided on it). */
    public Optional<RefundRecord> lock(UUID refundId) {
        return jdbc.query("SELECT " + COLUMNS + " FROM refunds WHERE refund_id = ? FOR UPDATE", ROW, refundId)
                .stream().findFirst();
    }

    public void completed(UUID refundId) {
        jdbc.update("""
                UPDATE refunds SET state = 'COMPLETED', next_attempt_at = NULL, updated_at = now()
                WHERE refund_id = ?""", refundId);
    }

    /** An attempt failed: tried again after {@code retryAfter}, or (null) failed for good. */
    public void failed(UUID refundId, String error, Duration retryAfter) {
        jdbc.update("""
                UPDATE refunds SET state = ?, last_error = ?,
                       next_attempt_at = CASE WHEN ? THEN now() + ?::float8 * interval '1 millisecond' END, updated_at = now()
                WHERE refund_id = ?""",
                (retryAfter == null ? RefundState.FAILED : RefundState.REQUESTED).name(), error, retryAfter != null,
                retryAfter == null ? 0 : retryAfter.toMillis(), refundId);
    }

    public Optional<RefundRecord> ofPayment(UUID paymentId) {
        return jdbc.query("SELECT " + COLUMNS + " FROM refunds WHERE payment_id = ?", ROW, paymentId)
                .stream().findFirst();
    }

    public List<RefundRecord> ofOrder(UUID orderId) {
        return jdbc.query("SELECT " + COLUMNS + " FROM refunds WHERE order_id = ? ORDER BY requested_at, refund_id",
                ROW, orderId);
    }

    /** A conference's refunds (all when null), newest first. */
    public List<RefundRecord> list(UUID conferenceId, int limit) {
        return conferenceId == null
                ? jdbc.query("SELECT " + COLUMNS + " FROM refunds ORDER BY requested_at DESC, refund_id LIMIT ?",
                        ROW, limit)
                : jdbc.query("SELECT " + COLUMNS + " FROM refunds WHERE conference_id = ?"
                        + " ORDER BY requested_at DESC, refund_id LIMIT ?", ROW, conferenceId, limit);
    }

    private static final RowMapper<RefundRecord> ROW = (rs, n) -> new RefundRecord(
            rs.getObject(1, UUID.class),
            rs.getObject(2, UUID.class),
            rs.getObject(3, UUID.class),
            rs.getObject(4, UUID.class),
            new Money(rs.getBigDecimal(5), rs.getString(6)),
            RefundReason.valueOf(rs.getString(7)),
            RefundState.valueOf(rs.getString(8)),
            rs.getInt(9),
            instant(rs.getTimestamp(10)),
            rs.getString(11),
            rs.getObject(12, UUID.class),
            instant(rs.getTimestamp(13)),
            instant(rs.getTimestamp(14)));

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}

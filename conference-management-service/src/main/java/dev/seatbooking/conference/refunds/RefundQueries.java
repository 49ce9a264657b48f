package dev.seatbooking.conference.refunds;

import dev.seatbooking.conference.orders.OrderQueries.Registrant;
import dev.seatbooking.contracts.Money;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import javax.sql.DataSource;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** The owners' list of refunds, read from what {@link RefundProjection} keeps. */
@Component
public class RefundQueries {

    public enum State { REQUESTED, COMPLETED, FAILED }

    /**
     * @param orderId     null until payments' RefundRequested was consumed, or when the payment had no order
     * @param registrant  the order's registrant as registration's events told this service; null when unknown
     * @param reason      RefundReason's name; null until RefundRequested was consumed
     * @param willRetry   for FAILED: whether payments tries again (false: it gave up)
     * @param attempts    attempts made: the failed ones, plus the one that succeeded
     * @param requestedAt null until RefundRequested was consumed
     */
    public record Refund(UUID refundId, UUID paymentId, UUID orderId, Registrant registrant, Money amount,
                         String reason, State state, boolean willRetry, int attempts, String lastError,
                         Instant requestedAt, Instant completedAt) {
    }

    private final JdbcTemplate jdbc;

    public RefundQueries(DataSource dataSource) {
        this.jdbc = new JdbcTemplate(dataSource);
    }

    /** The conference's refunds, newest first (one whose request was not consumed yet is the newest). */
    public List<Refund> refundsOf(UUID conferenceId) {
        return jdbc.query("""
                SELECT r.*, o.registrant_first_name, o.registrant_last_name, o.registrant_email
                FROM refunds r LEFT JOIN orders o ON o.order_id = r.order_id
                WHERE r.conference_id = ?
                ORDER BY r.requested_at DESC NULLS FIRST, r.refund_id""",
                (rs, i) -> refund(rs), conferenceId);
    }

    private static Refund refund(ResultSet rs) throws SQLException {
        State state = State.valueOf(rs.getString("state"));
        String email = rs.getString("registrant_email");
        return new Refund(rs.getObject("refund_id", UUID.class), rs.getObject("payment_id", UUID.class),
                rs.getObject("order_id", UUID.class),
                email == null ? null : new Registrant(rs.getString("registrant_first_name"),
                        rs.getString("registrant_last_name"), email),
                new Money(rs.getBigDecimal("amount").stripTrailingZeros(), rs.getString("currency")),
                rs.getString("reason"), state, rs.getBoolean("will_retry"),
                rs.getInt("failed_attempts") + (state == State.COMPLETED ? 1 : 0), rs.getString("last_error"),
                instant(rs.getTimestamp("requested_at")), instant(rs.getTimestamp("completed_at")));
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}

package dev.seatbooking.conference.refunds;

import dev.seatbooking.contracts.Envelope;
import dev.seatbooking.contracts.payments.RefundEvent;
import dev.seatbooking.contracts.payments.RefundEvent.RefundCompleted;
import dev.seatbooking.contracts.payments.RefundEvent.RefundFailed;
import dev.seatbooking.contracts.payments.RefundEvent.RefundRequested;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import javax.sql.DataSource;
import java.sql.Timestamp;

/**
 * Keeps the owners' list of refunds from payments' {@link RefundEvent}s. Runs inside the consumer's inbox
 * transaction, so a redelivered message has no second effect.
 * <p>
 * A refund's events share a key (the refund id) and so arrive in order; the projection does not count on it anyway
 * (an event consumed again from a replayed partition, or a future change of key, must not take a refund back):
 * every write creates the row it needs, the state follows only an event not older in the refund's stream than the
 * one it came from ({@code state_version}), and what only {@code RefundRequested} says (order, reason, time) is kept
 * whenever it arrives. The attempts are the highest failed attempt seen (plus the one that succeeded, when read), the
 * last error that attempt's.
 */
@Component
public class RefundProjection {

    private final JdbcTemplate jdbc;

    public RefundProjection(DataSource dataSource) {
        this.jdbc = new JdbcTemplate(dataSource);
    }

    public void handle(Envelope envelope, RefundEvent event) {
        ensureRefund(event);
        long version = envelope.aggregateVersion();
        Timestamp at = Timestamp.from(envelope.occurredAt());
        switch (event) {
            case RefundRequested e -> {
                jdbc.update("""
                        UPDATE refunds SET order_id = ?, reason = ?, requested_at = ? WHERE refund_id = ?""",
                        e.orderId(), e.reason().name(), at, e.refundId());
                newerState(e, version, "REQUESTED", false, null);
            }
            case RefundCompleted e -> newerState(e, version, "COMPLETED", false, at);
            case RefundFailed e -> {
                // The last error is the latest attempt's, whatever came after it: a completed refund still shows
                // why it took retries.
                jdbc.update("""
                        UPDATE refunds SET last_error = CASE WHEN ? >= failed_attempts THEN ? ELSE last_error END,
                                           failed_attempts = greatest(failed_attempts, ?)
                        WHERE refund_id = ?""", e.attempt(), e.error(), e.attempt(), e.refundId());
                newerState(e, version, "FAILED", e.willRetry(), null);
            }
        }
    }

    private void newerState(RefundEvent e, long version, String state, boolean willRetry, Timestamp completedAt) {
        jdbc.update("""
                UPDATE refunds SET state = ?, will_retry = ?, completed_at = coalesce(?, completed_at),
                                   state_version = ?
                WHERE refund_id = ? AND state_version <= ?""",
                state, willRetry, completedAt, version, e.refundId(), version);
    }

    private void ensureRefund(RefundEvent e) {
        jdbc.update("""
                INSERT INTO refunds (refund_id, conference_id, payment_id, amount, currency, state, state_version)
                VALUES (?, ?, ?, ?, ?, 'REQUESTED', 0)
                ON CONFLICT (refund_id) DO NOTHING""",
                e.refundId(), e.conferenceId(), e.paymentId(), e.amount().amount(), e.amount().currency());
    }
}

package dev.seatbooking.payments.handling;

import dev.seatbooking.contracts.Money;
import dev.seatbooking.contracts.payments.PaymentItem;
import dev.seatbooking.payments.domain.PaymentStatus;
import dev.seatbooking.contracts.payments.RefundReason;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The {@code payments} table. Written only in the transaction that appends the payment's events (or flags its
 * refund), so it never disagrees with the event stream.
 */
@Repository
public class PaymentRecords {

    private static final String COLUMNS = """
            payment_id, order_id, conference_id, description, amount, currency, items::text, status, version,
            refund_reason, correlation_id, initiated_at, updated_at""";

    private static final TypeReference<List<PaymentItem>> ITEMS = new TypeReference<>() {
    };

    private final JdbcTemplate jdbc;
    private final JsonMapper json = JsonMapper.builder().build();

    public PaymentRecords(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<PaymentRecord> find(UUID paymentId) {
        return jdbc.query("SELECT " + COLUMNS + " FROM payments WHERE payment_id = ?", row(), paymentId)
                .stream().findFirst();
    }

    /**
     * Payments, newest first.
     *
     * @param orderId       only this order's, or all when null
     * @param refundDueOnly only those whose money is due back
     */
    public List<PaymentRecord> list(UUID orderId, boolean refundDueOnly, int limit) {
        StringBuilder sql = new StringBuilder("SELECT " + COLUMNS + " FROM payments WHERE true");
        List<Object> args = new ArrayList<>();
        if (orderId != null) {
            sql.append(" AND order_id = ?");
            args.add(orderId);
        }
        if (refundDueOnly) sql.append(" AND refund_reason IS NOT NULL");
        sql.append(" ORDER BY initiated_at DESC, payment_id LIMIT ?");
        args.add(limit);
        return jdbc.query(sql.toString(), row(), args.toArray());
    }

    /** The order's completed payments not (yet) due for refund, the earliest completed first. */
    public List<UUID> completedNotRefunded(UUID orderId) {
        return jdbc.queryForList("""
                SELECT payment_id FROM payments
                WHERE order_id = ? AND status = 'COMPLETED' AND refund_reason IS NULL
                ORDER BY updated_at, payment_id""", UUID.class, orderId);
    }

    public void insert(PaymentRecord p) {
        jdbc.update("""
                INSERT INTO payments (payment_id, order_id, conference_id, description, amount, currency, items,
                                      status, version, correlation_id)
                VALUES (?, ?, ?, ?, ?, ?, ?::jsonb, ?, ?, ?)""",
                p.paymentId(), p.orderId(), p.conferenceId(), p.description(), p.amount().amount(),
                p.amount().currency(), json.writeValueAsString(p.items()), p.status().name(), p.version(),
                p.correlationId());
    }

    public void statusChanged(UUID paymentId, PaymentStatus status, int version) {
        jdbc.update("UPDATE payments SET status = ?, version = ?, updated_at = now() WHERE payment_id = ?",
                status.name(), version, paymentId);
    }

    /**
     * Marks the payment's money as due back, unless it already is (the first reason stays).
     *
     * @return whether it was marked now
     */
    public boolean refundDue(UUID paymentId, RefundReason reason) {
        return jdbc.update("""
                UPDATE payments SET refund_reason = ?, updated_at = now()
                WHERE payment_id = ? AND refund_reason IS NULL""", reason.name(), paymentId) > 0;
    }

    private RowMapper<PaymentRecord> row() {
        return (rs, n) -> new PaymentRecord(
                rs.getObject(1, UUID.class),
                rs.getObject(2, UUID.class),
                rs.getObject(3, UUID.class),
                rs.getString(4),
                new Money(rs.getBigDecimal(5), rs.getString(6)),
                json.readValue(rs.getString(7), ITEMS),
                PaymentStatus.valueOf(rs.getString(8)),
                rs.getInt(9),
                rs.getString(10) == null ? null : RefundReason.valueOf(rs.getString(10)),
                rs.getObject(11, UUID.class),
                instant(rs.getTimestamp(12)),
                instant(rs.getTimestamp(13)));
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp.toInstant();
    }
}

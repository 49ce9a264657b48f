package dev.seatbooking.readmodel.draftorder;

import dev.seatbooking.contracts.AccessCodeHash;
import dev.seatbooking.readmodel.projection.ReadTransactions;
import dev.seatbooking.readmodel.projection.Tables;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

public final class DraftOrderQueries {

    private static final String COLUMNS = """
            SELECT order_id, conference_id, state, reservation_expiration, registrant_first_name,
                   registrant_last_name, registrant_email, version FROM {g}.draft_orders""";

    private final ReadTransactions reads;

    public DraftOrderQueries(ReadTransactions reads) {
        this.reads = reads;
    }

    /** The order, whoever asks: callers check the access code first. */
    public Optional<DraftOrder> find(Tables tables, UUID orderId) {
        return reads.read(() -> tables.queryOne(COLUMNS + " WHERE order_id = ?",
                (row, n) -> draftOrder(tables, row), orderId));
    }

    /**
     * The order a registrant finds again with their email (any case) and the order's access code (record locator).
     * The codes of the email's orders are compared by their hashes, in constant time, and at least once even when
     * the email has no order.
     */
    public Optional<UUID> findByAccessCode(Tables tables, String email, String accessCode) {
        List<Candidate> candidates = reads.read(() -> tables.query("""
                SELECT d.order_id, a.code_hash FROM {g}.draft_orders d JOIN {g}.order_access a USING (order_id)
                WHERE lower(d.registrant_email) = lower(?) ORDER BY d.order_id""",
                (row, n) -> new Candidate(row.getObject(1, UUID.class), row.getBytes(2)), email));
        UUID found = null;
        for (Candidate candidate : candidates) {
            if (AccessCodeHash.matches(accessCode, candidate.codeHash()) && found == null) found = candidate.orderId();
        }
        if (candidates.isEmpty()) AccessCodeHash.matches(accessCode, null);
        return Optional.ofNullable(found);
    }

    private record Candidate(UUID orderId, byte[] codeHash) {
    }

    private static DraftOrder draftOrder(Tables tables, ResultSet row) throws SQLException {
        UUID orderId = row.getObject(1, UUID.class);
        String email = row.getString(7);
        Timestamp expiration = row.getTimestamp(4);
        return new DraftOrder(orderId, row.getObject(2, UUID.class), DraftOrderState.valueOf(row.getString(3)),
                lines(tables, orderId), expiration == null ? null : expiration.toInstant(),
                email == null ? null : new DraftOrder.Registrant(row.getString(5), row.getString(6), email),
                row.getLong(8));
    }

    private static List<DraftOrder.Line> lines(Tables tables, UUID orderId) {
        return tables.query("""
                SELECT seat_type_id, requested, reserved FROM {g}.draft_order_lines
                WHERE order_id = ? ORDER BY seat_type_id""",
                (row, n) -> new DraftOrder.Line(row.getObject(1, UUID.class), row.getInt(2), row.getInt(3)), orderId);
    }
}

package dev.seatbooking.readmodel.draftorder;

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
                   registrant_last_name, registrant_email, access_code, version FROM {g}.draft_orders""";

    private final ReadTransactions reads;

    public DraftOrderQueries(ReadTransactions reads) {
        this.reads = reads;
    }

    public Optional<DraftOrder> find(Tables tables, UUID orderId) {
        return reads.read(() -> tables.queryOne(COLUMNS + " WHERE order_id = ?",
                (row, n) -> draftOrder(tables, row), orderId));
    }

    /** The order a registrant finds again with their email and the order's access code (record locator). */
    public Optional<DraftOrder> findByAccessCode(Tables tables, String email, String accessCode) {
        return reads.read(() -> tables.queryOne(
                COLUMNS + " WHERE lower(registrant_email) = lower(?) AND access_code = ? ORDER BY order_id LIMIT 1",
                (row, n) -> draftOrder(tables, row), email, accessCode));
    }

    private static DraftOrder draftOrder(Tables tables, ResultSet row) throws SQLException {
        UUID orderId = row.getObject(1, UUID.class);
        String email = row.getString(7);
        Timestamp expiration = row.getTimestamp(4);
        return new DraftOrder(orderId, row.getObject(2, UUID.class), DraftOrderState.valueOf(row.getString(3)),
                lines(tables, orderId), expiration == null ? null : expiration.toInstant(),
                email == null ? null : new DraftOrder.Registrant(row.getString(5), row.getString(6), email),
                row.getString(8), row.getLong(9));
    }

    private static List<DraftOrder.Line> lines(Tables tables, UUID orderId) {
        return tables.query("""
                SELECT seat_type_id, requested, reserved FROM {g}.draft_order_lines
                WHERE order_id = ? ORDER BY seat_type_id""",
                (row, n) -> new DraftOrder.Line(row.getObject(1, UUID.class), row.getInt(2), row.getInt(3)), orderId);
    }
}

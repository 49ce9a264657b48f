package dev.seatbooking.readmodel.pricedorder;

import dev.seatbooking.readmodel.projection.ReadTransactions;
import dev.seatbooking.readmodel.projection.Tables;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

public final class PricedOrderQueries {

    private final ReadTransactions reads;

    public PricedOrderQueries(ReadTransactions reads) {
        this.reads = reads;
    }

    /** The order once it has been priced (its totals calculated); empty before. */
    public Optional<PricedOrder> find(Tables tables, UUID orderId) {
        return reads.read(() -> tables.queryOne("""
                SELECT order_id, conference_id, status, total, currency, is_free_of_charge, reservation_expiration,
                       version
                FROM {g}.priced_orders WHERE order_id = ? AND total IS NOT NULL""", (row, n) -> {
            Timestamp expiration = row.getTimestamp(7);
            List<PricedOrder.Line> lines = lines(tables, orderId);
            String currency = row.getString(5);
            return new PricedOrder(orderId, row.getObject(2, UUID.class), PricedOrder.Status.valueOf(row.getString(3)),
                    lines, subtotal(lines, currency), discounts(tables, orderId),
                    new PricedOrder.Amount(row.getBigDecimal(4), currency), row.getBoolean(6),
                    expiration == null ? null : expiration.toInstant(), codes(tables, orderId),
                    payments(tables, orderId), row.getLong(8));
        }, orderId));
    }

    private static List<PricedOrder.Line> lines(Tables tables, UUID orderId) {
        return tables.query("""
                SELECT seat_type_id, description, unit_price, quantity, line_total, currency
                FROM {g}.priced_order_lines WHERE order_id = ? ORDER BY line_number""",
                (row, n) -> new PricedOrder.Line(row.getObject(1, UUID.class), row.getString(2),
                        new PricedOrder.Amount(row.getBigDecimal(3), row.getString(6)), row.getInt(4),
                        new PricedOrder.Amount(row.getBigDecimal(5), row.getString(6))), orderId);
    }

    /** The lines' sum, computed rather than stored: one source for it, and nothing new to rebuild. */
    private static PricedOrder.Amount subtotal(List<PricedOrder.Line> lines, String currency) {
        BigDecimal sum = BigDecimal.ZERO;
        for (PricedOrder.Line line : lines) sum = sum.add(line.lineTotal().amount());
        return new PricedOrder.Amount(sum, currency);
    }

    private static List<PricedOrder.Discount> discounts(Tables tables, UUID orderId) {
        return tables.query("""
                SELECT code_id, code, seat_type_id, amount, currency FROM {g}.priced_order_discounts
                WHERE order_id = ? ORDER BY line_number""",
                (row, n) -> new PricedOrder.Discount(row.getObject(1, UUID.class), row.getString(2),
                        row.getObject(3, UUID.class), new PricedOrder.Amount(row.getBigDecimal(4), row.getString(5))),
                orderId);
    }

    private static List<PricedOrder.AppliedCode> codes(Tables tables, UUID orderId) {
        return tables.query("""
                SELECT code_id, code FROM {g}.priced_order_codes WHERE order_id = ? ORDER BY applied_version""",
                (row, n) -> new PricedOrder.AppliedCode(row.getObject(1, UUID.class), row.getString(2)), orderId);
    }

    private static List<PricedOrder.Payment> payments(Tables tables, UUID orderId) {
        return tables.query("""
                SELECT payment_id, status, amount, currency FROM {g}.payments WHERE order_id = ?
                ORDER BY first_seen, payment_id""",
                (row, n) -> new PricedOrder.Payment(row.getObject(1, UUID.class),
                        PricedOrder.PaymentStatus.valueOf(row.getString(2)),
                        new PricedOrder.Amount(row.getBigDecimal(3), row.getString(4))), orderId);
    }
}

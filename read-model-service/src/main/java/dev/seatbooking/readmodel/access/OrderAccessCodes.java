package dev.seatbooking.readmodel.access;

import dev.seatbooking.contracts.AccessCodeHash;
import dev.seatbooking.contracts.registration.OrderEvent.OrderPlaced;
import dev.seatbooking.readmodel.projection.Tables;

import java.util.UUID;

/**
 * The table every order projection keeps beside its views, {@code order_access}: the hash of each order's access
 * code, from its OrderPlaced event (never the code). It lives in the projection's own generation, so the check and
 * the view it guards are read from the same state, and a rebuild from the events computes the hashes again.
 */
public final class OrderAccessCodes {

    public static final String DDL = """
            CREATE TABLE {g}.order_access (
                order_id  uuid  PRIMARY KEY,
                code_hash bytea NOT NULL)""";

    private static final String PLACED = """
            INSERT INTO {g}.order_access (order_id, code_hash) VALUES (?, ?)
            ON CONFLICT (order_id) DO UPDATE SET code_hash = EXCLUDED.code_hash""";

    private OrderAccessCodes() {
    }

    public static void placed(Tables tables, OrderPlaced placed) {
        tables.update(PLACED, placed.orderId(), AccessCodeHash.of(placed.accessCode()));
    }

    /** The stored hash of the order's code, or null if this projection knows no such order. */
    public static byte[] hashOf(Tables tables, UUID orderId) {
        return tables.queryOne("SELECT code_hash FROM {g}.order_access WHERE order_id = ?",
                (row, n) -> row.getBytes(1), orderId).orElse(null);
    }
}

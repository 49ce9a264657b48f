package dev.seatbooking.payments.orders;

import dev.seatbooking.contracts.AccessCodeHash;
import dev.seatbooking.contracts.Money;
import dev.seatbooking.payments.domain.OrderStatus;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Repository;

import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * The {@code order_totals} table. Each change applies an event of the order's stream at {@code version} and only if
 * the row has not applied that version or a later one, so a repeated or late event cannot undo a newer one.
 */
@Repository
public class KnownOrders {

    /** How a payment decision locks the order it reads: starting shares it, completing takes it. */
    public enum Lock {
        NONE(""), SHARE(" FOR SHARE"), UPDATE(" FOR UPDATE");

        private final String clause;

        Lock(String clause) {
            this.clause = clause;
        }
    }

    // The conference and the access code never change, so OrderPlaced may fill them in whenever it comes.
    private static final String PLACED = """
            INSERT INTO order_totals (order_id, conference_id, access_code_sha256, version) VALUES (?, ?, ?, ?)
            ON CONFLICT (order_id) DO UPDATE
               SET conference_id = excluded.conference_id, access_code_sha256 = excluded.access_code_sha256,
                   version = greatest(order_totals.version, excluded.version), updated_at = now()""";

    private static final String TOTALS = """
            INSERT INTO order_totals (order_id, total_amount, total_currency, free_of_charge, version)
            VALUES (?, ?, ?, ?, ?)
            ON CONFLICT (order_id) DO UPDATE
               SET total_amount = excluded.total_amount, total_currency = excluded.total_currency,
                   free_of_charge = excluded.free_of_charge, version = excluded.version, updated_at = now()
             WHERE order_totals.version < excluded.version""";

    private static final String STATUS = """
            INSERT INTO order_totals (order_id, status, version) VALUES (?, ?, ?)
            ON CONFLICT (order_id) DO UPDATE
               SET status = excluded.status, version = excluded.version, updated_at = now()
             WHERE order_totals.version < excluded.version""";

    private static final String CONFIRMED = """
            INSERT INTO order_totals (order_id, status, confirmed_by, version) VALUES (?, 'CONFIRMED', ?, ?)
            ON CONFLICT (order_id) DO UPDATE
               SET status = excluded.status, confirmed_by = excluded.confirmed_by, version = excluded.version,
                   updated_at = now()
             WHERE order_totals.version < excluded.version""";

    private static final String FIND = """
            SELECT order_id, conference_id, total_amount, total_currency, free_of_charge, status, confirmed_by, version
            FROM order_totals WHERE order_id = ?""";

    private final JdbcTemplate jdbc;

    public KnownOrders(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** @param accessCodeSha256 the order's access code, hashed ({@link AccessCodes#sha256}): never the code itself */
    public void placed(UUID orderId, UUID conferenceId, byte[] accessCodeSha256, long version) {
        jdbc.update(PLACED, orderId, conferenceId, accessCodeSha256, version);
    }

    /** @return whether the row changed (false for an event older than what the row has) */
    public boolean totalsCalculated(UUID orderId, Money total, boolean freeOfCharge, long version) {
        return jdbc.update(TOTALS, orderId, total.amount(), total.currency(), freeOfCharge, version) > 0;
    }

    /** @return whether the row changed (false for an event older than what the row has) */
    public boolean statusChanged(UUID orderId, OrderStatus status, long version) {
        return jdbc.update(STATUS, orderId, status.name(), version) > 0;
    }

    /**
     * The order was confirmed with {@code paymentId} (null: free, or an event from before the payment was named).
     *
     * @return whether the row changed (false for an event older than what the row has)
     */
    public boolean confirmed(UUID orderId, UUID paymentId, long version) {
        return jdbc.update(CONFIRMED, orderId, paymentId, version) > 0;
    }

    /**
     * Whether the access code opens the order: false for an unknown order, an order whose {@code OrderPlaced} has
     * not arrived, a missing and a wrong code alike, so that the answer does not tell which order ids exist.
     */
    public boolean accessGranted(UUID orderId, String accessCode) {
        byte[] expected = jdbc.query("SELECT access_code_sha256 FROM order_totals WHERE order_id = ?",
                (rs, n) -> rs.getBytes(1), orderId).stream().filter(Objects::nonNull).findFirst().orElse(null);
        return AccessCodeHash.matches(accessCode, expected);
    }

    public Optional<OrderTotals> find(UUID orderId, Lock lock) {
        return jdbc.query(FIND + lock.clause, ROW, orderId).stream().findFirst();
    }

    private static final RowMapper<OrderTotals> ROW = (rs, n) -> new OrderTotals(
            rs.getObject(1, UUID.class),
            rs.getObject(2, UUID.class),
            rs.getBigDecimal(3) == null ? null : new Money(rs.getBigDecimal(3), rs.getString(4)),
            rs.getBoolean(5),
            OrderStatus.valueOf(rs.getString(6)),
            rs.getObject(7, UUID.class),
            rs.getLong(8));
}

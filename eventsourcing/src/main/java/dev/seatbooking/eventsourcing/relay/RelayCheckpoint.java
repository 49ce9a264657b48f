package dev.seatbooking.eventsourcing.relay;

import dev.seatbooking.eventsourcing.store.Position;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/** The relay's row in {@code subscription_checkpoints}: the position of the last event Kafka acknowledged. */
final class RelayCheckpoint {

    private static final String LOAD = """
            SELECT transaction_id::text::bigint, global_position
            FROM subscription_checkpoints WHERE subscription = ?""";

    private static final String SAVE = """
            INSERT INTO subscription_checkpoints (subscription, transaction_id, global_position)
            VALUES (?, ?::text::xid8, ?)
            ON CONFLICT (subscription) DO UPDATE
            SET transaction_id = excluded.transaction_id, global_position = excluded.global_position,
                updated_at = now()""";

    private final String subscription;

    RelayCheckpoint(String subscription) {
        this.subscription = subscription;
    }

    Position load(Connection connection) throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement(LOAD)) {
            ps.setString(1, subscription);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? new Position(rs.getLong(1), rs.getLong(2)) : Position.START;
            }
        }
    }

    void save(Connection connection, Position position) throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement(SAVE)) {
            ps.setString(1, subscription);
            ps.setLong(2, position.transactionId());
            ps.setLong(3, position.globalPosition());
            ps.executeUpdate();
        }
    }
}

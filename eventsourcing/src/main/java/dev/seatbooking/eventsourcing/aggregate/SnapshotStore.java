package dev.seatbooking.eventsourcing.aggregate;

import org.springframework.jdbc.core.JdbcTemplate;

import javax.sql.DataSource;
import java.util.Optional;
import java.util.UUID;

/** The latest snapshot per stream, in the {@code snapshots} table. */
public final class SnapshotStore {

    public record StoredSnapshot(int version, int schemaVersion, String json) {
    }

    // A late writer never replaces a newer snapshot.
    private static final String SAVE = """
            INSERT INTO snapshots (stream_id, stream_type, version, schema_version, payload)
            VALUES (?, ?, ?, ?, ?::json)
            ON CONFLICT (stream_id) DO UPDATE
               SET version = excluded.version, schema_version = excluded.schema_version,
                   payload = excluded.payload, taken_at = now()
             WHERE snapshots.version < excluded.version""";

    private final JdbcTemplate jdbc;

    public SnapshotStore(DataSource dataSource) {
        this.jdbc = new JdbcTemplate(dataSource);
    }

    public void save(UUID streamId, String streamType, int version, int schemaVersion, String json) {
        jdbc.update(SAVE, streamId, streamType, version, schemaVersion, json);
    }

    public Optional<StoredSnapshot> load(UUID streamId) {
        return jdbc.query("SELECT version, schema_version, payload FROM snapshots WHERE stream_id = ?",
                (rs, row) -> new StoredSnapshot(rs.getInt(1), rs.getInt(2), rs.getString(3)), streamId)
                .stream().findFirst();
    }

    public void delete(UUID streamId) {
        jdbc.update("DELETE FROM snapshots WHERE stream_id = ?", streamId);
    }
}

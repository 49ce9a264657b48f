package dev.seatbooking.readmodel.projection;

import org.apache.kafka.common.TopicPartition;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code projection_generations}: which generations of each projection exist and which one serves queries
 * (at most one serving and one building per projection, enforced by the table).
 */
public final class GenerationRepository {

    public enum Status {
        BUILDING, SERVING, RETIRED, DROPPED;

        String column() {
            return name().toLowerCase();
        }

        static Status of(String column) {
            return valueOf(column.toUpperCase());
        }
    }

    public record Row(Generation generation, Status status, Instant createdAt, Instant servingSince, Instant retiredAt) {
    }

    /** Where a rebuild starts and the live end it must reach before it may take over. */
    public record Target(long beginning, long end) {
    }

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transactions;

    public GenerationRepository(JdbcTemplate jdbc, PlatformTransactionManager transactionManager) {
        this.jdbc = jdbc;
        this.transactions = new TransactionTemplate(transactionManager);
    }

    public List<Row> all(String projection) {
        return jdbc.query("""
                SELECT projection, generation, schema_version, status, created_at, serving_since, retired_at
                FROM projection_generations WHERE projection = ? ORDER BY generation""", (row, n) -> new Row(
                new Generation(row.getString(1), row.getInt(2), row.getInt(3)), Status.of(row.getString(4)),
                instant(row.getTimestamp(5)), instant(row.getTimestamp(6)), instant(row.getTimestamp(7))), projection);
    }

    /**
     * Creates the next generation's schema and tables and registers it with {@code status}, in one transaction.
     */
    public Generation create(Projection projection, Status status, Map<TopicPartition, Target> targets) {
        return transactions.execute(tx -> {
            jdbc.queryForObject("SELECT pg_advisory_xact_lock(hashtextextended(?, 0))", Object.class,
                    "projection_generations:" + projection.name());
            Integer last = jdbc.queryForObject(
                    "SELECT max(generation) FROM projection_generations WHERE projection = ?", Integer.class,
                    projection.name());
            Generation generation = new Generation(projection.name(), last == null ? 1 : last + 1,
                    projection.schemaVersion());
            jdbc.update("""
                    INSERT INTO projection_generations (projection, generation, schema_version, status, serving_since)
                    VALUES (?, ?, ?, ?, CASE WHEN ? = 'serving' THEN now() END)""",
                    generation.projection(), generation.number(), generation.schemaVersion(), status.column(),
                    status.column());
            List<Object[]> rows = new ArrayList<>();
            targets.forEach((tp, t) -> rows.add(new Object[]{generation.projection(), generation.number(), tp.topic(),
                    tp.partition(), t.beginning(), t.end()}));
            if (!rows.isEmpty()) jdbc.batchUpdate("""
                    INSERT INTO projection_rebuild_targets (projection, generation, topic, partition, beginning_offset, end_offset)
                    VALUES (?, ?, ?, ?, ?, ?)""", rows);
            GenerationSchema.create(new Tables(generation, jdbc), projection);
            return generation;
        });
    }

    public Map<TopicPartition, Target> targets(Generation generation) {
        Map<TopicPartition, Target> targets = new LinkedHashMap<>();
        jdbc.query("""
                SELECT topic, partition, beginning_offset, end_offset FROM projection_rebuild_targets
                WHERE projection = ? AND generation = ? ORDER BY topic, partition""",
                (row, n) -> targets.put(new TopicPartition(row.getString(1), row.getInt(2)),
                        new Target(row.getLong(3), row.getLong(4))),
                generation.projection(), generation.number());
        return targets;
    }

    /** The building generation serves from now on; the one that served is retired. One transaction. */
    public void switchServing(Generation to) {
        transactions.executeWithoutResult(tx -> {
            jdbc.update("""
                    UPDATE projection_generations SET status = 'retired', retired_at = now()
                    WHERE projection = ? AND status = 'serving'""", to.projection());
            int switched = jdbc.update("""
                    UPDATE projection_generations SET status = 'serving', serving_since = now()
                    WHERE projection = ? AND generation = ? AND status = 'building'""", to.projection(), to.number());
            if (switched != 1) throw new IllegalStateException(to + " is not building, cannot switch to it");
        });
    }

    /** A building generation abandoned (e.g. built for another schema version). */
    public void retire(Generation generation) {
        jdbc.update("""
                UPDATE projection_generations SET status = 'retired', retired_at = now()
                WHERE projection = ? AND generation = ? AND status IN ('building', 'serving')""",
                generation.projection(), generation.number());
    }

    /** Drops a retired generation's schema and records it. */
    public void drop(Generation generation) {
        transactions.executeWithoutResult(tx -> {
            GenerationSchema.drop(new Tables(generation, jdbc));
            jdbc.update("""
                    UPDATE projection_generations SET status = 'dropped'
                    WHERE projection = ? AND generation = ? AND status = 'retired'""",
                    generation.projection(), generation.number());
        });
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}

package dev.seatbooking.readmodel.projection;

import org.apache.kafka.common.TopicPartition;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * {@code projection_generations}: which generations of each projection exist and which one serves queries (at most
 * one serving per projection and schema version, and one building per projection, enforced by the table). Shared by
 * every instance of the service on the database: the changes that concern several of them (a switch, a retirement)
 * are single transactions that check what they change.
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

    public record Row(Generation generation, Status status, Instant createdAt, Instant servingSince, Instant retiredAt,
                      String consumerGroup) {
    }

    /** Where a rebuild starts and the live end it must reach before it may take over. */
    public record Target(long beginning, long end) {
    }

    private static final Duration CATCH_UP_RECHECK = Duration.ofMillis(20);

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transactions;

    public GenerationRepository(JdbcTemplate jdbc, PlatformTransactionManager transactionManager) {
        this.jdbc = jdbc;
        this.transactions = new TransactionTemplate(transactionManager);
    }

    public List<Row> all(String projection) {
        return jdbc.query("""
                SELECT projection, generation, schema_version, status, created_at, serving_since, retired_at, consumer_group
                FROM projection_generations WHERE projection = ? ORDER BY generation""", (row, n) -> new Row(
                new Generation(row.getString(1), row.getInt(2), row.getInt(3)), Status.of(row.getString(4)),
                instant(row.getTimestamp(5)), instant(row.getTimestamp(6)), instant(row.getTimestamp(7)),
                row.getString(8)), projection);
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
                    INSERT INTO projection_generations (projection, generation, schema_version, status, serving_since,
                                                        consumer_group)
                    VALUES (?, ?, ?, ?, CASE WHEN ? = 'serving' THEN now() END, ?)""",
                    generation.projection(), generation.number(), generation.schemaVersion(), status.column(),
                    status.column(), "readmodel." + generation.projection() + ".g" + generation.number() + "."
                            + UUID.randomUUID().toString().substring(0, 8));
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

    /**
     * The advisory lock an instance holds (shared) while it runs {@code schemaVersion} of {@code projection}: while
     * anyone holds it, that version's generations are not retired by an instance of another version.
     */
    public static String presenceKey(String projection, int schemaVersion) {
        return "readmodel.instances:" + projection + ":v" + schemaVersion;
    }

    /**
     * In a batch's transaction, first: the generation's status, read once the batch holds the generation's fence
     * (shared, until it commits). Whatever changes the status holds the fence exclusively ({@link #closeFence}), so a
     * switch waits for the batches in flight, and the batches after it read what it committed (the status is read by
     * a statement of its own, after the wait: under read committed, its snapshot is taken then). The fence is a
     * transaction-level advisory lock, not a share lock on the generation's row, which would be a write (a WAL
     * record, a dirtied page, a multixact when batches of two instances overlap) in every batch.
     */
    public Optional<Status> statusForBatch(Generation generation) {
        jdbc.queryForObject(ENTER_FENCE, Object.class, fenceKey(generation));
        return jdbc.query("SELECT status FROM projection_generations WHERE projection = ? AND generation = ?",
                (row, n) -> Status.of(row.getString(1)), generation.projection(), generation.number())
                .stream().findFirst();
    }

    /** What a batch runs first, with {@link #fenceKey}: the fence held shared until its transaction ends. */
    public static final String ENTER_FENCE = "SELECT pg_advisory_xact_lock_shared(hashtextextended(?, 0))";

    /** The advisory lock a generation's batches hold shared and a change of its status holds exclusively. */
    public static String fenceKey(Generation generation) {
        return "projection_generations.fence:" + generation.projection() + ":g" + generation.number();
    }

    /**
     * In the caller's transaction, before it changes the generation's status: waits for its batches in flight, and
     * holds the next ones until the change commits.
     */
    private void closeFence(Generation generation) {
        jdbc.queryForObject("SELECT pg_advisory_xact_lock(hashtextextended(?, 0))", Object.class, fenceKey(generation));
    }

    /**
     * The building generation {@code to} serves from now on, once it has caught up: in one transaction, the generation
     * of its schema version serving now (if any) is locked and its fence closed, which freezes it in every instance
     * (their batches wait for the fence); {@code to} must then reach its stored offsets on every partition within
     * {@code catchUp} (its runners go on meanwhile), or nothing changes. The old one is retired, {@code to} serves, serving generations of
     * older schema versions no instance runs any more are retired, and every instance is told. Readers never see
     * the model go back in time: {@code to} is at least where the one it replaces stopped.
     *
     * @return whether it switched (false: not caught up in time, or another instance switched or abandoned it)
     */
    public boolean switchServing(Generation to, Duration catchUp) {
        return Boolean.TRUE.equals(transactions.execute(tx -> {
            Optional<Generation> old = jdbc.query("""
                    SELECT generation FROM projection_generations
                    WHERE projection = ? AND schema_version = ? AND status = 'serving' FOR UPDATE""",
                    (row, n) -> new Generation(to.projection(), row.getInt(1), to.schemaVersion()),
                    to.projection(), to.schemaVersion()).stream().findFirst();
            old.ifPresent(this::closeFence);
            if (old.isPresent() && !caughtUp(to, old.get(), catchUp)) {
                tx.setRollbackOnly();
                return false;
            }
            old.ifPresent(this::retire);
            // Its batches in flight finish as a building generation's (they tell no other instance what they applied).
            closeFence(to);
            int switched = jdbc.update("""
                    UPDATE projection_generations SET status = 'serving', serving_since = now()
                    WHERE projection = ? AND generation = ? AND status = 'building'""", to.projection(), to.number());
            if (switched != 1) {
                tx.setRollbackOnly();
                return false;
            }
            for (Row row : all(to.projection())) {
                if (row.status() == Status.SERVING && row.generation().schemaVersion() < to.schemaVersion()) {
                    retireIfNobodyRuns(row.generation());
                }
            }
            jdbc.queryForList("SELECT pg_notify(?, ?)", InstanceSignals.GENERATIONS, to.projection());
            return true;
        }));
    }

    /** Whether {@code to} has, within {@code wait}, reached {@code old}'s stored offsets on every partition. */
    private boolean caughtUp(Generation to, Generation old, Duration wait) {
        Map<TopicPartition, Long> frozen = GenerationSchema.offsets(new Tables(old, jdbc));
        Tables building = new Tables(to, jdbc);
        long deadline = System.nanoTime() + wait.toNanos();
        while (true) {
            Map<TopicPartition, Long> at = GenerationSchema.offsets(building);
            if (frozen.entrySet().stream().allMatch(e -> at.getOrDefault(e.getKey(), 0L) >= e.getValue())) return true;
            if (System.nanoTime() > deadline) return false;
            try {
                // A bounded re-check while the old generation is frozen: the building one's runners (here or in
                // other instances) commit on their own; their last batches are at most a poll away.
                Thread.sleep(CATCH_UP_RECHECK.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
    }

    /**
     * Retires a generation unless an instance of its schema version still runs (holds its presence lock). In the
     * caller's transaction, if any.
     *
     * @return whether it was retired
     */
    public boolean retireIfNobodyRuns(Generation generation) {
        return Boolean.TRUE.equals(transactions.execute(tx -> {
            Boolean free = jdbc.queryForObject("SELECT pg_try_advisory_xact_lock(hashtextextended(?, 0))",
                    Boolean.class, presenceKey(generation.projection(), generation.schemaVersion()));
            if (!Boolean.TRUE.equals(free)) return false;
            return retire(generation) == 1;
        }));
    }

    /** A generation replaced, or a building one abandoned (in the caller's transaction, if any). */
    public int retire(Generation generation) {
        return transactions.execute(tx -> {
            closeFence(generation);
            return jdbc.update("""
                    UPDATE projection_generations SET status = 'retired', retired_at = now()
                    WHERE projection = ? AND generation = ? AND status IN ('building', 'serving')""",
                    generation.projection(), generation.number());
        });
    }

    /** Drops a retired generation's schema and records it (once, whichever instance gets there first). */
    public void drop(Generation generation) {
        transactions.executeWithoutResult(tx -> {
            closeFence(generation);
            List<String> status = jdbc.queryForList("""
                    SELECT status FROM projection_generations WHERE projection = ? AND generation = ? FOR UPDATE""",
                    String.class, generation.projection(), generation.number());
            if (!status.equals(List.of("retired"))) return;
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

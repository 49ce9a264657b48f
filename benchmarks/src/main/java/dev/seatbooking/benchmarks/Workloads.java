package dev.seatbooking.benchmarks;

import dev.seatbooking.benchmarks.BenchModel.SeatAvailability;
import dev.seatbooking.benchmarks.BenchModel.SeatEvent;
import dev.seatbooking.eventsourcing.aggregate.AggregateRepository;
import dev.seatbooking.eventsourcing.aggregate.Versioned;
import dev.seatbooking.eventsourcing.store.AppendResult;
import dev.seatbooking.eventsourcing.store.EventMetadata;
import dev.seatbooking.eventsourcing.store.Position;
import dev.seatbooking.eventsourcing.store.PostgresEventStore;
import dev.seatbooking.eventsourcing.store.StoredEvent;

import javax.sql.DataSource;
import java.lang.reflect.Field;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What the benchmark runs: our store's calls, and the raw JDBC a developer would write for the same rows.
 * Raw code does what JdbcTemplate does per call (borrow a pooled connection, prepare, execute, close), binds
 * the same values with the same JDBC types, and gets the payload JSON already encoded: encoding it is part of what
 * our store does per append, so it is counted against us.
 */
final class Workloads {

    static final String COLUMNS = "stream_id, stream_type, version, event_type, schema_version, message_id, payload,"
            + " correlation_id, causation_id, requested_by";
    static final String VALUES = "(?, ?, ?, ?, ?, ?, ?::json, ?::uuid, ?::uuid, ?::text)";

    private Workloads() {
    }

    // ---------------------------------------------------------------- our SQL, read from the store itself

    /**
     * One of PostgresEventStore's SQL statements, read from its private constant so that the "raw + our SQL"
     * variants run exactly what the store runs (and notice when the store changes).
     */
    static String ourSql(String constant) {
        try {
            Field field = PostgresEventStore.class.getDeclaredField(constant);
            field.setAccessible(true);
            return (String) field.get(null);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("PostgresEventStore." + constant + " is gone: update the benchmark", e);
        }
    }

    /** Our SQL aimed at another table of the same shape. */
    static String onTable(String sql, String table) {
        Matcher m = Pattern.compile("\\bevents\\b").matcher(sql);
        if (!m.find()) throw new IllegalStateException("No events table in: " + sql);
        return m.replaceAll(table);
    }

    // ---------------------------------------------------------------- writers

    /** A writer owns its streams and appends to them round-robin, tracking each one's version. */
    abstract static class StreamsWriter implements Measure.Step {
        final UUID[] streams;
        final int[] versions;
        private int next;

        StreamsWriter(int streamCount) {
            streams = new UUID[streamCount];
            versions = new int[streamCount];
            for (int i = 0; i < streamCount; i++) streams[i] = UUID.randomUUID();
        }

        int pick() {
            int i = next;
            next = (next + 1) % streams.length;
            return i;
        }
    }

    /** Our store: {@code PostgresEventStore.append}, no surrounding transaction (the append is one statement). */
    static final class OursWriter extends StreamsWriter {
        private final PostgresEventStore store;
        private final List<SeatEvent> events;
        private final EventMetadata metadata;

        OursWriter(int streams, PostgresEventStore store, List<SeatEvent> events, EventMetadata metadata) {
            super(streams);
            this.store = store;
            this.events = events;
            this.metadata = metadata;
        }

        @Override
        public int step() {
            int i = pick();
            AppendResult result = store.append(streams[i], BenchModel.STREAM_TYPE, versions[i], events, metadata);
            versions[i] = result.version();
            return events.size();
        }
    }

    /**
     * What every raw writer binds: the same values our store binds, the payload's JSON already encoded. The metadata's
     * JSON is what Axon's table stores (our table keeps the metadata in three columns, V7).
     */
    record Row(String eventType, int schemaVersion, String payloadJson, EventMetadata metadata, String metadataJson) {
    }

    /** Binds the metadata's three columns from {@code index} on, as our store does. */
    static void bindMetadata(PreparedStatement ps, int index, Row row) throws SQLException {
        ps.setObject(index, row.metadata().correlationId(), Types.OTHER);
        ps.setObject(index + 1, row.metadata().causationId(), Types.OTHER);
        ps.setString(index + 2, row.metadata().user());
    }

    /** Raw single-row INSERT ... VALUES, autocommit: the reference for single-event appends. */
    static final class RawInsertWriter extends StreamsWriter {
        private final DataSource pool;
        private final String sql;
        private final Row row;

        RawInsertWriter(int streams, DataSource pool, String table, Row row) {
            super(streams);
            this.pool = pool;
            this.sql = "INSERT INTO " + table + " (" + COLUMNS + ") VALUES " + VALUES;
            this.row = row;
        }

        @Override
        public int step() throws SQLException {
            int i = pick();
            try (Connection c = pool.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
                ps.setObject(1, streams[i]);
                ps.setString(2, BenchModel.STREAM_TYPE);
                ps.setObject(3, versions[i] + 1);
                ps.setString(4, row.eventType());
                ps.setObject(5, row.schemaVersion());
                ps.setObject(6, UUID.randomUUID());
                ps.setString(7, row.payloadJson());
                bindMetadata(ps, 8, row);
                if (ps.executeUpdate() != 1) throw new IllegalStateException("raw insert wrote no row");
            }
            versions[i]++;
            return 1;
        }
    }

    /** Plain JDBC running our store's single-event SQL (version check included) on its own table. */
    static final class RawCheckedWriter extends StreamsWriter {
        private final DataSource pool;
        private final String sql;
        private final Row row;

        RawCheckedWriter(int streams, DataSource pool, String table, Row row) {
            super(streams);
            this.pool = pool;
            this.sql = onTable(ourSql("APPEND_ONE"), table);
            this.row = row;
        }

        @Override
        public int step() throws SQLException {
            int i = pick();
            try (Connection c = pool.getConnection()) {
                bindAndRun(c, sql, streams[i], versions[i], row);
            }
            versions[i]++;
            return 1;
        }

        /** Binds our APPEND_ONE the way {@code PostgresEventStore} does. */
        static void bindAndRun(Connection c, String sql, UUID stream, int expected, Row row) throws SQLException {
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                ps.setObject(1, stream);
                ps.setString(2, BenchModel.STREAM_TYPE);
                ps.setObject(3, expected + 1);
                ps.setString(4, row.eventType());
                ps.setObject(5, row.schemaVersion());
                ps.setObject(6, UUID.randomUUID());
                ps.setString(7, row.payloadJson());
                bindMetadata(ps, 8, row);
                ps.setInt(11, expected);
                ps.setObject(12, stream);
                ps.setInt(13, expected);
                if (ps.executeUpdate() != 1) throw new IllegalStateException("version conflict in a raw writer");
            }
        }
    }

    /** Raw batch: one INSERT with n rows of VALUES, autocommit (what pgjdbc's reWriteBatchedInserts produces). */
    static final class RawValuesWriter extends StreamsWriter {
        private final DataSource pool;
        private final String sql;
        private final Row row;
        private final int n;

        RawValuesWriter(int streams, DataSource pool, String table, Row row, int n) {
            super(streams);
            this.pool = pool;
            this.row = row;
            this.n = n;
            StringBuilder sb = new StringBuilder("INSERT INTO " + table + " (" + COLUMNS + ") VALUES ");
            for (int r = 0; r < n; r++) sb.append(r == 0 ? "" : ", ").append(VALUES);
            this.sql = sb.toString();
        }

        @Override
        public int step() throws SQLException {
            int i = pick();
            try (Connection c = pool.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
                int p = 1;
                for (int r = 0; r < n; r++) {
                    ps.setObject(p++, streams[i]);
                    ps.setString(p++, BenchModel.STREAM_TYPE);
                    ps.setObject(p++, versions[i] + 1 + r);
                    ps.setString(p++, row.eventType());
                    ps.setObject(p++, row.schemaVersion());
                    ps.setObject(p++, UUID.randomUUID());
                    ps.setString(p++, row.payloadJson());
                    bindMetadata(ps, p, row);
                    p += 3;
                }
                if (ps.executeUpdate() != n) throw new IllegalStateException("raw VALUES insert wrote too few rows");
            }
            versions[i] += n;
            return n;
        }
    }

    /** Raw batch: addBatch per row, executeBatch, in one explicit transaction. */
    static final class RawJdbcBatchWriter extends StreamsWriter {
        private final DataSource pool;
        private final String sql;
        private final Row row;
        private final int n;

        RawJdbcBatchWriter(int streams, DataSource pool, String table, Row row, int n) {
            super(streams);
            this.pool = pool;
            this.sql = "INSERT INTO " + table + " (" + COLUMNS + ") VALUES " + VALUES;
            this.row = row;
            this.n = n;
        }

        @Override
        public int step() throws SQLException {
            int i = pick();
            try (Connection c = pool.getConnection()) {
                c.setAutoCommit(false);
                try (PreparedStatement ps = c.prepareStatement(sql)) {
                    for (int r = 0; r < n; r++) {
                        ps.setObject(1, streams[i]);
                        ps.setString(2, BenchModel.STREAM_TYPE);
                        ps.setObject(3, versions[i] + 1 + r);
                        ps.setString(4, row.eventType());
                        ps.setObject(5, row.schemaVersion());
                        ps.setObject(6, UUID.randomUUID());
                        ps.setString(7, row.payloadJson());
                        bindMetadata(ps, 8, row);
                        ps.addBatch();
                    }
                    ps.executeBatch();
                    c.commit();
                } catch (SQLException | RuntimeException e) {
                    c.rollback();
                    throw e;
                }
            }
            versions[i] += n;
            return n;
        }
    }

    /**
     * Raw batch through unnest of arrays, autocommit. With {@code ourSql} it runs our store's APPEND_MANY
     * (version check and all) on its own table; without, the same unnest INSERT with no check.
     */
    static final class RawUnnestWriter extends StreamsWriter {
        private final DataSource pool;
        private final String sql;
        private final boolean checked;
        private final Row row;
        private final int n;

        RawUnnestWriter(int streams, DataSource pool, String table, Row row, int n, boolean ourSql) {
            super(streams);
            this.pool = pool;
            this.checked = ourSql;
            this.sql = ourSql ? onTable(ourSql("APPEND_MANY"), table) : """
                    INSERT INTO %s (%s)
                    SELECT ?, ?, e.version, e.event_type, e.schema_version, e.message_id, e.payload::json,
                           first.correlation_id, first.causation_id, first.requested_by
                    FROM unnest(?::int[], ?::text[], ?::int[], ?::uuid[], ?::text[])
                             AS e(version, event_type, schema_version, message_id, payload)
                         LEFT JOIN (VALUES (?::int, ?::uuid, ?::uuid, ?::text))
                             AS first(version, correlation_id, causation_id, requested_by) ON first.version = e.version
                    """.formatted(table, COLUMNS);
            this.row = row;
            this.n = n;
        }

        @Override
        public int step() throws SQLException {
            int i = pick();
            Integer[] versionArray = new Integer[n];
            String[] types = new String[n];
            Integer[] schemaVersions = new Integer[n];
            UUID[] messageIds = new UUID[n];
            String[] payloads = new String[n];
            for (int r = 0; r < n; r++) {
                versionArray[r] = versions[i] + 1 + r;
                types[r] = row.eventType();
                schemaVersions[r] = row.schemaVersion();
                messageIds[r] = UUID.randomUUID();
                payloads[r] = row.payloadJson();
            }
            try (Connection c = pool.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
                ps.setObject(1, streams[i]);
                ps.setString(2, BenchModel.STREAM_TYPE);
                ps.setArray(3, c.createArrayOf("int4", versionArray));
                ps.setArray(4, c.createArrayOf("text", types));
                ps.setArray(5, c.createArrayOf("int4", schemaVersions));
                ps.setArray(6, c.createArrayOf("uuid", messageIds));
                ps.setArray(7, c.createArrayOf("text", payloads));
                ps.setInt(8, versions[i] + 1); // the append's metadata on its first event only, as ours (V6)
                bindMetadata(ps, 9, row);
                if (checked) {
                    ps.setInt(12, versions[i]);
                    ps.setObject(13, streams[i]);
                    ps.setInt(14, versions[i]);
                    if (ps.executeUpdate() != n) throw new IllegalStateException("version conflict in a raw writer");
                } else if (ps.executeUpdate() != n) {
                    throw new IllegalStateException("raw unnest insert wrote too few rows");
                }
            }
            versions[i] += n;
            return n;
        }
    }

    // ---------------------------------------------------------------- readers

    /** Pages through the whole event table with our readAll; returns the events read. */
    static int oursReadAll(PostgresEventStore store, int pageSize, long expected) {
        Position after = Position.START;
        int read = 0;
        while (true) {
            List<StoredEvent> page = store.readAll(after, pageSize);
            if (page.isEmpty()) break;
            read += page.size();
            after = page.getLast().position();
        }
        if (read != expected) throw new IllegalStateException("readAll read " + read + " of " + expected + " events");
        return read;
    }

    /** A raw reader's row: the same columns as our StoredEvent, the metadata's columns as they come. */
    record RawEvent(long globalPosition, long transactionId, UUID streamId, String streamType, int version,
                    String eventType, int schemaVersion, UUID messageId, String payloadJson, Instant recordedAt,
                    UUID correlationId, UUID causationId, String requestedBy) {
    }

    // In our readAll's column order, so that rawEvents maps the rows of both.
    static final String RAW_SELECT_COLUMNS = """
            SELECT global_position, transaction_id, stream_id, stream_type, version, event_type,
                   schema_version, message_id, payload, recorded_at, correlation_id, causation_id, requested_by
            FROM events""";

    /** Raw paging by global position, as the brief's reference: {@code WHERE global_position > ? ORDER BY ... LIMIT ?}. */
    static int rawReadAll(DataSource pool, int pageSize, long expected) throws SQLException {
        String sql = RAW_SELECT_COLUMNS + " WHERE global_position > ? ORDER BY global_position LIMIT ?";
        long after = 0;
        int read = 0;
        while (true) {
            List<RawEvent> page;
            try (Connection c = pool.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
                ps.setLong(1, after);
                ps.setInt(2, pageSize);
                page = rawEvents(ps);
            }
            if (page.isEmpty()) break;
            read += page.size();
            after = page.getLast().globalPosition();
        }
        if (read != expected) throw new IllegalStateException("raw paging read " + read + " of " + expected + " events");
        return read;
    }

    /** Raw JDBC with our readAll SQL (commit order, snapshot xmin) and the raw row mapping: splits SQL from mapping. */
    static int rawReadAllOurSql(DataSource pool, String sql, int pageSize, long expected) throws SQLException {
        long afterTx = 0, afterPos = 0;
        int read = 0;
        while (true) {
            List<RawEvent> page;
            try (Connection c = pool.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
                ps.setObject(1, afterTx);
                ps.setObject(2, afterPos);
                ps.setObject(3, pageSize);
                page = rawEvents(ps);
            }
            if (page.isEmpty()) break;
            read += page.size();
            afterTx = page.getLast().transactionId();
            afterPos = page.getLast().globalPosition();
        }
        if (read != expected) throw new IllegalStateException("raw paging read " + read + " of " + expected + " events");
        return read;
    }

    private static List<RawEvent> rawEvents(PreparedStatement ps) throws SQLException {
        List<RawEvent> page = new ArrayList<>();
        try (ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                page.add(new RawEvent(rs.getLong(1), rs.getLong(2), rs.getObject(3, UUID.class), rs.getString(4),
                        rs.getInt(5), rs.getString(6), rs.getInt(7), rs.getObject(8, UUID.class), rs.getString(9),
                        rs.getTimestamp(10).toInstant(), rs.getObject(11, UUID.class), rs.getObject(12, UUID.class),
                        rs.getString(13)));
            }
        }
        return page;
    }

    // ---------------------------------------------------------------- loads

    /** Loads through the repository and checks the version reached and how many events were replayed. */
    static int oursLoad(AggregateRepository<SeatAvailability, SeatEvent> repository, UUID id,
                        int expectedVersion, int expectedReplayed) {
        Versioned<SeatAvailability> loaded = repository.load(id);
        if (loaded.version() != expectedVersion || loaded.aggregate().events() != expectedVersion
                || loaded.aggregate().replayed() != expectedReplayed) {
            throw new IllegalStateException("Loaded " + id + " at version " + loaded.version() + " with "
                    + loaded.aggregate().replayed() + " events replayed; expected " + expectedVersion + " and "
                    + expectedReplayed);
        }
        return 1;
    }

    /** A raw row of one stream: what our load reads, not decoded. */
    record RawStreamEvent(int version, String eventType, int schemaVersion, UUID messageId, String payloadJson,
                          UUID correlationId, UUID causationId, String requestedBy) {
    }

    static int rawLoad(DataSource pool, UUID id, int expectedRows) throws SQLException {
        List<RawStreamEvent> rows = new ArrayList<>(expectedRows);
        try (Connection c = pool.getConnection(); PreparedStatement ps = c.prepareStatement("""
                SELECT version, event_type, schema_version, message_id, payload, correlation_id, causation_id, requested_by
                FROM events WHERE stream_id = ? ORDER BY version""")) {
            ps.setObject(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    rows.add(new RawStreamEvent(rs.getInt(1), rs.getString(2), rs.getInt(3),
                            rs.getObject(4, UUID.class), rs.getString(5), rs.getObject(6, UUID.class),
                            rs.getObject(7, UUID.class), rs.getString(8)));
                }
            }
        }
        if (rows.size() != expectedRows) throw new IllegalStateException("raw load read " + rows.size() + " rows");
        return 1;
    }

    /** Arrays the way our store builds them for a batch (for the Java-side cost diagnostic). */
    static Array[] ourArrays(Connection c, Integer[] versions, String[] types, Integer[] schemaVersions,
                             UUID[] messageIds, String[] payloads) throws SQLException {
        return new Array[]{c.createArrayOf("int4", versions), c.createArrayOf("text", types),
                c.createArrayOf("int4", schemaVersions), c.createArrayOf("uuid", messageIds),
                c.createArrayOf("text", payloads)};
    }
}

package dev.seatbooking.benchmarks;

import com.zaxxer.hikari.HikariDataSource;
import dev.seatbooking.benchmarks.BenchModel.SeatEvent;
import dev.seatbooking.benchmarks.Measure.Results;
import dev.seatbooking.benchmarks.Measure.Variant;
import dev.seatbooking.benchmarks.Workloads.Row;
import dev.seatbooking.eventsourcing.store.EventMetadata;
import dev.seatbooking.eventsourcing.store.EventNotifications;
import dev.seatbooking.eventsourcing.store.PostgresEventStore;
import org.axonframework.common.jdbc.DataSourceConnectionProvider;
import org.axonframework.common.transaction.NoTransactionManager;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import org.axonframework.eventsourcing.eventstore.jdbc.PostgresEventTableFactory;
import org.axonframework.messaging.MetaData;
import org.axonframework.serialization.json.JacksonSerializer;
import tools.jackson.databind.json.JsonMapper;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * Issue 18, item 1: the project's {@link PostgresEventStore} beside Axon Framework's {@link JdbcEventStorageEngine}
 * (a benchmark-only dependency), and raw INSERTs / page reads of each one's table shape, each variant in a database
 * of its own on the same durable server, interleaved rounds. Printed as ratios ours/Axon and each/raw of its shape.
 * Also per variant: WAL bytes and commits per append (server-wide counters, read around each variant's own runs:
 * only one variant runs at a time), and the table and index sizes at the end.
 */
final class AxonComparison {

    /** One append comparison: how many writers, new or existing streams, events per append. */
    record Case(int writers, boolean newStreams, int batch) {
        String label() {
            return String.format(Locale.ROOT, "%d-event appends, %d writer%s, %s streams", batch, writers,
                    writers == 1 ? "" : "s", newStreams ? "new" : "existing");
        }
    }

    static final String OURS = "ours", AXON = "Axon JDBC", RAW_OURS = "raw INSERT, our table",
            RAW_AXON = "raw INSERT, Axon table";
    static final String AXON_TABLE = "domainevententry";
    static final String AXON_INSERT = "INSERT INTO " + AXON_TABLE + " (eventIdentifier, aggregateIdentifier, sequenceNumber,"
            + " type, timeStamp, payloadType, payloadRevision, payload, metaData) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)";

    private final DurablePostgres pg;
    private final Function<String, String> database;
    private final EventStoreBenchmark.Settings settings;
    private final dev.seatbooking.eventsourcing.store.EventSerializer serializer;
    private final SeatEvent event;
    private final EventMetadata metadata;
    private final Row row;
    private final Map<String, Object> axonMetadata;
    private final JacksonSerializer axonSerializer = JacksonSerializer.defaultSerializer();
    private final byte[] axonPayload, axonMetadataBytes;
    private final String axonPayloadType;
    private final Runnable checkpoint;
    private final List<String> report = new ArrayList<>();
    /** Per variant: units, WAL bytes and commits accumulated over its measured runs. */
    private final Map<String, long[]> walByVariant = new LinkedHashMap<>();

    AxonComparison(DurablePostgres pg, Function<String, String> database, EventStoreBenchmark.Settings settings,
                   dev.seatbooking.eventsourcing.store.EventSerializer serializer, SeatEvent event, EventMetadata metadata,
                   Row row, Runnable checkpoint) {
        this.pg = pg;
        this.database = database;
        this.settings = settings;
        this.serializer = serializer;
        this.event = event;
        this.metadata = metadata;
        this.row = row;
        this.checkpoint = checkpoint;
        // Axon's metadata: the same keys and values as ours, so its JSON is the same 128 bytes.
        this.axonMetadata = JsonMapper.builder().build().readValue(row.metadataJson(), LinkedHashMap.class);
        var payload = axonSerializer.serialize(event, byte[].class);
        this.axonPayload = payload.getData();
        this.axonPayloadType = payload.getType().getName();
        this.axonMetadataBytes = axonSerializer.serialize(MetaData.from(axonMetadata), byte[].class).getData();
    }

    /** Runs every append case, then the replay (each unless told not to); returns the report lines (already printed). */
    List<String> run(boolean appends, boolean replay) throws Exception {
        if (appends) appends();
        if (!replay) return report;
        // In the appends' size of the other cases, then one event per append: an append's metadata is stored once
        // (V6), so the two tables differ in our store and not in Axon's.
        replay(settings.batchSize());
        replay(1);
        return report;
    }

    private void appends() throws Exception {
        String oursDb = database.apply("a_ours"), rawOursDb = database.apply("a_raw_ours"),
                axonDb = database.apply("a_axon"), rawAxonDb = database.apply("a_raw_axon");
        int size = settings.writers();
        try (HikariDataSource oursPool = pg.pool("a-ours", size, oursDb);
             HikariDataSource notifyPool = pg.pool("a-notify", 2, oursDb);
             HikariDataSource rawOursPool = pg.pool("a-raw-ours", size, rawOursDb);
             HikariDataSource axonPool = pg.pool("a-axon", size, axonDb);
             HikariDataSource rawAxonPool = pg.pool("a-raw-axon", size, rawAxonDb)) {
            EventNotifications notifications = new EventNotifications(notifyPool);
            PostgresEventStore ours = new PostgresEventStore(oursPool, serializer, notifications);
            JdbcEventStorageEngine axon = axonEngine(axonPool, 100);
            axon.createSchema(PostgresEventTableFactory.INSTANCE);
            // The very table Axon's engine makes, for the raw reference of its shape.
            axonEngine(rawAxonPool, 100).createSchema(PostgresEventTableFactory.INSTANCE);
            for (Case k : List.of(new Case(1, true, 1), new Case(size, true, 1), new Case(1, false, 1),
                    new Case(size, false, 1), new Case(1, true, settings.batchSize()), new Case(size, false, settings.batchSize()))) {
                appends(k, ours, notifications, axon, oursPool, rawOursPool, rawAxonPool);
            }
            sizes(Map.of(OURS, oursDb, RAW_OURS, rawOursDb, AXON, axonDb, RAW_AXON, rawAxonDb));
        }
    }

    private static JdbcEventStorageEngine axonEngine(HikariDataSource pool, int batchSize) {
        // As Axon's Spring Boot auto-configuration builds it, minus Spring: JacksonSerializer for events and
        // snapshots, the engine's default schema; no transaction manager (each append is one JDBC batch on one
        // connection in autocommit, which PostgreSQL runs as one implicit transaction up to its Sync).
        JacksonSerializer json = JacksonSerializer.defaultSerializer();
        return JdbcEventStorageEngine.builder()
                .connectionProvider(new DataSourceConnectionProvider(pool))
                .transactionManager(NoTransactionManager.INSTANCE)
                .eventSerializer(json)
                .snapshotSerializer(json)
                .batchSize(batchSize)
                .build();
    }

    private void appends(Case k, PostgresEventStore ours, EventNotifications notifications, JdbcEventStorageEngine axon,
                         HikariDataSource oursPool, HikariDataSource rawOursPool, HikariDataSource rawAxonPool) throws Exception {
        EventStoreBenchmark.section("A. Ours vs Axon: " + k.label() + " (each append one transaction)");
        int streams = settings.streamsPerWriter();
        List<SeatEvent> events = Collections.nCopies(k.batch(), event);
        // Ours next to Axon, each next to its raw reference, so the three ratios pair neighbours.
        List<Variant> variants = List.of(
                walCounted(RAW_OURS, writers(k, () -> new Writer(streams, k.newStreams()) {
                    void append(UUID stream, int version) throws SQLException {
                        rawOurs(rawOursPool, stream, version, k.batch());
                    }
                })),
                walCounted(OURS, EventStoreBenchmark.notifying(notifications, writers(k, () -> new Writer(streams, k.newStreams()) {
                    void append(UUID stream, int version) {
                        ours.append(stream, BenchModel.STREAM_TYPE, version, events, metadata);
                    }
                }))),
                walCounted(AXON, writers(k, () -> new Writer(streams, k.newStreams()) {
                    void append(UUID stream, int version) {
                        axon.appendEvents(axonEvents(stream, version, k.batch()));
                    }
                })),
                walCounted(RAW_AXON, writers(k, () -> new Writer(streams, k.newStreams()) {
                    void append(UUID stream, int version) throws SQLException {
                        rawAxon(rawAxonPool, stream, version, k.batch());
                    }
                })));
        walByVariant.clear();
        Results r = Measure.alternate(variants, settings.warmup(), settings.writeIteration(), settings.iterations(), checkpoint);
        table(k.label(), r, k.batch() == 1 ? "appends/s" : "events/s", k.batch());
    }

    /** A writer owns its streams; to new streams, each append starts a fresh one (a new aggregate). */
    abstract static class Writer implements Measure.Step {
        private final UUID[] streams;
        private final int[] versions;
        private final boolean newStreams;
        private int next;
        private int batch = 1;

        Writer(int count, boolean newStreams) {
            this.newStreams = newStreams;
            streams = new UUID[count];
            versions = new int[count];
            for (int i = 0; i < count; i++) streams[i] = UUID.randomUUID();
        }

        Writer batch(int n) {
            batch = n;
            return this;
        }

        abstract void append(UUID stream, int version) throws Exception;

        @Override
        public int step() throws Exception {
            if (newStreams) {
                append(UUID.randomUUID(), 0);
                return batch;
            }
            int i = next;
            next = (next + 1) % streams.length;
            append(streams[i], versions[i]);
            versions[i] += batch;
            return batch;
        }
    }

    private Variant writers(Case k, java.util.function.Supplier<Writer> writer) {
        List<Measure.Step> steps = new ArrayList<>();
        for (int i = 0; i < k.writers(); i++) steps.add(writer.get().batch(k.batch()));
        return new Variant("", d -> Measure.concurrently(d, steps));
    }

    /** Names the variant and adds up the WAL its runs write (one variant runs at a time on the server). */
    private Variant walCounted(String name, Variant variant) {
        return new Variant(name, d -> {
            long before = walLsn();
            Measure.Sample s = variant.task().run(d);
            long[] acc = walByVariant.computeIfAbsent(name, n -> new long[2]);
            acc[0] += (long) s.units();
            acc[1] += walLsn() - before;
            return s;
        });
    }

    private long walLsn() throws SQLException {
        try (Connection c = pg.connection(); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT pg_wal_lsn_diff(pg_current_wal_insert_lsn(), '0/0')::bigint")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private List<DomainEventMessage<?>> axonEvents(UUID stream, int version, int n) {
        List<DomainEventMessage<?>> list = new ArrayList<>(n);
        String id = stream.toString();
        for (int i = 0; i < n; i++) {
            list.add(new GenericDomainEventMessage<>(BenchModel.STREAM_TYPE, id, version + i, event, axonMetadata));
        }
        return list;
    }

    /** Raw INSERT of our table's shape: one autocommit statement, or a JDBC batch in one transaction. */
    private void rawOurs(HikariDataSource pool, UUID stream, int version, int n) throws SQLException {
        String sql = "INSERT INTO events (" + Workloads.COLUMNS + ") VALUES " + Workloads.VALUES;
        batch(pool, sql, n, (ps, i) -> {
            ps.setObject(1, stream);
            ps.setString(2, BenchModel.STREAM_TYPE);
            ps.setObject(3, version + i + 1);
            ps.setString(4, row.eventType());
            ps.setObject(5, row.schemaVersion());
            ps.setObject(6, UUID.randomUUID());
            ps.setString(7, row.payloadJson());
            Workloads.bindMetadata(ps, 8, row);
        });
    }

    /** Raw INSERT of Axon's table shape, the bytes Axon's serializer produces. */
    private void rawAxon(HikariDataSource pool, UUID stream, int version, int n) throws SQLException {
        String id = stream.toString();
        batch(pool, AXON_INSERT, n, (ps, i) -> {
            ps.setString(1, UUID.randomUUID().toString());
            ps.setString(2, id);
            ps.setLong(3, version + i);
            ps.setString(4, BenchModel.STREAM_TYPE);
            ps.setString(5, Instant.now().toString());
            ps.setString(6, axonPayloadType);
            ps.setString(7, null);
            ps.setBytes(8, axonPayload);
            ps.setBytes(9, axonMetadataBytes);
        });
    }

    private interface Binder {
        void bind(PreparedStatement ps, int i) throws SQLException;
    }

    private static void batch(HikariDataSource pool, String sql, int n, Binder binder) throws SQLException {
        try (Connection c = pool.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            if (n == 1) {
                binder.bind(ps, 0);
                if (ps.executeUpdate() != 1) throw new IllegalStateException("raw insert wrote no row");
                return;
            }
            c.setAutoCommit(false);
            try {
                for (int i = 0; i < n; i++) {
                    binder.bind(ps, i);
                    ps.addBatch();
                }
                ps.executeBatch();
                c.commit();
            } finally {
                c.setAutoCommit(true);
            }
        }
    }

    // ---------------------------------------------------------------- replay

    private void replay(int n) throws Exception {
        int total = settings.readAllEvents(), page = settings.pageSize();
        EventStoreBenchmark.section(String.format(Locale.ROOT, "A. Ours vs Axon: replay of %,d events in global order"
                + " (written in %d-event appends), pages/batches of %d; pool of 1", total, n, page));
        try (HikariDataSource oursPool = pg.pool("a-replay-ours", 1, database.apply("a_replay_ours_" + n));
             HikariDataSource axonPool = pg.pool("a-replay-axon", 1, database.apply("a_replay_axon_" + n))) {
            PostgresEventStore ours = new PostgresEventStore(oursPool, serializer, null);
            JdbcEventStorageEngine axon = axonEngine(axonPool, page);
            axon.createSchema(PostgresEventTableFactory.INSTANCE);
            // A one-event append first, so that pages of 1,000 start inside appends of 100, as a reader's pages
            // generally do (each such page looks its first append's metadata up: V6).
            for (int written = 0, size = Math.min(1, n); written < total; written += size, size = Math.min(n, total - written)) {
                UUID stream = UUID.randomUUID();
                ours.append(stream, BenchModel.STREAM_TYPE, 0, Collections.nCopies(size, event), metadata);
                axon.appendEvents(axonEvents(stream, 0, size));
            }
            for (HikariDataSource pool : List.of(oursPool, axonPool)) {
                try (Connection c = pool.getConnection(); Statement st = c.createStatement()) {
                    st.execute("VACUUM ANALYZE");
                }
            }
            List<Variant> variants = List.of(
                    new Variant("raw page read, our table", d -> Measure.repeat(d, () -> Workloads.rawReadAll(oursPool, page, total))),
                    new Variant("ours readAll", d -> Measure.repeat(d, () -> Workloads.oursReadAll(ours, page, total))),
                    new Variant("Axon readEvents + getPayload", d -> Measure.repeat(d, () -> axonRead(axon, total, true))),
                    new Variant("Axon readEvents", d -> Measure.repeat(d, () -> axonRead(axon, total, false))),
                    new Variant("raw page read, Axon table", d -> Measure.repeat(d, () -> rawAxonRead(axonPool, page, total))));
            Results r = Measure.alternate(variants, settings.readIteration(), settings.readIteration(), settings.readRounds(), () -> {
            });
            StringBuilder t = new StringBuilder();
            for (Variant v : variants) t.append(cell(v.name(), r));
            t.append(ratio("ours / Axon readEvents (Axon deserializes lazily: nothing)", r, "ours readAll", "Axon readEvents"));
            t.append(ratio("ours / Axon readEvents + getPayload (both deserialize)", r, "ours readAll", "Axon readEvents + getPayload"));
            t.append(ratio("ours / raw page read of our table", r, "ours readAll", "raw page read, our table"));
            t.append(ratio("Axon / raw page read of Axon's table", r, "Axon readEvents", "raw page read, Axon table"));
            t.append(ratio("raw our table / raw Axon table", r, "raw page read, our table", "raw page read, Axon table"));
            emit("replay " + total + " events written " + n + " per append", t);
        }
    }

    /** Axon's own replay: a token-based stream from the start, not blocking at the end. */
    private static int axonRead(JdbcEventStorageEngine axon, int expected, boolean payloads) {
        long sum = 0;
        int read = 0;
        try (Stream<? extends org.axonframework.eventhandling.TrackedEventMessage<?>> s = axon.readEvents(null, false)) {
            var it = s.iterator();
            while (it.hasNext()) {
                var m = it.next();
                if (payloads) sum += m.getPayload().hashCode();
                read++;
            }
        }
        EventStoreBenchmark.blackhole += sum;
        if (read != expected) throw new IllegalStateException("Axon read " + read + " of " + expected + " events");
        return read;
    }

    /** Raw paging through Axon's table by globalIndex, every column read (bytes as bytes). */
    private static int rawAxonRead(HikariDataSource pool, int page, int expected) throws SQLException {
        String sql = "SELECT globalIndex, eventIdentifier, aggregateIdentifier, sequenceNumber, type, timeStamp, payloadType,"
                + " payloadRevision, payload, metaData FROM " + AXON_TABLE + " WHERE globalIndex > ? ORDER BY globalIndex LIMIT ?";
        long after = 0, sum = 0;
        int read = 0;
        try (Connection c = pool.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            while (true) {
                ps.setLong(1, after);
                ps.setInt(2, page);
                int rows = 0;
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        after = rs.getLong(1);
                        sum += rs.getString(2).length() + rs.getString(3).length() + rs.getLong(4)
                                + rs.getString(5).length() + rs.getString(6).length() + rs.getString(7).length()
                                + (rs.getString(8) == null ? 0 : 1) + rs.getBytes(9).length + rs.getBytes(10).length;
                        rows++;
                    }
                }
                if (rows == 0) break;
                read += rows;
            }
        }
        EventStoreBenchmark.blackhole += sum;
        if (read != expected) throw new IllegalStateException("raw Axon read " + read + " of " + expected);
        return read;
    }

    // ---------------------------------------------------------------- sizes and output

    private void sizes(Map<String, String> databases) throws SQLException {
        StringBuilder t = new StringBuilder("  table and index sizes after the append cases, per event:\n");
        for (String v : List.of(OURS, RAW_OURS, AXON, RAW_AXON)) {
            String table = v.contains("Axon") ? AXON_TABLE : "events";
            try (HikariDataSource pool = pg.pool("a-sizes", 1, databases.get(v));
                 Connection c = pool.getConnection(); Statement st = c.createStatement();
                 ResultSet rs = st.executeQuery("SELECT count(*), pg_relation_size('" + table + "'), pg_indexes_size('"
                         + table + "'), pg_total_relation_size('" + table + "') FROM " + table)) {
                rs.next();
                long rows = rs.getLong(1);
                t.append(String.format(Locale.ROOT, "      %-24s %,10d rows: heap %6.0f B/event, indexes %6.0f B/event, total with TOAST %6.0f B/event%n",
                        v, rows, rs.getDouble(2) / rows, rs.getDouble(3) / rows, rs.getDouble(4) / rows));
            }
        }
        emit("sizes", t);
    }

    private void table(String what, Results r, String unit, int batch) {
        StringBuilder t = new StringBuilder();
        for (String name : r.rates.keySet()) {
            t.append(cell(name, r));
            long[] wal = walByVariant.get(name);
            if (wal != null && wal[0] > 0) {
                t.append(String.format(Locale.ROOT, "        WAL %,.0f bytes per event%n", (double) wal[1] / wal[0]));
            }
        }
        t.append(ratio("ours / Axon", r, OURS, AXON));
        t.append(ratio("ours / raw INSERT of our table", r, OURS, RAW_OURS));
        t.append(ratio("Axon / raw INSERT of Axon's table", r, AXON, RAW_AXON));
        emit(what + " (" + unit + ")", t);
    }

    private static String cell(String name, Results r) {
        var s = r.stats(name);
        return String.format(Locale.ROOT, "      %-30s %,12.0f /s  [%,.0f-%,.0f]%n", name, s.median(), s.min(), s.max());
    }

    private static String ratio(String label, Results r, String a, String b) {
        double[] p = r.paired(a, b);
        double min = java.util.Arrays.stream(p).min().orElseThrow(), max = java.util.Arrays.stream(p).max().orElseThrow();
        return String.format(Locale.ROOT, "      %-58s %.2f  (per-round %.2f-%.2f)%n", label, Measure.median(p), min, max);
    }

    private void emit(String what, StringBuilder t) {
        String text = "  A  " + what + "\n" + t;
        System.out.print(text);
        report.add(text);
    }
}

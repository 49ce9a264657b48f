package dev.seatbooking.benchmarks;

import com.zaxxer.hikari.HikariDataSource;
import dev.seatbooking.benchmarks.BenchModel.SeatAvailability;
import dev.seatbooking.benchmarks.BenchModel.SeatEvent;
import dev.seatbooking.benchmarks.Measure.Results;
import dev.seatbooking.benchmarks.Measure.Stats;
import dev.seatbooking.benchmarks.Measure.Variant;
import dev.seatbooking.benchmarks.Workloads.Row;
import dev.seatbooking.eventsourcing.aggregate.AggregateRepository;
import dev.seatbooking.eventsourcing.aggregate.SnapshotStore;
import dev.seatbooking.eventsourcing.aggregate.Versioned;
import dev.seatbooking.eventsourcing.schema.EventSourcingSchema;
import dev.seatbooking.eventsourcing.store.AppendResult;
import dev.seatbooking.eventsourcing.store.EventMetadata;
import dev.seatbooking.eventsourcing.store.EventNotifications;
import dev.seatbooking.eventsourcing.store.EventSerializer;
import dev.seatbooking.eventsourcing.store.PostgresEventStore;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * Load generator for the event store: every number of ours beside a raw-JDBC reference of the same shape,
 * measured in the same run on the same durable PostgreSQL, reported as ratios against targets.
 * See benchmarks/README.md.
 */
public final class EventStoreBenchmark {

    /** Durations and sizes of one run. */
    record Settings(boolean quick, Duration warmup, Duration writeIteration, Duration readIteration, int iterations,
                    int writers, int batchSize, int pageSize, int readAllEvents, int streamLength, int snapshotEvery,
                    int streamsPerWriter, List<String> only) {

        int readRounds() {
            return Math.max(2, iterations / 2);
        }

        static Settings parse(String[] args) {
            boolean quick = false;
            Integer iterations = null, writers = null;
            Double seconds = null;
            List<String> only = List.of("1a", "1b", "2", "3", "4", "D", "A");
            for (int i = 0; i < args.length; i++) {
                switch (args[i]) {
                    case "--quick" -> quick = true;
                    case "--iterations" -> iterations = Integer.parseInt(args[++i]);
                    case "--seconds" -> seconds = Double.parseDouble(args[++i]);
                    case "--writers" -> writers = Integer.parseInt(args[++i]);
                    case "--only" -> only = List.of(args[++i].split(","));
                    case "-h", "--help" -> {
                        System.out.println("""
                                usage: benchmarks/run-eventstore-benchmark.sh [--quick] [--iterations N] [--seconds S] [--writers N] [--only LIST]
                                  --quick          smoke run (well under a minute): short rounds, 2 of each
                                  --iterations N   measured rounds of the write comparisons (default 8; --quick 2);
                                                   reads and loads take half as many (at least 2)
                                  --seconds S      length of one write round (default 1; --quick 0.4)
                                  --writers N      concurrent writers of the multi-writer append line (default 8)
                                  --only LIST      run only these comparisons, e.g. --only 1b,D (of 1a,1b,2,3,4,D,A,AR,AW; A: ours vs Axon's JDBC engine, AR: its replay only, AW: its appends only)""");
                        System.exit(0);
                    }
                    default -> throw new IllegalArgumentException("Unknown argument " + args[i] + " (try --help)");
                }
            }
            Duration write = seconds != null ? Duration.ofMillis((long) (seconds * 1000))
                    : quick ? Duration.ofMillis(400) : Duration.ofSeconds(1);
            return new Settings(quick,
                    quick ? Duration.ofMillis(300) : Duration.ofSeconds(2),
                    write,
                    quick ? Duration.ofMillis(300) : Duration.ofSeconds(1),
                    iterations != null ? iterations : quick ? 2 : 8,
                    writers != null ? writers : 8,
                    100, 1000, quick ? 5_000 : 50_000, 10_000, 100, 64, only);
        }
    }

    enum Kind { APPENDS, EVENTS, LOAD_MS, SPEEDUP }

    /** One line of the summary table. */
    record Line(String no, String what, Kind kind, Stats ours, String reference, Stats ref, double[] paired,
                Double target) {
        /** The median of the per-round ratios: each round's pair ran next to each other, so drift cancels. */
        double ratio() {
            return Measure.median(paired);
        }
    }

    /** Keeps the results of the Java-work loops alive so the JIT cannot drop them. */
    static volatile long blackhole;

    private final Settings settings;
    private final List<Line> lines = new ArrayList<>();
    private final List<String> variantTables = new ArrayList<>();
    private final java.util.Set<String> databases = new java.util.HashSet<>();
    private final EventSerializer serializer = new BenchModel.Serializer();
    private final SeatEvent event = BenchModel.sampleEvent();
    private final EventMetadata metadata = new EventMetadata(UUID.randomUUID(), UUID.randomUUID(), "benchmark");
    private final Row row;
    private DurablePostgres pg;
    private HikariDataSource admin;

    private EventStoreBenchmark(Settings settings) {
        this.settings = settings;
        EventSerializer.Serialized s = serializer.serialize(event);
        // The metadata's JSON (Jackson's, from the same record) is what Axon's table stores for it.
        this.row = new Row(s.type(), s.schemaVersion(), s.json(), metadata,
                JsonMapper.builder().build().writeValueAsString(metadata));
    }

    public static void main(String[] args) throws Exception {
        new EventStoreBenchmark(Settings.parse(args)).run();
    }

    private void run() throws Exception {
        long started = System.nanoTime();
        double loadBefore = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
        long cpuBefore = pressureTotal("cpu"), ioBefore = pressureTotal("io");
        System.out.println("Event store benchmark: ours vs raw JDBC of the same shape, same run, same server"
                + (settings.quick ? "  [--quick smoke run: numbers are indicative only]" : ""));
        System.out.println(machine());
        System.out.printf(Locale.ROOT, "Method: per comparison, a warm-up of each variant, then rounds of every variant in turn, order"
                        + " reversed every other round (ABBA); median [min-max] over rounds.%n"
                        + "  writes: warm-up %s, %d rounds of %s; reads and loads: warm-up %s, %d rounds of %s (whole passes, at least one)%n",
                human(settings.warmup), settings.iterations, human(settings.writeIteration),
                human(settings.readIteration), settings.readRounds(), human(settings.readIteration));
        System.out.printf(Locale.ROOT, "Payload: %d-byte json event (%s); metadata: correlation and causation ids and"
                        + " a user (ours: three columns; Axon's table: %d-byte json); each writer round-robins over %d own streams.%n",
                row.payloadJson().length(), row.eventType(), row.metadataJson().length(), settings.streamsPerWriter);

        try (DurablePostgres server = DurablePostgres.start()) {
            pg = server;
            try (HikariDataSource adminPool = server.pool("admin", 2)) {
                admin = adminPool;
                EventSourcingSchema.migrate(admin);
                createReferenceTables();
                System.out.println(postgres());
                if (settings.only.contains("1a")) singleAppends(1);
                if (settings.only.contains("1b")) singleAppends(settings.writers);
                if (settings.only.contains("2")) batchAppends();
                if (settings.only.contains("3")) readAll();
                if (settings.only.contains("4")) loads();
                if (settings.only.contains("D")) diagnostics();
                if (settings.only.contains("A")) axon(true, true);
                else if (settings.only.contains("AR")) axon(false, true);
                else if (settings.only.contains("AW")) axon(true, false);
            }
        }
        double loadAfter = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
        Duration took = Duration.ofNanos(System.nanoTime() - started);
        printSummary(took, loadBefore, loadAfter, pressure("cpu", cpuBefore, took), pressure("io", ioBefore, took));
    }

    // ================================================================ 1. single-event appends

    /**
     * Single-event appends. Every variant writes to the events table of a database of its own, created by the
     * library's migration: ours and the raw references write to the very same table definition, and each
     * table grows only with its own variant's writes. The store's notifier and listener (two connections
     * besides the writers' pool) run only while a variant of ours runs, so exactly one listener exists then,
     * as in a service.
     */
    private void singleAppends(int writers) throws Exception {
        String no = writers == 1 ? "1a" : "1b";
        section(no + ". Single-event appends, " + writers + " writer" + (writers == 1 ? "" : "s")
                + " (each append its own transaction; pool of " + writers + " per variant)");
        List<SeatEvent> one = List.of(event);
        String oursDb = database("ours"), asyncDb = database("ours_async"), pacedDb = database("ours_paced"),
                quietDb = database("ours_quiet"), checkedDb = database("raw_checked"), rawDb = database("raw_insert");
        try (HikariDataSource oursPool = pg.pool("ours", writers, oursDb);
             HikariDataSource asyncPool = pg.pool("ours-async", writers, asyncDb);
             HikariDataSource pacedPool = pg.pool("ours-paced", writers, pacedDb);
             HikariDataSource quietPool = pg.pool("ours-quiet", writers, quietDb);
             HikariDataSource checkedPool = pg.pool("raw-checked", writers, checkedDb);
             HikariDataSource rawPool = pg.pool("raw-insert", writers, rawDb);
             HikariDataSource notifyPool = pg.pool("notify", 2, oursDb);
             // Same notifier, its connections committing asynchronously (a NOTIFY need not wait for a WAL flush).
             HikariDataSource asyncNotifyPool = pg.pool("notify-async", 2, asyncDb, "SET synchronous_commit TO off");
             HikariDataSource pacedNotifyPool = pg.pool("notify-paced", 1, pacedDb)) {
            EventNotifications notifications = new EventNotifications(notifyPool);
            EventNotifications asyncNotifications = new EventNotifications(asyncNotifyPool);
            PostgresEventStore ours = new PostgresEventStore(oursPool, serializer, notifications);
            PostgresEventStore oursAsync = new PostgresEventStore(asyncPool, serializer, asyncNotifications);
            PostgresEventStore oursPaced = new PostgresEventStore(pacedPool, serializer, null);
            PostgresEventStore oursQuiet = new PostgresEventStore(quietPool, serializer, null);
            int streams = settings.streamsPerWriter;
            // Ordered so that ours and its reference run next to each other in every round (the order is
            // reversed every other round), and each variant next to the one it differs from least.
            List<Variant> variants = List.of(
                    notifying(notifications, writersVariant("ours", writers, () -> new Workloads.OursWriter(streams, ours, one, metadata))),
                    writersVariant("raw INSERT", writers, () -> new Workloads.RawInsertWriter(streams, rawPool, "events", row)),
                    writersVariant("raw + our SQL", writers, () -> new Workloads.RawCheckedWriter(streams, checkedPool, "events", row)),
                    writersVariant("ours, no NOTIFY", writers, () -> new Workloads.OursWriter(streams, oursQuiet, one, metadata)),
                    paced(pacedNotifyPool, writersVariant("ours, NOTIFY paced 10 ms", writers,
                            () -> new Workloads.OursWriter(streams, oursPaced, one, metadata))),
                    notifying(asyncNotifications, writersVariant("ours, async NOTIFY", writers,
                            () -> new Workloads.OursWriter(streams, oursAsync, one, metadata))));
            Results r = Measure.alternate(variants, settings.warmup, settings.writeIteration, settings.iterations, this::checkpoint);
            variantTable(no, r, "raw INSERT", Kind.APPENDS);
            // After the measured rounds (a listener costs the server work per NOTIFY, so it is not there while
            // measuring): one more round of each notifying variant, counting the NOTIFY transactions it causes.
            for (String[] v : new String[][]{{"0", oursDb}, {"5", asyncDb}}) {
                try (NotifyCounter counter = new NotifyCounter(pg.jdbcUrl(v[1]))) {
                    Variant variant = variants.get(Integer.parseInt(v[0]));
                    long before = counter.settledCount();
                    Measure.Sample sample = variant.task().run(settings.writeIteration);
                    long notifies = counter.settledCount() - before;
                    String t = String.format(Locale.ROOT, "      %-34s %.2f NOTIFY transactions per append (%,.0f appends/s, %,.0f NOTIFY/s;"
                                    + " one extra round, counted by a LISTEN connection)%n",
                            variant.name() + ":", notifies / sample.units(), sample.perSecond(), notifies * 1e9 / sample.nanos());
                    System.out.print(t);
                    variantTables.add(t);
                }
            }
            lines.add(new Line(no, "single-event appends, " + writers + " writer" + (writers == 1 ? "" : "s"),
                    Kind.APPENDS, r.stats("ours"), "raw INSERT", r.stats("raw INSERT"), r.paired("ours", "raw INSERT"),
                    writers == 1 ? null : 0.90));
        }
    }

    /** Issue 18: ours beside Axon Framework's JDBC engine and the raw writes of each table shape. */
    private void axon(boolean appends, boolean replay) throws Exception {
        variantTables.addAll(new AxonComparison(pg, name -> {
            try {
                return database(name);
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
        }, settings, serializer, event, metadata, row, this::checkpoint).run(appends, replay));
    }

    /** A database of its own (created and migrated once) for one variant's writes. */
    private String database(String variant) throws SQLException {
        String name = "bench_" + variant;
        if (databases.add(name)) {
            pg.createDatabase(name);
            try (HikariDataSource migrator = pg.pool("migrate", 2, name)) {
                EventSourcingSchema.migrate(migrator); // Flyway holds two connections
            }
        }
        return name;
    }

    /** The variant with the store's notifier and listener running (only) while it runs. */
    static Variant notifying(EventNotifications notifications, Variant variant) {
        return new Variant(variant.name(), d -> {
            notifications.start();
            try {
                return variant.task().run(d);
            } finally {
                notifications.close();
            }
        });
    }

    /** The variant with a stand-in notifier that sends one NOTIFY every 10 ms while it runs. */
    private static Variant paced(HikariDataSource notifyPool, Variant variant) {
        return new Variant(variant.name(), d -> {
            try (PacedNotifier ignored = new PacedNotifier(notifyPool, Duration.ofMillis(10))) {
                return variant.task().run(d);
            }
        });
    }

    private static Variant writersVariant(String name, int writers, Supplier<Measure.Step> writer) {
        List<Measure.Step> steps = new ArrayList<>();
        for (int i = 0; i < writers; i++) steps.add(writer.get());
        return new Variant(name, d -> Measure.concurrently(d, steps));
    }

    // ================================================================ 2. batch appends

    /** Batch appends; as in section 1, every variant writes to the events table of a database of its own. */
    private void batchAppends() throws Exception {
        int n = settings.batchSize;
        section("2. " + n + "-event appends, 1 writer (each append one transaction; pool of 1 per variant)");
        List<SeatEvent> batch = Collections.nCopies(n, event);
        String oursDb = database("batch_ours");
        try (HikariDataSource oursPool = pg.pool("batch-ours", 1, oursDb);
             HikariDataSource notifyPool = pg.pool("batch-notify", 2, oursDb);
             HikariDataSource checkedPool = pg.pool("batch-checked", 1, database("batch_checked"));
             HikariDataSource valuesPool = pg.pool("batch-values", 1, database("batch_values"));
             HikariDataSource unnestPool = pg.pool("batch-unnest", 1, database("batch_unnest"));
             HikariDataSource jdbcBatchPool = pg.pool("batch-jdbc", 1, database("batch_jdbc"))) {
            EventNotifications notifications = new EventNotifications(notifyPool);
            PostgresEventStore ours = new PostgresEventStore(oursPool, serializer, notifications);
            int streams = settings.streamsPerWriter;
            List<String> raws = List.of("raw unnest", "raw VALUES x" + n, "raw JDBC batch");
            // The two raw references that are usually fastest next to ours.
            List<Variant> variants = List.of(
                    notifying(notifications, writersVariant("ours", 1, () -> new Workloads.OursWriter(streams, ours, batch, metadata))),
                    writersVariant(raws.get(0), 1, () -> new Workloads.RawUnnestWriter(streams, unnestPool, "events", row, n, false)),
                    writersVariant(raws.get(1), 1, () -> new Workloads.RawValuesWriter(streams, valuesPool, "events", row, n)),
                    writersVariant("raw + our SQL", 1, () -> new Workloads.RawUnnestWriter(streams, checkedPool, "events", row, n, true)),
                    writersVariant(raws.get(2), 1, () -> new Workloads.RawJdbcBatchWriter(streams, jdbcBatchPool, "events", row, n)));
            Results r = Measure.alternate(variants, settings.warmup, settings.writeIteration, settings.iterations, this::checkpoint);
            String best = raws.stream().max((a, b) -> Double.compare(r.stats(a).median(), r.stats(b).median())).orElseThrow();
            variantTable("2", r, best, Kind.EVENTS);
            lines.add(new Line("2", n + "-event appends, 1 writer", Kind.EVENTS, r.stats("ours"),
                    "best raw: " + best, r.stats(best), r.paired("ours", best), 0.50));
        }
    }

    // ================================================================ 3. readAll

    private void readAll() throws Exception {
        int total = settings.readAllEvents, page = settings.pageSize, n = settings.batchSize;
        section("3. readAll of a " + String.format(Locale.ROOT, "%,d", total) + "-event table (own database, written by"
                + " our store in " + n + "-event appends), pages of " + page + "; pool of 1");
        String database = database("readall");
        try (HikariDataSource pool = pg.pool("reader", 1, database)) {
            PostgresEventStore ours = new PostgresEventStore(pool, serializer, null);
            Workloads.OursWriter writer = new Workloads.OursWriter(settings.streamsPerWriter, ours,
                    Collections.nCopies(n, event), metadata);
            for (int written = 0; written < total; ) written += writer.step();
            try (Connection c = pool.getConnection(); Statement st = c.createStatement()) {
                st.execute("VACUUM ANALYZE events");
            }
            String ourSql = Workloads.ourSql("READ_ALL");
            List<Variant> variants = new ArrayList<>(List.of(
                    new Variant("ours readAll", d -> Measure.repeat(d, () -> Workloads.oursReadAll(ours, page, total))),
                    new Variant("raw position paging", d -> Measure.repeat(d, () -> Workloads.rawReadAll(pool, page, total)))));
            variants.add(new Variant("raw + our SQL", d -> Measure.repeat(d, () -> Workloads.rawReadAllOurSql(pool, ourSql, page, total))));
            Results r = Measure.alternate(variants, settings.readIteration, settings.readIteration, settings.readRounds(), () -> {
            });
            variantTable("3", r, "raw position paging", Kind.EVENTS);
            lines.add(new Line("3", "readAll, " + total / 1000 + "k events, pages of " + page, Kind.EVENTS, r.stats("ours readAll"),
                    "raw position paging", r.stats("raw position paging"), r.paired("ours readAll", "raw position paging"), null));
            explainReadAll(pool, ourSql, total);
        }
    }

    /** D4, printed with section 3: the plan of one readAll page in the middle of the table (the index must give the order). */
    private void explainReadAll(HikariDataSource pool, String ourSql, int total) throws SQLException {
        StringBuilder out = new StringBuilder(String.format(Locale.ROOT,
                "  D4 EXPLAIN (ANALYZE, BUFFERS) of one readAll page starting half-way through the %,d events:%n", total));
        try (Connection c = pool.getConnection()) {
            long tx, position;
            try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(
                    "SELECT transaction_id::text::bigint, global_position FROM events ORDER BY global_position OFFSET " + total / 2 + " LIMIT 1")) {
                rs.next();
                tx = rs.getLong(1);
                position = rs.getLong(2);
            }
            try (PreparedStatement ps = c.prepareStatement("EXPLAIN (ANALYZE, BUFFERS, COSTS OFF) " + ourSql)) {
                ps.setObject(1, tx);
                ps.setObject(2, position);
                ps.setObject(3, settings.pageSize);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) out.append("     ").append(rs.getString(1)).append('\n');
                }
            }
        }
        System.out.print(out);
        variantTables.add(out.toString());
    }

    // ================================================================ 4. aggregate load

    private void loads() throws Exception {
        int length = settings.streamLength, every = settings.snapshotEvery;
        section("4. Aggregate load of a " + String.format(Locale.ROOT, "%,d", length)
                + "-event stream through AggregateRepository, snapshot every " + every + " events; pool of 1");
        try (HikariDataSource pool = pg.pool("loader", 1)) {
            PostgresEventStore store = new PostgresEventStore(pool, serializer, null); // loads never notify
            SnapshotStore snapshots = new SnapshotStore(pool);
            AggregateRepository<SeatAvailability, SeatEvent> plain = new AggregateRepository<>(store, BenchModel.TYPE);
            AggregateRepository<SeatAvailability, SeatEvent> snapshotting =
                    new AggregateRepository<>(store, BenchModel.TYPE, snapshots, BenchModel.SNAPSHOTS, every);
            // Stream A: exactly `length` events, saved in batches of `every`: its last snapshot is at its last
            // event (the best case, nothing to replay). Stream B: one event short of `length`, so its last
            // snapshot is every-1 events behind (the worst case with this snapshot interval).
            UUID best = UUID.randomUUID(), worst = UUID.randomUUID();
            write(snapshotting, best, length, every);
            write(snapshotting, worst, length - 1, every);
            int worstReplay = (length - 1) % every;
            int worstVersion = length - 1;
            System.out.printf("    stream A %s: %,d events, snapshot at %,d; stream B %s: %,d events, snapshot at %,d%n",
                    best, length, snapshots.load(best).orElseThrow().version(),
                    worst, worstVersion, snapshots.load(worst).orElseThrow().version());
            String none = "ours, no snapshot", snapWorst = "ours, snapshot+" + worstReplay, snapBest = "ours, snapshot+0";
            String raw = "raw SELECT " + length + " rows";
            List<Variant> variants = List.of(
                    new Variant(raw, d -> Measure.repeat(d, () -> Workloads.rawLoad(pool, best, length))),
                    new Variant(none, d -> Measure.repeat(d, () -> Workloads.oursLoad(plain, best, length, length))),
                    new Variant(snapWorst, d -> Measure.repeat(d, () -> Workloads.oursLoad(snapshotting, worst, worstVersion, worstReplay))),
                    new Variant(snapBest, d -> Measure.repeat(d, () -> Workloads.oursLoad(snapshotting, best, length, 0))));
            Results r = Measure.alternate(variants, settings.readIteration, settings.readIteration, settings.readRounds(), () -> {
            });
            variantTable("4", r, raw, Kind.LOAD_MS);
            lines.add(new Line("4a", "load " + length + " events, no snapshot", Kind.LOAD_MS, r.stats(none),
                    raw, r.stats(raw), r.paired(none, raw), null));
            lines.add(new Line("4b", "load with snapshot, " + worstReplay + " replayed", Kind.LOAD_MS, r.stats(snapWorst),
                    raw, r.stats(raw), r.paired(snapWorst, raw), null));
            lines.add(new Line("4c", "snapshot speedup, " + worstReplay + " replayed", Kind.SPEEDUP, r.stats(snapWorst),
                    "no snapshot", r.stats(none), r.paired(snapWorst, none), 20.0));
            lines.add(new Line("4d", "snapshot speedup, 0 replayed", Kind.SPEEDUP, r.stats(snapBest),
                    "no snapshot", r.stats(none), r.paired(snapBest, none), null));
        }
    }

    /** Builds a stream through the repository, as an application would, in saves of up to {@code chunk} events. */
    private void write(AggregateRepository<SeatAvailability, SeatEvent> repository, UUID id, int events, int chunk) {
        Versioned<SeatAvailability> loaded = repository.load(id);
        while (loaded.version() < events) {
            int n = Math.min(chunk, events - loaded.version());
            AppendResult result = repository.save(loaded, Collections.nCopies(n, event), metadata);
            loaded = new Versioned<>(id, loaded.aggregate(), result.version());
        }
    }

    // ================================================================ diagnostics

    /**
     * Where an append's time goes, measured without the commit (whose WAL flush dominates and is the same for
     * ours and raw): statements inside one open transaction, rolled back; the Java work per append; the plans.
     */
    private void diagnostics() throws Exception {
        section("D. Diagnostics: where a single-event append spends its time, without the commit");
        int n = settings.quick ? 200 : 2000;
        try (HikariDataSource pool = pg.pool("diagnostics", 1)) {
            PostgresEventStore quiet = new PostgresEventStore(pool, serializer, null);
            TransactionTemplate tx = new TransactionTemplate(new DataSourceTransactionManager(pool));
            String appendOne = Workloads.onTable(Workloads.ourSql("APPEND_ONE"), "events_diag_checked");
            String insert = "INSERT INTO events_diag (" + Workloads.COLUMNS + ") VALUES " + Workloads.VALUES;
            String insertNoIndex = insert.replace("events_diag", "events_diag_noindex");
            String insertReturning = insert + " RETURNING global_position";
            Map<String, Measure.Task> tasks = new LinkedHashMap<>();
            tasks.put("ours: store.append in a tx", d -> inRolledBackTx(d, tx, n, (stream, v) -> {
                quiet.append(stream, BenchModel.STREAM_TYPE, v, List.of(event), metadata);
            }));
            tasks.put("raw + our SQL in a tx", d -> inRolledBackTx(d, tx, n, (stream, v) -> {
                Workloads.RawCheckedWriter.bindAndRun(connection(pool), appendOne, stream, v, row);
            }));
            tasks.put("raw INSERT..RETURNING in a tx", d -> inRolledBackTx(d, tx, n, (stream, v) -> rawInsert(pool, insertReturning, stream, v, true)));
            tasks.put("raw INSERT in a tx", d -> inRolledBackTx(d, tx, n, (stream, v) -> rawInsert(pool, insert, stream, v, false)));
            tasks.put("raw INSERT, no commit-order index", d -> inRolledBackTx(d, tx, n, (stream, v) -> rawInsert(pool, insertNoIndex, stream, v, false)));
            List<Variant> variants = tasks.entrySet().stream().map(e -> new Variant(e.getKey(), e.getValue())).toList();
            int rounds = settings.quick ? 3 : 9;
            System.out.println("    one round: " + n + " single-event appends in one transaction, rolled back; warm-up "
                    + human(settings.warmup) + " of rounds per variant, then " + rounds + " rounds each, ABBA");
            Results r = Measure.alternate(variants, settings.warmup, Duration.ZERO, rounds, () -> {
            });
            StringBuilder t = new StringBuilder();
            t.append(String.format(Locale.ROOT, "  D1 per-statement cost inside one transaction (no commit), median of %d rounds:%n", rounds));
            double rawUs = 1e6 / r.stats("raw INSERT in a tx").median();
            for (String name : r.rates.keySet()) {
                double us = 1e6 / r.stats(name).median();
                t.append(String.format(Locale.ROOT, "     %-36s %8.1f us/append   %+7.1f us vs raw INSERT (x%.2f)%n",
                        name, us, us - rawUs, us / rawUs));
            }

            // D2: the Java work of one append that raw code does not do, with no database involved.
            t.append(javaWork(pool));

            // D3: the plans, measured by the server.
            t.append(explain(pool, appendOne, insert));
            System.out.print(t);
            variantTables.add(t.toString());
        }
    }

    @FunctionalInterface
    private interface AppendCall {
        void append(UUID stream, int expectedVersion) throws Exception;
    }

    /** Rounds of {@link #inRolledBackTx(TransactionTemplate, int, AppendCall)} for the duration (at least one). */
    private static Measure.Sample inRolledBackTx(Duration duration, TransactionTemplate tx, int n, AppendCall call) {
        long end = System.nanoTime() + duration.toNanos();
        double units = 0;
        long nanos = 0;
        do {
            Measure.Sample round = inRolledBackTx(tx, n, call);
            units += round.units();
            nanos += round.nanos();
        } while (System.nanoTime() < end);
        return new Measure.Sample(units, nanos);
    }

    /** n appends over 64 fresh streams in one transaction (rolled back), timed from first to last statement. */
    private static Measure.Sample inRolledBackTx(TransactionTemplate tx, int n, AppendCall call) {
        UUID[] streams = new UUID[64];
        for (int i = 0; i < streams.length; i++) streams[i] = UUID.randomUUID();
        int[] versions = new int[streams.length];
        long[] nanos = new long[1];
        tx.executeWithoutResult(status -> {
            long start = System.nanoTime();
            try {
                for (int k = 0; k < n; k++) {
                    int i = k % streams.length;
                    call.append(streams[i], versions[i]);
                    versions[i]++;
                }
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
            nanos[0] = System.nanoTime() - start;
            status.setRollbackOnly();
        });
        return new Measure.Sample(n, nanos[0]);
    }

    /** The connection bound to the current Spring transaction. */
    private static Connection connection(HikariDataSource pool) {
        return org.springframework.jdbc.datasource.DataSourceUtils.getConnection(pool);
    }

    private void rawInsert(HikariDataSource pool, String sql, UUID stream, int expected, boolean returning) throws SQLException {
        try (PreparedStatement ps = connection(pool).prepareStatement(sql)) {
            ps.setObject(1, stream);
            ps.setString(2, BenchModel.STREAM_TYPE);
            ps.setObject(3, expected + 1);
            ps.setString(4, row.eventType());
            ps.setObject(5, row.schemaVersion());
            ps.setObject(6, UUID.randomUUID());
            ps.setString(7, row.payloadJson());
            Workloads.bindMetadata(ps, 8, row);
            if (returning) {
                try (ResultSet rs = ps.executeQuery()) {
                    if (!rs.next()) throw new IllegalStateException("no row");
                }
            } else if (ps.executeUpdate() != 1) {
                throw new IllegalStateException("no row");
            }
        }
    }

    private String javaWork(HikariDataSource pool) throws SQLException {
        int rounds = settings.quick ? 20_000 : 200_000;
        long sink = 0;
        double[] eventNs = new double[3], uuidNs = new double[3];
        for (int round = 0; round < 4; round++) { // round 0 warms up
            long t1 = System.nanoTime();
            for (int i = 0; i < rounds; i++) sink += serializer.serialize(event).json().length();
            long t2 = System.nanoTime();
            for (int i = 0; i < rounds; i++) sink += UUID.randomUUID().getLeastSignificantBits() & 1;
            long t3 = System.nanoTime();
            if (round > 0) {
                eventNs[round - 1] = (t2 - t1) / (double) rounds;
                uuidNs[round - 1] = (t3 - t2) / (double) rounds;
            }
        }
        int n = settings.batchSize;
        int batches = settings.quick ? 200 : 2000;
        double[] batchNs = new double[3];
        try (Connection c = pool.getConnection()) {
            for (int round = 0; round < 4; round++) {
                long t0 = System.nanoTime();
                for (int b = 0; b < batches; b++) {
                    Integer[] versions = new Integer[n], schemas = new Integer[n];
                    String[] types = new String[n], payloads = new String[n];
                    UUID[] ids = new UUID[n];
                    for (int i = 0; i < n; i++) {
                        EventSerializer.Serialized s = serializer.serialize(event);
                        versions[i] = i + 1;
                        types[i] = s.type();
                        schemas[i] = s.schemaVersion();
                        ids[i] = UUID.randomUUID();
                        payloads[i] = s.json();
                    }
                    sink += Workloads.ourArrays(c, versions, types, schemas, ids, payloads).length;
                }
                if (round > 0) batchNs[round - 1] = (System.nanoTime() - t0) / (double) batches;
            }
        }
        blackhole = sink;
        double ev = Measure.median(eventNs) / 1000, uuid = Measure.median(uuidNs) / 1000;
        return String.format(Locale.ROOT, """
                  D2 Java work per append that the raw writers do not do (no database; median of 3 rounds):
                     event -> JSON %.2f us, UUID.randomUUID %.2f us: %.2f us per single-event append
                     %d events -> JSON + 5 JDBC arrays (client-side array literal encoding): %.1f us per %d-event append
                """, ev, uuid, ev + uuid, n, Measure.median(batchNs) / 1000, n);
    }

    private String explain(HikariDataSource pool, String appendOne, String insert) throws SQLException {
        StringBuilder out = new StringBuilder("  D3 EXPLAIN (ANALYZE, BUFFERS, WAL) of one append to a stream at version 50, rolled back:\n");
        UUID stream = UUID.randomUUID();
        try (Connection c = pool.getConnection()) {
            c.setAutoCommit(false);
            try {
                for (int v = 0; v < 50; v++) Workloads.RawCheckedWriter.bindAndRun(c, appendOne, stream, v, row);
                // the same stream in the raw table
                for (int v = 0; v < 50; v++) bindInsert(c, insert, stream, v);
                for (String[] q : new String[][]{{"our APPEND_ONE", appendOne}, {"raw INSERT", insert}}) {
                    out.append("     -- ").append(q[0]).append('\n');
                    try (PreparedStatement ps = c.prepareStatement("EXPLAIN (ANALYZE, BUFFERS, WAL, COSTS OFF) " + q[1])) {
                        bindAppend(ps, stream, 50, q[1].contains("WHERE"));
                        try (ResultSet rs = ps.executeQuery()) {
                            while (rs.next()) out.append("     ").append(rs.getString(1)).append('\n');
                        }
                    }
                }
            } finally {
                c.rollback();
                c.setAutoCommit(true);
            }
        }
        return out.toString();
    }

    private void bindInsert(Connection c, String sql, UUID stream, int expected) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            bindAppend(ps, stream, expected, false);
            ps.executeUpdate();
        }
    }

    private void bindAppend(PreparedStatement ps, UUID stream, int expected, boolean checked) throws SQLException {
        ps.setObject(1, stream);
        ps.setString(2, BenchModel.STREAM_TYPE);
        ps.setObject(3, expected + 1);
        ps.setString(4, row.eventType());
        ps.setObject(5, row.schemaVersion());
        ps.setObject(6, UUID.randomUUID());
        ps.setString(7, row.payloadJson());
        Workloads.bindMetadata(ps, 8, row);
        if (checked) { // our APPEND_ONE's version check: expected, then (stream, expected) for the EXISTS
            ps.setInt(11, expected);
            ps.setObject(12, stream);
            ps.setInt(13, expected);
        }
    }

    // ================================================================ set-up

    /**
     * The diagnostics' tables: copies of the events table with the same columns, defaults, identity, constraints
     * and indexes (one without the commit-order index), checked to be identical.
     */
    private void createReferenceTables() throws SQLException {
        List<String> tables = List.of("events_diag", "events_diag_checked", "events_diag_noindex");
        try (Connection c = admin.getConnection(); Statement st = c.createStatement()) {
            for (String t : tables) st.execute("CREATE TABLE " + t + " (LIKE events INCLUDING ALL)");
            st.execute("DROP INDEX events_diag_noindex_transaction_id_global_position_idx");
            String original = shape(c, "events");
            for (String t : tables) {
                if (t.equals("events_diag_noindex")) continue;
                String copy = shape(c, t);
                if (!copy.equals(original)) {
                    throw new IllegalStateException("Reference table " + t + " differs from events:\n" + copy + "\nvs\n" + original);
                }
            }
            System.out.println("Event table (each variant of sections 1 and 2 has one, in a database of its own; the"
                    + " diagnostics use copies made with LIKE events INCLUDING ALL, checked identical):\n  " + original);
        }
    }

    /** Columns with types, defaults and identity; constraints; index definitions: what must match. */
    private static String shape(Connection c, String table) throws SQLException {
        String sql = """
                SELECT (SELECT string_agg(column_name || ' ' || data_type || coalesce(' default ' || column_default, '')
                                          || CASE WHEN is_identity = 'YES' THEN ' identity' ELSE '' END
                                          || CASE WHEN is_nullable = 'NO' THEN ' not null' ELSE '' END, ', ' ORDER BY ordinal_position)
                        FROM information_schema.columns WHERE table_name = ?)
                    || ' | constraints: ' ||
                       (SELECT string_agg(pg_get_constraintdef(oid), ', ' ORDER BY pg_get_constraintdef(oid))
                        FROM pg_constraint WHERE conrelid = ?::regclass)
                    || ' | indexes: ' ||
                       (SELECT string_agg(regexp_replace(indexdef, '^.*USING ', ''), ', ' ORDER BY regexp_replace(indexdef, '^.*USING ', ''))
                        FROM pg_indexes WHERE tablename = ?)""";
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, table);
            ps.setString(2, table);
            ps.setString(3, table);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getString(1);
            }
        }
    }

    private void checkpoint() {
        try (Connection c = admin.getConnection(); Statement st = c.createStatement()) {
            st.execute("CHECKPOINT");
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private long count(String sql) throws SQLException {
        try (Connection c = admin.getConnection(); Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private String machine() {
        Runtime rt = Runtime.getRuntime();
        String cpu = "";
        try {
            cpu = Files.readAllLines(Path.of("/proc/cpuinfo")).stream().filter(l -> l.startsWith("model name"))
                    .findFirst().map(l -> ", " + l.substring(l.indexOf(':') + 1).trim()).orElse("");
        } catch (Exception ignored) {
            // not Linux
        }
        return String.format(Locale.ROOT, "Machine: %d cores%s; %s %s %s; load average at start %.2f%nJVM: %s %s (%s), max heap %d MB",
                rt.availableProcessors(), cpu, System.getProperty("os.name"), System.getProperty("os.version"),
                System.getProperty("os.arch"), ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage(),
                System.getProperty("java.vm.name"), System.getProperty("java.runtime.version"),
                System.getProperty("java.vm.vendor"), rt.maxMemory() >> 20);
    }

    private String postgres() throws SQLException {
        try (Connection c = admin.getConnection(); Statement st = c.createStatement(); ResultSet rs = st.executeQuery("""
                SELECT version(), current_setting('fsync'), current_setting('synchronous_commit'),
                       current_setting('full_page_writes'), current_setting('wal_sync_method'),
                       current_setting('shared_buffers'), current_setting('max_wal_size')""")) {
            rs.next();
            if (!"on".equals(rs.getString(2)) || !"on".equals(rs.getString(3))) {
                throw new IllegalStateException("PostgreSQL is not durable: fsync=" + rs.getString(2)
                        + ", synchronous_commit=" + rs.getString(3));
            }
            String version = rs.getString(1);
            return String.format("PostgreSQL: %s%n  own embedded server (zonky binaries), data in %s; fsync=%s, synchronous_commit=%s,"
                            + " full_page_writes=%s, wal_sync_method=%s, shared_buffers=%s, max_wal_size=%s",
                    version.substring(0, version.indexOf(" on ") > 0 ? version.indexOf(" on ") : version.length()),
                    pg.dataDirectory(), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
                    rs.getString(6), rs.getString(7));
        }
    }

    // ================================================================ output

    static void section(String title) {
        System.out.println();
        System.out.println("== " + title);
    }

    /** All variants of one comparison against its reference, printed now and again at the end. */
    private void variantTable(String no, Results r, String reference, Kind kind) {
        StringBuilder t = new StringBuilder();
        t.append(String.format(Locale.ROOT, "  %-3s %-34s %-32s %s%n", no, "variant", "median [min-max] " + unit(kind),
                "vs " + reference + ": median of per-round ratios (min-max)"));
        for (String name : r.rates.keySet()) {
            Stats s = r.stats(name);
            double[] p = r.paired(name, reference);
            t.append(String.format(Locale.ROOT, "      %-34s %-32s %s%n", name, cell(kind, s),
                    name.equals(reference) ? "reference" : pct(Measure.median(p))
                            + " (" + pct(Arrays.stream(p).min().orElseThrow()) + "-" + pct(Arrays.stream(p).max().orElseThrow()) + ")"));
        }
        System.out.print(t);
        variantTables.add(t.toString());
    }

    /** Linux pressure stall information: microseconds in which some task waited for the resource (-1 if unknown). */
    private static long pressureTotal(String resource) {
        try {
            String some = Files.readAllLines(Path.of("/proc/pressure/" + resource)).getFirst();
            return Long.parseLong(some.substring(some.indexOf("total=") + 6).trim());
        } catch (Exception unavailable) {
            return -1;
        }
    }

    /** Share of the run's wall time in which some task on the machine waited for the resource. */
    private static String pressure(String resource, long before, Duration took) {
        long after = pressureTotal(resource);
        if (before < 0 || after < 0) return "n/a";
        return String.format(Locale.ROOT, "%.0f%%", 100.0 * (after - before) / (took.toNanos() / 1000.0));
    }

    private void printSummary(Duration took, double loadBefore, double loadAfter, String cpuPressure, String ioPressure) {
        System.out.println();
        System.out.println("== Variants (all measured above; ratio = median of the per-round ratios, their range in brackets)");
        variantTables.forEach(System.out::print);
        System.out.println();
        System.out.printf(Locale.ROOT, "== Summary: ours vs reference, same run (%s wall time; %d cores; load average %.2f at start, %.2f at end;"
                        + " CPU pressure %s, IO pressure %s of the run, this benchmark included)%n",
                human(took), Runtime.getRuntime().availableProcessors(), loadBefore, loadAfter, cpuPressure, ioPressure);
        String header = String.format(Locale.ROOT, "%-3s %-46s %-28s %-26s %-28s %-24s %-7s %s",
                "#", "measurement", "ours: median [min-max]", "reference", "reference: median [min-max]",
                "ratio* (per-round range)", "target", "result");
        System.out.println(header);
        System.out.println("-".repeat(header.length()));
        for (Line l : lines) {
            double lo = Arrays.stream(l.paired).min().orElseThrow(), hi = Arrays.stream(l.paired).max().orElseThrow();
            boolean speedup = l.kind == Kind.SPEEDUP;
            String ratio = speedup ? String.format(Locale.ROOT, "%.1fx (%.1f-%.1f)", l.ratio(), lo, hi)
                    : pct(l.ratio()) + " (" + pct(lo) + "-" + pct(hi) + ")";
            String target = l.target == null ? "info" : speedup ? String.format(Locale.ROOT, ">= %.0fx", l.target) : ">= " + pct(l.target);
            String result = l.target == null ? "-" : l.ratio() >= l.target ? "PASS" : "MISS";
            Kind cellKind = speedup ? Kind.LOAD_MS : l.kind;
            System.out.printf(Locale.ROOT, "%-3s %-46s %-28s %-26s %-28s %-24s %-7s %s%n", l.no,
                    l.what + " (" + unit(cellKind) + ")", cell(cellKind, l.ours), l.reference, cell(cellKind, l.ref),
                    ratio, target, result);
        }
        System.out.println();
        for (Line l : lines) {
            if (l.target == null) continue;
            boolean speedup = l.kind == Kind.SPEEDUP;
            String got = speedup ? String.format(Locale.ROOT, "%.1fx", l.ratio()) : pct(l.ratio());
            String want = speedup ? String.format(Locale.ROOT, "%.0fx", l.target) : pct(l.target);
            System.out.printf(Locale.ROOT, "%s %s: %s %s (target >= %s)%n", l.ratio() >= l.target ? "PASS" : "MISS", l.no, l.what, got, want);
        }
        System.out.println("* ratio: ours / reference throughput (for loads: reference time / our time) in each round, median over"
                + " the rounds; above 100% ours is faster. PASS/MISS is informative: the exit code does not depend on it.");
    }

    private static String unit(Kind kind) {
        return switch (kind) {
            case APPENDS -> "appends/s";
            case EVENTS -> "events/s";
            case LOAD_MS, SPEEDUP -> "ms/load";
        };
    }

    private static String cell(Kind kind, Stats s) {
        if (kind == Kind.LOAD_MS || kind == Kind.SPEEDUP) {
            return String.format(Locale.ROOT, "%s [%s-%s]", ms(1000 / s.median()), ms(1000 / s.max()), ms(1000 / s.min()));
        }
        return String.format(Locale.ROOT, "%,.0f [%,.0f-%,.0f]", s.median(), s.min(), s.max());
    }

    private static String ms(double ms) {
        return String.format(Locale.ROOT, ms < 1 ? "%.3f" : ms < 10 ? "%.2f" : "%.1f", ms);
    }

    private static String pct(double ratio) {
        return String.format(Locale.ROOT, "%.0f%%", ratio * 100);
    }

    private static String human(Duration d) {
        long ms = d.toMillis();
        return ms % 1000 == 0 && ms < 60_000 ? ms / 1000 + " s" : ms < 60_000 ? String.format(Locale.ROOT, "%.2f s", ms / 1000.0)
                : String.format(Locale.ROOT, "%d min %d s", ms / 60_000, (ms % 60_000) / 1000);
    }
}

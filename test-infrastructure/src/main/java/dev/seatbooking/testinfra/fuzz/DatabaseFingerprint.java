package dev.seatbooking.testinfra.fuzz;

import org.awaitility.Awaitility;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A digest of every row of every table of a database (all schemas but PostgreSQL's own), to show that requests
 * changed nothing: the event store's streams, the outbox, the read tables, all compared before and after.
 */
public final class DatabaseFingerprint {

    private DatabaseFingerprint() {
    }

    /** {@code schema.table} → md5 of its rows in a stable order; tables named in {@code ignored} are left out. */
    public static Map<String, String> of(DataSource dataSource, Set<String> ignored) throws SQLException {
        Map<String, String> digests = new TreeMap<>();
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            List<String> tables = new ArrayList<>();
            try (ResultSet rows = statement.executeQuery("""
                    SELECT quote_ident(table_schema) || '.' || quote_ident(table_name) FROM information_schema.tables
                    WHERE table_type = 'BASE TABLE' AND table_schema NOT IN ('pg_catalog', 'information_schema')""")) {
                while (rows.next()) tables.add(rows.getString(1));
            }
            for (String table : tables) {
                if (ignored.contains(table) || ignored.contains(table.substring(table.indexOf('.') + 1))) continue;
                try (ResultSet rows = statement.executeQuery("SELECT count(*) || ':' || coalesce(md5(string_agg(t::text, "
                        + "'|' ORDER BY t::text)), '') FROM " + table + " t")) {
                    rows.next();
                    digests.put(table, rows.getString(1));
                }
            }
        }
        return digests;
    }

    /**
     * The fingerprint once a test's seeding has had its asynchronous effects (consumers, relays, senders): two taken
     * a moment apart agree. Waits at most {@code atMost}.
     */
    public static Map<String, String> settled(DataSource dataSource, Set<String> ignored, Duration atMost) {
        AtomicReference<Map<String, String>> last = new AtomicReference<>(Map.of());
        return Awaitility.await("the database settled").atMost(atMost).pollInterval(Duration.ofMillis(400)).until(() -> {
            Map<String, String> now = of(dataSource, ignored);
            return now.equals(last.getAndSet(now)) ? now : null;
        }, Objects::nonNull);
    }
}

package dev.seatbooking.launcher.benchmark;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.TreeMap;

/**
 * What the platform's PostgreSQL did per database, from {@code pg_stat_database}: transactions committed (read-only
 * ones too: every query is one) and rows written (inserted, updated, deleted), so that its CPU per order can be read
 * as "how much each service asks of it per order"; and the WAL it wrote (every database's, and row locks', which
 * write no row). Backends report their counts at most once a second, so a phase's last second may count
 * in the next one; over thousands of orders that is noise.
 */
record PostgresTransactions(Map<String, long[]> byDatabase, long walBytes) {

    private static final String QUERY = """
            SELECT datname, xact_commit, tup_inserted + tup_updated + tup_deleted
            FROM pg_stat_database WHERE datname IN ('conference', 'registration', 'payments', 'readmodel')""";

    private static final String WAL = "SELECT pg_wal_lsn_diff(pg_current_wal_lsn(), '0/0')::bigint";

    static PostgresTransactions now(String jdbcUrl, String user, String password) throws SQLException {
        Map<String, long[]> counts = new TreeMap<>();
        try (Connection connection = DriverManager.getConnection(jdbcUrl, user, password);
             Statement statement = connection.createStatement()) {
            try (ResultSet rows = statement.executeQuery(QUERY)) {
                while (rows.next()) counts.put(rows.getString(1), new long[]{rows.getLong(2), rows.getLong(3)});
            }
            try (ResultSet wal = statement.executeQuery(WAL)) {
                wal.next();
                return new PostgresTransactions(counts, wal.getLong(1));
            }
        }
    }

    PostgresTransactions minus(PostgresTransactions before) {
        Map<String, long[]> difference = new TreeMap<>();
        byDatabase.forEach((database, counts) -> {
            long[] earlier = before.byDatabase.getOrDefault(database, new long[2]);
            difference.put(database, new long[]{counts[0] - earlier[0], counts[1] - earlier[1]});
        });
        return new PostgresTransactions(difference, walBytes - before.walBytes);
    }

    void print(int orders) {
        StringBuilder line = new StringBuilder("PostgreSQL per order       transactions (reads too) / rows written:");
        long commits = 0;
        long rows = 0;
        for (Map.Entry<String, long[]> database : byDatabase.entrySet()) {
            line.append(String.format(" %s %.1f / %.1f,", database.getKey(), (double) database.getValue()[0] / orders,
                    (double) database.getValue()[1] / orders));
            commits += database.getValue()[0];
            rows += database.getValue()[1];
        }
        System.out.println(line.append(String.format(" all %.1f / %.1f; WAL %.0f bytes", (double) commits / orders,
                (double) rows / orders, (double) walBytes / orders)));
    }
}

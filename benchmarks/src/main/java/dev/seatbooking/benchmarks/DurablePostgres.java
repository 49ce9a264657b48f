package dev.seatbooking.benchmarks;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * The benchmark's own PostgreSQL 17 (zonky's real binaries), data in a fresh temporary directory, with
 * PostgreSQL's default durability. Not the tests' server: that one runs with fsync and synchronous_commit
 * off. zonky itself defaults synchronous_commit to off, so the durable settings are set explicitly here and
 * read back ({@link #settings}) before anything is measured.
 */
final class DurablePostgres implements AutoCloseable {

    static final String DATABASE = "eventstore_bench";

    private final EmbeddedPostgres pg;
    private final Path dataDirectory;

    private DurablePostgres(EmbeddedPostgres pg, Path dataDirectory) {
        this.pg = pg;
        this.dataDirectory = dataDirectory;
    }

    static DurablePostgres start() throws IOException, SQLException {
        Path data = Files.createTempDirectory("eventstore-bench-pg");
        EmbeddedPostgres pg = EmbeddedPostgres.builder()
                .setDataDirectory(data)
                .setCleanDataDirectory(true)
                // PostgreSQL's defaults, stated because zonky's builder turns synchronous_commit off.
                .setServerConfig("fsync", "on")
                .setServerConfig("synchronous_commit", "on")
                .setServerConfig("full_page_writes", "on")
                .setServerConfig("max_connections", "100")
                .start();
        DurablePostgres server = new DurablePostgres(pg, data);
        try (Connection c = DriverManager.getConnection(pg.getJdbcUrl("postgres", "postgres"), "postgres", "postgres");
             Statement st = c.createStatement()) {
            st.execute("CREATE DATABASE " + DATABASE);
        }
        return server;
    }

    String jdbcUrl(String database) {
        return pg.getJdbcUrl("postgres", database);
    }

    Path dataDirectory() {
        return dataDirectory;
    }

    /** A plain connection to the postgres database (server-wide queries such as the WAL position). */
    Connection connection() throws SQLException {
        return DriverManager.getConnection(pg.getJdbcUrl("postgres", "postgres"), "postgres", "postgres");
    }

    /** Another empty database on the same server. */
    void createDatabase(String name) throws SQLException {
        try (Connection c = DriverManager.getConnection(pg.getJdbcUrl("postgres", "postgres"), "postgres", "postgres");
             Statement st = c.createStatement()) {
            st.execute("CREATE DATABASE " + name);
        }
    }

    /** A fixed-size pool on the benchmark database: {@code size} connections, opened up front. */
    HikariDataSource pool(String name, int size) {
        return pool(name, size, DATABASE);
    }

    HikariDataSource pool(String name, int size, String database) {
        return pool(name, size, database, null);
    }

    /** A pool whose connections run {@code initSql} (e.g. a session setting) when opened. */
    HikariDataSource pool(String name, int size, String database, String initSql) {
        HikariConfig config = new HikariConfig();
        if (initSql != null) config.setConnectionInitSql(initSql);
        config.setJdbcUrl(pg.getJdbcUrl("postgres", database));
        config.setUsername("postgres");
        config.setPassword("postgres");
        config.setPoolName(name);
        config.setMaximumPoolSize(size);
        config.setMinimumIdle(size);
        return new HikariDataSource(config);
    }

    @Override
    public void close() throws IOException {
        pg.close();
    }
}

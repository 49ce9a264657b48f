package dev.seatbooking.launcher;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

/**
 * A real PostgreSQL (zonky's embedded binaries) whose data directory is kept: the first start runs initdb, later
 * starts find the cluster as it was left. One database per service, created if missing.
 */
final class EmbeddedPostgresServer implements AutoCloseable {

    static final String USER = "postgres";
    static final String PASSWORD = "postgres";

    private final EmbeddedPostgres postgres;
    private final int port;

    private EmbeddedPostgresServer(EmbeddedPostgres postgres, int port) {
        this.postgres = postgres;
        this.port = port;
    }

    static EmbeddedPostgresServer start(Path dataDir, int port, Path logFile) throws IOException {
        Files.createDirectories(dataDir);
        OrphanPostmaster.stopIfRunning(dataDir);
        EmbeddedPostgres postgres = EmbeddedPostgres.builder()
                .setDataDirectory(dataDir)
                .setCleanDataDirectory(false)
                .setPort(port)
                .setServerConfig("max_connections", "200")
                // zonky turns synchronous_commit off (fine for tests): a commit would then be answered before its WAL
                // is written, and a PostgreSQL killed with the platform could lose orders it had accepted.
                .setServerConfig("synchronous_commit", "on")
                .setOutputRedirector(ProcessBuilder.Redirect.appendTo(logFile.toFile()))
                .setErrorRedirector(ProcessBuilder.Redirect.appendTo(logFile.toFile()))
                .start();
        return new EmbeddedPostgresServer(postgres, port);
    }

    void createDatabases(List<String> names) throws SQLException {
        try (Connection connection = DriverManager.getConnection(jdbcUrl("postgres"), USER, PASSWORD);
             Statement statement = connection.createStatement()) {
            for (String name : names) {
                try (ResultSet exists = statement.executeQuery(
                        "select 1 from pg_database where datname = '" + name + "'")) {
                    if (exists.next()) continue;
                }
                statement.execute("create database \"" + name + "\"");
            }
        }
    }

    String jdbcUrl(String database) {
        return "jdbc:postgresql://localhost:" + port + "/" + database;
    }

    int port() {
        return port;
    }

    @Override
    public void close() throws IOException {
        postgres.close();
    }
}

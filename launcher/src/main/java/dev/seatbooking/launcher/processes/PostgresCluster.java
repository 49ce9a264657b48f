package dev.seatbooking.launcher.processes;

import dev.seatbooking.launcher.FreePorts;
import dev.seatbooking.launcher.Platform;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import io.zonky.test.db.postgres.util.LinuxUtils;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Properties;

/**
 * PostgreSQL as compose's {@code postgres} service has it, from zonky's embedded binaries (the same PostgreSQL 17 the
 * tests use, no installation needed): on an empty data directory the image's entrypoint work is done once — initdb,
 * the superuser's password ({@code POSTGRES_PASSWORD}), {@code docker/postgres/init.sql}, password authentication
 * for TCP connections —, then {@code postgres} itself runs as the platform's child process with PostgreSQL's own
 * defaults (zonky's test settings, such as {@code synchronous_commit=off}, are not used: a crash must lose nothing
 * committed).
 */
final class PostgresCluster {

    private static final String BINARIES_FILE = "postgres-binaries";
    private static final String SUPERUSER = "postgres";

    private final Path dataDir;
    private final Path log;
    private final String user;
    private final String password;

    /**
     * @param dataDir     the platform's data directory: the cluster is in {@code postgres/} there
     * @param environment compose's environment of the postgres service ({@code POSTGRES_USER}, {@code POSTGRES_PASSWORD})
     */
    PostgresCluster(Path dataDir, Path log, Map<String, String> environment) {
        this.dataDir = dataDir;
        this.log = log;
        this.user = environment.getOrDefault("POSTGRES_USER", SUPERUSER);
        this.password = environment.get("POSTGRES_PASSWORD");
        if (!user.equals(SUPERUSER)) {
            throw new IllegalArgumentException("POSTGRES_USER must be " + SUPERUSER + " (initdb's superuser here)");
        }
        if (password == null) throw new IllegalArgumentException("compose gives postgres no POSTGRES_PASSWORD");
    }

    Path directory() {
        return dataDir.resolve("postgres");
    }

    /** Makes the cluster on first use, and returns the command line that runs it on {@code port}. */
    List<String> prepare(Path initSql, int port) throws IOException, SQLException {
        Path bin = knownBinaries();
        if (!Files.exists(directory().resolve("PG_VERSION"))) {
            bin = initialise(initSql);
        } else if (bin == null) {
            bin = discoverBinaries();
        }
        Files.writeString(dataDir.resolve(BINARIES_FILE), bin.toString(), StandardCharsets.UTF_8);
        List<String> command = new ArrayList<>();
        // As root (in a container, say), PostgreSQL refuses to run: zonky runs it in a user namespace, so do we.
        if (LinuxUtils.isUnshareAvailable()) command.addAll(List.of("unshare", "-U"));
        command.addAll(List.of(bin.resolve("postgres").toString(), "-D", directory().toString(),
                // compose's container listens on its own network; here the loopback interface is that network
                "-p", Integer.toString(port), "-c", "listen_addresses=" + LocalNetwork.LOOPBACK,
                // every client connects over TCP; no socket file in a directory that may not exist here
                "-c", "unix_socket_directories="));
        return command;
    }

    String jdbcUrl(int port, String database) {
        return "jdbc:postgresql://" + LocalNetwork.LOOPBACK + ":" + port + "/" + database;
    }

    /** As compose's health check ({@code pg_isready -U postgres}): the superuser can connect. */
    ManagedProcess.Readiness readiness(int port) {
        return () -> {
            Properties properties = new Properties();
            properties.setProperty("user", user);
            properties.setProperty("password", password);
            properties.setProperty("connectTimeout", "2");
            properties.setProperty("socketTimeout", "5");
            try (Connection connection = DriverManager.getConnection(jdbcUrl(port, "postgres"), properties)) {
                return connection.isValid(5);
            }
        };
    }

    private Path knownBinaries() throws IOException {
        Path file = dataDir.resolve(BINARIES_FILE);
        if (!Files.exists(file)) return null;
        Path bin = Path.of(Files.readString(file, StandardCharsets.UTF_8).trim());
        return Files.isExecutable(bin.resolve("postgres")) ? bin : null;
    }

    /** What the postgres image's entrypoint does on an empty volume. */
    private Path initialise(Path initSql) throws IOException, SQLException {
        Files.createDirectories(directory());
        try (EmbeddedPostgres initial = zonky(directory())) {
            try (Connection connection = DriverManager.getConnection(
                    initial.getJdbcUrl(SUPERUSER, "postgres"), SUPERUSER, "");
                 Statement statement = connection.createStatement()) {
                statement.execute("ALTER ROLE " + SUPERUSER + " PASSWORD '" + password.replace("'", "''") + "'");
                for (String sql : statements(Files.readString(initSql, StandardCharsets.UTF_8))) statement.execute(sql);
            }
            Path bin = binariesOf(directory());
            // The image trusts local (socket) connections and wants a password over TCP; so here.
            Files.writeString(directory().resolve("pg_hba.conf"), """
                    # Written by the multi-process platform as the postgres image writes it: a password over TCP.
                    local all all trust
                    host all all 127.0.0.1/32 scram-sha-256
                    host all all ::1/128 scram-sha-256
                    """, StandardCharsets.UTF_8);
            return bin;
        }
    }

    /** Where zonky keeps its binaries (extracted once per machine): found by starting it on a scratch directory. */
    private Path discoverBinaries() throws IOException {
        Path scratch = Files.createTempDirectory("postgres-binaries");
        try (EmbeddedPostgres probe = zonky(scratch)) {
            return binariesOf(scratch);
        } finally {
            Platform.deleteRecursively(scratch);
        }
    }

    private EmbeddedPostgres zonky(Path directory) throws IOException {
        return EmbeddedPostgres.builder()
                .setDataDirectory(directory)
                .setCleanDataDirectory(false)
                .setPort(FreePorts.next())
                .setOutputRedirector(ProcessBuilder.Redirect.appendTo(log.toFile()))
                .setErrorRedirector(ProcessBuilder.Redirect.appendTo(log.toFile()))
                .start();
    }

    /** The binaries of the postmaster running on {@code directory} (its pid is postmaster.pid's first line). */
    private static Path binariesOf(Path directory) throws IOException {
        long pid = Long.parseLong(Files.readAllLines(directory.resolve("postmaster.pid")).getFirst().trim());
        String command = ProcessHandle.of(pid).flatMap(p -> p.info().command())
                .orElseThrow(() -> new IllegalStateException("No command line for postmaster " + pid));
        return Path.of(command).getParent();
    }

    /** init.sql's statements: one per {@code ;}, comment lines left out (it has no strings with semicolons). */
    static List<String> statements(String sql) {
        StringBuilder withoutComments = new StringBuilder();
        for (String line : sql.split("\n")) {
            if (!line.strip().startsWith("--")) withoutComments.append(line).append('\n');
        }
        return Arrays.stream(withoutComments.toString().split(";"))
                .map(String::strip).filter(s -> !s.isEmpty()).toList();
    }
}

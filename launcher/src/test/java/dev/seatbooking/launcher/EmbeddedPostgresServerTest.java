package dev.seatbooking.launcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EmbeddedPostgresServerTest {

    @TempDir
    Path data;

    /**
     * A launcher killed with SIGKILL leaves its PostgreSQL running: here a postmaster started on the cluster by hand,
     * owned by nobody, as the dead JVM's would be. The next start stops that orphan and runs a server of its own on the
     * same cluster, data kept.
     */
    @Test
    void a_start_on_a_directory_whose_postgres_outlived_its_launcher_stops_that_one_and_keeps_the_data() throws Exception {
        Path cluster = data.resolve("postgres");
        Path log = data.resolve("postgres.log");
        int port = FreePorts.next();
        Path binaries;
        try (EmbeddedPostgresServer first = EmbeddedPostgresServer.start(cluster, port, log)) {
            first.createDatabases(List.of("registration"));
            execute(first, "create table kept (id int); insert into kept values (42)");
            binaries = Path.of(OrphanPostmaster.running(cluster).orElseThrow().info().command().orElseThrow()).getParent();
        }
        // As zonky does: in a user namespace, since PostgreSQL refuses to run as root.
        Process orphan = new ProcessBuilder("unshare", "-U", binaries.resolve("postgres").toString(),
                "-D", cluster.toString(), "-p", String.valueOf(port), "-c", "unix_socket_directories=")
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
        await().atMost(Duration.ofSeconds(30)).until(() -> OrphanPostmaster.running(cluster)
                .map(p -> p.pid() == orphan.pid()).orElse(false));

        try (EmbeddedPostgresServer restarted = EmbeddedPostgresServer.start(cluster, port, log)) {
            ProcessHandle postmaster = OrphanPostmaster.running(cluster).orElseThrow();

            assertThat(orphan.isAlive()).isFalse();
            assertThat(postmaster.pid()).isNotEqualTo(orphan.pid());
            try (Connection connection = DriverManager.getConnection(restarted.jdbcUrl("registration"),
                    EmbeddedPostgresServer.USER, EmbeddedPostgresServer.PASSWORD);
                 Statement statement = connection.createStatement();
                 ResultSet kept = statement.executeQuery("select id from kept")) {
                assertThat(kept.next()).isTrue();
                assertThat(kept.getInt(1)).isEqualTo(42);
            }
        } finally {
            orphan.destroy();
        }
    }

    @Test
    void a_directory_without_a_running_postgres_has_nothing_to_stop() throws Exception {
        assertThat(OrphanPostmaster.stopIfRunning(data)).isFalse();
    }

    private static void execute(EmbeddedPostgresServer server, String sql) throws Exception {
        try (Connection connection = DriverManager.getConnection(server.jdbcUrl("registration"),
                EmbeddedPostgresServer.USER, EmbeddedPostgresServer.PASSWORD);
             Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }
}

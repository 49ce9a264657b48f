package dev.seatbooking.testinfra;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.testcontainers.postgresql.PostgreSQLContainer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One real PostgreSQL 17 per test JVM, started on first use and shared by every test class.
 * Test classes isolate themselves with {@link #newDatabase(String)}: a fresh database each.
 */
public final class TestPostgres {

    public record Database(String jdbcUrl, String username, String password) {
        /** A small connection pool on this database; the caller closes it. */
        public HikariDataSource dataSource(int maxPoolSize) {
            HikariConfig config = new HikariConfig();
            config.setJdbcUrl(jdbcUrl);
            config.setUsername(username);
            config.setPassword(password);
            config.setMaximumPoolSize(maxPoolSize);
            config.setMinimumIdle(1);
            return new HikariDataSource(config);
        }
    }

    private static final AtomicInteger DATABASES = new AtomicInteger();
    private static volatile Server server;

    private TestPostgres() {
    }

    /** Creates an empty database named after {@code prefix} and returns how to reach it. */
    public static Database newDatabase(String prefix) {
        Server s = server();
        String name = (prefix.replaceAll("[^A-Za-z0-9]", "_") + "_" + DATABASES.incrementAndGet()).toLowerCase();
        try (Connection c = DriverManager.getConnection(s.jdbcUrl("postgres"), s.username(), s.password());
             Statement st = c.createStatement()) {
            st.execute("CREATE DATABASE " + name);
        } catch (SQLException e) {
            throw new IllegalStateException("Could not create test database " + name, e);
        }
        return new Database(s.jdbcUrl(name), s.username(), s.password());
    }

    private static Server server() {
        if (server == null) {
            synchronized (TestPostgres.class) {
                if (server == null) server = start();
            }
        }
        return server;
    }

    private static Server start() {
        Server started = InfrastructureMode.current() == InfrastructureMode.TESTCONTAINERS
                ? containerized()
                : embedded();
        Runtime.getRuntime().addShutdownHook(new Thread(started::stop, "test-postgres-stop"));
        return started;
    }

    private static Server embedded() {
        try {
            EmbeddedPostgres pg = EmbeddedPostgres.builder()
                    .setServerConfig("max_connections", "300")
                    // Tests want speed, not durability; benchmarks start their own durable server.
                    .setServerConfig("fsync", "off")
                    .setServerConfig("synchronous_commit", "off")
                    .setServerConfig("full_page_writes", "off")
                    .start();
            return new Server(db -> pg.getJdbcUrl("postgres", db), "postgres", "postgres", () -> {
                try {
                    pg.close();
                } catch (IOException ignored) {
                    // the JVM is ending
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException("Could not start embedded PostgreSQL", e);
        }
    }

    @SuppressWarnings("resource")
    private static Server containerized() {
        PostgreSQLContainer container = new PostgreSQLContainer("postgres:17")
                .withCommand("postgres", "-c", "max_connections=300", "-c", "fsync=off");
        container.start();
        String base = container.getJdbcUrl();
        String prefix = base.substring(0, base.lastIndexOf('/') + 1);
        return new Server(db -> prefix + db, container.getUsername(), container.getPassword(), container::stop);
    }

    private record Server(java.util.function.Function<String, String> urls, String username, String password,
                          Runnable stopper) {
        String jdbcUrl(String database) {
            return urls.apply(database);
        }

        void stop() {
            stopper.run();
        }
    }
}

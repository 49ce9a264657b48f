package dev.seatbooking.readmodel.projection;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.PlatformTransactionManager;

import javax.sql.DataSource;

/**
 * The projections' own database connections, apart from the queries': the projection runners' batches, the rebuilds,
 * the generations' bookkeeping and the instance's LISTEN connection take theirs from this pool, the queries from the
 * application's. With one pool, a flood of queries (a read-your-writes query takes a connection each time it looks)
 * made the projections queue behind them: in the end-to-end benchmark a batch waited up to 2.7 s for a connection,
 * so the projections fell behind, and the queries waiting for them waited longer still (README, issue 12).
 */
public final class ProjectionConnections implements AutoCloseable {

    private final HikariDataSource pool;
    private final JdbcTemplate jdbc;
    private final PlatformTransactionManager transactions;

    private ProjectionConnections(HikariDataSource pool) {
        this.pool = pool;
        this.jdbc = new JdbcTemplate(pool);
        this.transactions = new DataSourceTransactionManager(pool);
    }

    /**
     * A pool to the application's database, configured as its pool is, of {@code size} connections: at most one
     * batch per projection runs at a time, and the LISTEN connection is held for good.
     */
    public static ProjectionConnections like(HikariDataSource application, int size) {
        HikariConfig config = new HikariConfig();
        application.copyStateTo(config);
        config.setPoolName(application.getPoolName() + "-projections");
        config.setMaximumPoolSize(size);
        config.setMinimumIdle(size);
        return new ProjectionConnections(new HikariDataSource(config));
    }

    public DataSource dataSource() {
        return pool;
    }

    public JdbcTemplate jdbc() {
        return jdbc;
    }

    public PlatformTransactionManager transactions() {
        return transactions;
    }

    @Override
    public void close() {
        pool.close();
    }
}

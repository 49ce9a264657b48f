package dev.seatbooking.eventsourcing.support;

import com.zaxxer.hikari.HikariDataSource;
import dev.seatbooking.eventsourcing.schema.EventSourcingSchema;
import dev.seatbooking.eventsourcing.store.EventNotifications;
import dev.seatbooking.eventsourcing.store.PostgresEventStore;
import dev.seatbooking.testinfra.TestPostgres;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A fresh database on the shared test PostgreSQL with the library's schema, a pool, and an event store
 * on it. One per test class; close it in {@code @AfterAll}.
 */
public final class EventStoreDatabase implements AutoCloseable {

    public final HikariDataSource dataSource;
    public final EventNotifications notifications;
    public final PostgresEventStore store;
    public final JdbcTemplate jdbc;
    public final TransactionTemplate transactions;

    public EventStoreDatabase(String name, int poolSize) {
        dataSource = TestPostgres.newDatabase(name).dataSource(poolSize);
        EventSourcingSchema.migrate(dataSource);
        notifications = new EventNotifications(dataSource).start();
        store = new PostgresEventStore(dataSource, new TestSerializer(), notifications);
        jdbc = new JdbcTemplate(dataSource);
        transactions = new TransactionTemplate(new DataSourceTransactionManager(dataSource));
    }

    @Override
    public void close() {
        notifications.close();
        dataSource.close();
    }
}

package dev.seatbooking.eventsourcing.schema;

import org.flywaydb.core.Flyway;

import javax.sql.DataSource;

/**
 * Creates and upgrades the tables of this library (events, snapshots, checkpoints, inbox, outgoing
 * messages, process managers) in a service's database.
 * <p>
 * It keeps its own Flyway history table, so the library's migrations are numbered independently of the
 * service's own ({@code spring.flyway}) and either may run first.
 */
public final class EventSourcingSchema {

    public static final String HISTORY_TABLE = "eventsourcing_schema_history";

    private EventSourcingSchema() {
    }

    public static void migrate(DataSource dataSource) {
        Flyway.configure()
                .dataSource(dataSource)
                .locations("classpath:db/eventsourcing")
                .table(HISTORY_TABLE)
                // The service's tables may already be there: start from an empty baseline, then apply ours.
                .baselineOnMigrate(true)
                .baselineVersion("0")
                .load()
                .migrate();
    }
}

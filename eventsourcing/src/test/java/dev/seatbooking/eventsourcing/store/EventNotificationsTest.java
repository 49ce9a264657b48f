package dev.seatbooking.eventsourcing.store;

import dev.seatbooking.eventsourcing.support.Counter.CounterEvent.Incremented;
import dev.seatbooking.eventsourcing.support.EventStoreDatabase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import dev.seatbooking.testinfra.TestPostgres;
import org.awaitility.Awaitility;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class EventNotificationsTest {

    private static EventStoreDatabase db;

    @BeforeAll
    static void start() {
        db = new EventStoreDatabase("notifications", 6);
    }

    @AfterAll
    static void stop() {
        db.close();
    }

    @Test
    void a_reader_in_another_process_is_woken_by_listen_notify_not_by_polling() throws Exception {
        // A second set of notifications on the same database stands for another service instance:
        // it shares nothing in memory with the writer's store.
        try (EventNotifications elsewhere = new EventNotifications(db.dataSource).start()) {
            ChangeSignal remote = elsewhere.signal();
            awaitListening(remote);
            long before = remote.generation();

            db.store.append(UUID.randomUUID(), "counter", 0, List.of(new Incremented(1)), EventMetadata.newConversation("t"));

            assertThat(remote.awaitChange(before, Duration.ofSeconds(20))).as("woken by NOTIFY").isTrue();
        }
    }

    @Test
    void an_append_inside_a_transaction_wakes_readers_only_once_it_commits() throws Exception {
        ChangeSignal local = db.store.changes();
        long[] duringTransaction = new long[1];
        long before = local.generation();
        db.transactions.executeWithoutResult(tx -> {
            db.store.append(UUID.randomUUID(), "counter", 0, List.of(new Incremented(1)), EventMetadata.newConversation("t"));
            duringTransaction[0] = local.generation();
        });
        assertThat(duringTransaction[0]).isEqualTo(before);
        assertThat(local.awaitChange(before, Duration.ofSeconds(5))).isTrue();
    }

    @Test
    void the_notifiers_notify_reaches_listeners_and_leaves_its_pooled_connection_synchronous() throws Exception {
        // The NOTIFY turns synchronous_commit off for its own transaction only. A pool of exactly the notifier's and
        // the listener's connections: once they are back, neither may have kept the setting.
        TestPostgres.Database database = TestPostgres.newDatabase("notify_setting");
        try (var setUp = database.dataSource(1); Connection c = setUp.getConnection(); Statement st = c.createStatement()) {
            // The test server runs with it off; sessions of this database start with it on, so a leak would show.
            st.execute("DO $$ BEGIN EXECUTE format('ALTER DATABASE %I SET synchronous_commit = on', current_database()); END $$");
        }
        try (var pool = database.dataSource(2)) {
            EventNotifications notifications = new EventNotifications(pool).start();
            ChangeSignal signal = notifications.signal();
            awaitListening(signal);
            long before = signal.generation();
            notifications.eventsCommitted();
            Awaitility.await("the notifier's NOTIFY came back to the listener").atMost(Duration.ofSeconds(20))
                    .until(() -> signal.generation() >= before + 2);
            notifications.close();

            for (int i = 0; i < 2; i++) {
                try (Connection c = pool.getConnection(); Statement st = c.createStatement();
                     ResultSet rs = st.executeQuery("SHOW synchronous_commit")) {
                    rs.next();
                    assertThat(rs.getString(1)).as("connection %d's session setting", i).isEqualTo("on");
                }
            }
        }
    }

    /** The listener signals once when its LISTEN is in place; wait for that before writing. */
    private static void awaitListening(ChangeSignal signal) throws InterruptedException {
        assertThat(signal.awaitChange(0, Duration.ofSeconds(20))).as("listener connected").isTrue();
    }
}

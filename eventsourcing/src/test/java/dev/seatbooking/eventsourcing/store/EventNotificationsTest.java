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
    /** Short enough for a test to see a listener forgotten, long enough that a busy machine's pauses do not. */
    private static final Duration TEST_LEASE = Duration.ofSeconds(3);

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
            Awaitility.await("the writer's notifier heard the other listener").atMost(Duration.ofSeconds(20))
                    .until(db.notifications::othersListening);
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
    void an_instance_alone_on_its_database_sends_no_notify_until_another_process_listens() throws Exception {
        TestPostgres.Database database = TestPostgres.newDatabase("notify_alone");
        try (var pool = database.dataSource(4);
             EventNotifications alone = new EventNotifications(pool).start()) {
            awaitListening(alone.signal());
            alone.eventsCommitted();
            Awaitility.await("the notifier decided").atMost(Duration.ofSeconds(20)).until(() -> alone.notifiesSkipped() == 1);
            assertThat(alone.notifiesSent()).as("nobody else listens: no NOTIFY").isZero();
            assertThat(alone.othersListening()).isFalse();

            try (EventNotifications other = new EventNotifications(pool).start()) {
                Awaitility.await("each heard the other's hello").atMost(Duration.ofSeconds(20))
                        .until(() -> alone.othersListening() && other.othersListening());
                long before = other.signal().generation();
                alone.eventsCommitted();

                assertThat(other.signal().awaitChange(before, Duration.ofSeconds(20))).as("woken by NOTIFY").isTrue();
                // counted once the NOTIFY statement has returned, which may be after the other heard it
                Awaitility.await("the NOTIFY counted").atMost(Duration.ofSeconds(5))
                        .until(() -> alone.notifiesSent() == 1);
            }
        }
    }

    @Test
    void a_listener_that_falls_silent_is_forgotten_after_its_lease_and_no_longer_notified_for() throws Exception {
        // The other "process" is a bare connection: it says hello once and then nothing, as a process killed with
        // kill -9 would (it cannot say goodbye).
        TestPostgres.Database database = TestPostgres.newDatabase("notify_lease");
        try (var pool = database.dataSource(4);
             EventNotifications notifications = new EventNotifications(pool, TEST_LEASE).start();
             Connection killed = pool.getConnection(); Statement st = killed.createStatement()) {
            awaitListening(notifications.signal());
            st.execute("LISTEN " + EventNotifications.CHANNEL);
            st.execute("SELECT pg_notify('" + EventNotifications.CHANNEL + "', 'hello:killed-process')");
            Awaitility.await("the hello was heard").atMost(Duration.ofSeconds(20)).until(notifications::othersListening);

            Awaitility.await("forgotten once silent for a lease").atMost(Duration.ofSeconds(20))
                    .until(() -> !notifications.othersListening());
            long sent = notifications.notifiesSent();
            notifications.eventsCommitted();
            Awaitility.await("the notifier decided").atMost(Duration.ofSeconds(20)).until(() -> notifications.notifiesSkipped() == 1);
            assertThat(notifications.notifiesSent()).as("nobody left to hear it: no NOTIFY").isEqualTo(sent);
        }
    }

    @Test
    void listeners_alive_renew_their_lease() throws Exception {
        TestPostgres.Database database = TestPostgres.newDatabase("notify_renew");
        try (var pool = database.dataSource(4);
             EventNotifications one = new EventNotifications(pool, TEST_LEASE).start();
             EventNotifications other = new EventNotifications(pool, TEST_LEASE).start()) {
            Awaitility.await("each heard the other's hello").atMost(Duration.ofSeconds(20))
                    .until(() -> one.othersListening() && other.othersListening());
            Awaitility.await("still heard after two leases").during(TEST_LEASE.multipliedBy(2)).atMost(Duration.ofSeconds(30))
                    .until(() -> one.othersListening() && other.othersListening());
        }
    }

    @Test
    void a_listener_that_closes_says_goodbye_and_is_forgotten_before_its_lease_runs_out() throws Exception {
        TestPostgres.Database database = TestPostgres.newDatabase("notify_goodbye");
        try (var pool = database.dataSource(4);
             EventNotifications staying = new EventNotifications(pool).start()) {
            EventNotifications leaving = new EventNotifications(pool).start();
            Awaitility.await("each heard the other's hello").atMost(Duration.ofSeconds(20))
                    .until(() -> staying.othersListening() && leaving.othersListening());

            leaving.close();
            // The lease is 30 s: forgotten within 10, it was by the goodbye.
            Awaitility.await("the goodbye was heard").atMost(Duration.ofSeconds(10)).until(() -> !staying.othersListening());
        }
    }

    @Test
    void the_notifiers_notify_reaches_listeners_and_leaves_its_pooled_connection_synchronous() throws Exception {
        // The NOTIFY turns synchronous_commit off for its own transaction only. A pool of exactly two instances'
        // notifier and listener connections: once they are back, none may have kept the setting.
        TestPostgres.Database database = TestPostgres.newDatabase("notify_setting");
        try (var setUp = database.dataSource(1); Connection c = setUp.getConnection(); Statement st = c.createStatement()) {
            // The test server runs with it off; sessions of this database start with it on, so a leak would show.
            st.execute("DO $$ BEGIN EXECUTE format('ALTER DATABASE %I SET synchronous_commit = on', current_database()); END $$");
        }
        try (var pool = database.dataSource(4)) {
            EventNotifications notifications = new EventNotifications(pool).start();
            EventNotifications other = new EventNotifications(pool).start();
            Awaitility.await("each heard the other's hello").atMost(Duration.ofSeconds(20))
                    .until(() -> notifications.othersListening() && other.othersListening());
            ChangeSignal signal = other.signal();
            long before = signal.generation();
            notifications.eventsCommitted();
            Awaitility.await("the notifier's NOTIFY came to the other listener").atMost(Duration.ofSeconds(20))
                    .until(() -> signal.generation() > before);
            Awaitility.await("the NOTIFY counted").atMost(Duration.ofSeconds(5))
                    .until(() -> notifications.notifiesSent() == 1);
            notifications.close();
            other.close();

            List<Connection> all = new java.util.ArrayList<>();
            try {
                for (int i = 0; i < 4; i++) all.add(pool.getConnection()); // held together: four different ones
                for (Connection c : all) {
                    try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SHOW synchronous_commit")) {
                        rs.next();
                        assertThat(rs.getString(1)).as("a pooled connection's session setting").isEqualTo("on");
                    }
                }
            } finally {
                for (Connection c : all) c.close();
            }
        }
    }

    /** The listener signals once when its LISTEN is in place; wait for that before writing. */
    private static void awaitListening(ChangeSignal signal) throws InterruptedException {
        assertThat(signal.awaitChange(0, Duration.ofSeconds(20))).as("listener connected").isTrue();
    }
}

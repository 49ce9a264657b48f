package dev.seatbooking.eventsourcing.store;

import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Wakes readers of the event table when events commit, in this process and in others.
 * <p>
 * Writers do not NOTIFY inside their own transaction: PostgreSQL serialises committing transactions that
 * notify, which would undo group commit for concurrent appenders. Instead an append marks "something
 * committed" and one background thread sends at most one NOTIFY every {@link #NOTIFY_INTERVAL}, coalescing
 * bursts: each NOTIFY is a transaction of its own, and one per append measurably slows appends (see
 * benchmarks/README.md). Readers in this process are signalled at once; only other processes wait up to
 * that interval. A LISTEN
 * connection turns other processes' notifications into local signals. Readers still poll on a timeout,
 * so a lost notification (a dropped connection, say) only delays them.
 * <p>
 * A NOTIFY is sent only while another process listens on the database ({@link OtherListeners}: hellos on the
 * channel, with leases). An instance alone (one instance of a service per database, the usual deployment) sends none:
 * a NOTIFY is a transaction with a commit record, and nobody would hear it (issue 18; docs/adr/0002).
 */
public final class EventNotifications implements AutoCloseable {

    public static final String CHANNEL = "seatbooking_events";
    private static final Logger log = LoggerFactory.getLogger(EventNotifications.class);
    public static final Duration NOTIFY_INTERVAL = Duration.ofMillis(10);
    private static final Duration RECONNECT_PAUSE = Duration.ofSeconds(1);
    // A wake-up needs no durability, so its transaction commits without waiting for its WAL record to reach the
    // disk (set_config with is_local: this transaction only, the pooled connection keeps its setting). Waiting,
    // the notifier would take a share of the WAL flushes the appenders' commits wait on.
    private static final String NOTIFY =
            "SELECT set_config('synchronous_commit', 'off', true), pg_notify('" + CHANNEL + "', '')";

    private static final long LISTEN_POLL_MILLIS = 500;

    private final DataSource dataSource;
    /** Who else listens: the listener thread keeps it, the notifier reads it. */
    private final OtherListeners others;
    private final AtomicLong notifiesSent = new AtomicLong();
    private final AtomicLong notifiesSkipped = new AtomicLong();
    private final ChangeSignal signal = new ChangeSignal();
    private final AtomicBoolean pendingNotify = new AtomicBoolean();
    private final ChangeSignal notifyRequests = new ChangeSignal();
    private volatile boolean running;
    private Thread notifier;
    private Thread listener;

    public EventNotifications(DataSource dataSource) {
        this(dataSource, OtherListeners.LEASE);
    }

    /** With another lease than {@link OtherListeners#LEASE} (tests). */
    EventNotifications(DataSource dataSource, Duration lease) {
        this.dataSource = dataSource;
        this.others = new OtherListeners(CHANNEL, lease);
    }

    public ChangeSignal signal() {
        return signal;
    }

    /** Called once a transaction that appended events has committed. Cheap: never touches the database. */
    public void eventsCommitted() {
        signal.signal();
        if (pendingNotify.compareAndSet(false, true)) notifyRequests.signal();
    }

    public synchronized EventNotifications start() {
        if (running) return this;
        running = true;
        notifier = Thread.ofPlatform().daemon().name("event-notify").start(this::sendNotifications);
        listener = Thread.ofPlatform().daemon().name("event-listen").start(this::listen);
        return this;
    }

    @Override
    public synchronized void close() {
        running = false;
        for (Thread t : new Thread[]{notifier, listener}) {
            if (t == null) continue;
            t.interrupt();
            try {
                t.join(Duration.ofSeconds(5));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private void sendNotifications() {
        while (running) {
            try (Connection c = dataSource.getConnection(); Statement st = c.createStatement()) {
                c.setAutoCommit(true);
                while (running) {
                    long seen = notifyRequests.generation();
                    if (pendingNotify.getAndSet(false)) {
                        if (others.any()) {
                            st.execute(NOTIFY);
                            notifiesSent.incrementAndGet();
                        } else {
                            notifiesSkipped.incrementAndGet();
                        }
                        Thread.sleep(NOTIFY_INTERVAL); // pacing: commits meanwhile share the next NOTIFY
                    } else {
                        notifyRequests.awaitChange(seen, Duration.ofSeconds(1));
                    }
                }
            } catch (InterruptedException e) {
                return;
            } catch (SQLException e) {
                if (running) pauseAfter("sending NOTIFY", e);
            }
        }
    }

    private void listen() {
        long pollMillis = others.pollMillis(LISTEN_POLL_MILLIS);
        while (running) {
            try (Connection c = dataSource.getConnection(); Statement st = c.createStatement()) {
                c.setAutoCommit(true);
                st.execute("LISTEN " + CHANNEL);
                others.listening(st);
                PGConnection pg = c.unwrap(PGConnection.class);
                signal.signal(); // we may have missed notifications while (re)connecting
                while (running) {
                    PGNotification[] received = pg.getNotifications((int) pollMillis);
                    long now = System.nanoTime();
                    if (received != null && received.length > 0) receive(received, st, now);
                    others.roundDone(st, now);
                }
                others.closing(st);
            } catch (SQLException e) {
                if (running && !Thread.currentThread().isInterrupted()) pauseAfter("listening", e);
            }
        }
    }

    /** Change notifications signal readers; hellos and goodbyes are the other listeners'. */
    private void receive(PGNotification[] received, Statement st, long now) throws SQLException {
        boolean changes = false;
        for (PGNotification n : received) {
            if (!others.received(st, n.getParameter(), now)) changes = true;
        }
        if (changes) signal.signal();
    }

    /** Whether another process's listener has been heard on this database within a lease (then appends are NOTIFYed). */
    public boolean othersListening() {
        return others.any();
    }

    /** NOTIFYs sent, and those left out because no other process listened (for tests and benchmarks). */
    public long notifiesSent() {
        return notifiesSent.get();
    }

    public long notifiesSkipped() {
        return notifiesSkipped.get();
    }

    private void pauseAfter(String what, SQLException e) {
        log.warn("Event notifications: {} failed ({}); readers fall back to polling until it recovers", what, e.getMessage());
        try {
            Thread.sleep(RECONNECT_PAUSE);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            running = false;
        }
    }
}

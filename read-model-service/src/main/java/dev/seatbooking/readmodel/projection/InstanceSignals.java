package dev.seatbooking.readmodel.projection;

import dev.seatbooking.eventsourcing.store.OtherListeners;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * What the instances of the read model on one database tell each other, over PostgreSQL (ADR 13), on one connection
 * of this instance held for its life:
 * <ul>
 *   <li>{@code readmodel_applied}: sent in a serving generation's batch transaction (so at its commit, or never),
 *       the token-stream versions it applied: another instance's read-your-writes waits end when this one applies.
 *       Sent only while another instance listens ({@link OtherListeners}: the instances say hello on this channel);
 *       an instance alone on its database, the usual deployment, sends none;</li>
 *   <li>{@code readmodel_generations}: a generation was created or switched: every instance looks at the table;</li>
 *   <li>presence: the connection holds a shared advisory lock per projection and schema version this instance
 *       runs, so an instance of another version can tell whether any instance of a version still runs (it cannot
 *       take the lock exclusively) before it retires that version's generations. A killed instance's connection
 *       ends, and its locks with it.</li>
 * </ul>
 * A notification lost while the connection is re-established only delays: waiters re-check on a bound, and the
 * instance looks at the table on a timer and after each reconnection.
 */
public final class InstanceSignals implements AutoCloseable {

    public static final String APPLIED = "readmodel_applied";
    public static final String GENERATIONS = "readmodel_generations";
    private static final Logger log = LoggerFactory.getLogger(InstanceSignals.class);
    private static final Duration RECONNECT_PAUSE = Duration.ofSeconds(1);
    /** Stream versions per notification: the payload must stay under PostgreSQL's 8000 bytes. */
    private static final int VERSIONS_PER_NOTIFICATION = 150;

    /** What the other instances said. Called on the listening thread. */
    public interface Receiver {
        void applied(Generation generation, Map<UUID, Long> versions);

        void generationsChanged(String projection);

        /** (Re)connected: whatever was said meanwhile was missed. */
        void connected();
    }

    private final DataSource dataSource;
    private final String instanceId;
    private final List<String> presence;
    private final Receiver receiver;
    /** The other instances listening on {@link #APPLIED}: kept by the listening thread. */
    private final OtherListeners others = new OtherListeners(APPLIED, OtherListeners.LEASE);
    private final CountDownLatch connected = new CountDownLatch(1);
    private volatile boolean running;
    private volatile Connection connection;
    private Thread listener;

    /**
     * @param presence the presence keys ({@link GenerationRepository#presenceKey}) this instance holds while it runs
     */
    public InstanceSignals(DataSource dataSource, String instanceId, List<String> presence, Receiver receiver) {
        this.dataSource = dataSource;
        this.instanceId = instanceId;
        this.presence = List.copyOf(presence);
        this.receiver = receiver;
    }

    /** Starts listening and waits (bounded) until the presence locks are held. */
    public synchronized void start(Duration wait) {
        if (running) return;
        running = true;
        listener = Thread.ofPlatform().daemon().name("readmodel-listen").start(this::listen);
        try {
            if (!connected.await(wait.toMillis(), TimeUnit.MILLISECONDS)) {
                log.warn("Not connected to the database for the other instances' signals yet; going on");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public synchronized void close() {
        running = false;
        Thread t = listener;
        if (t == null) return;
        t.interrupt();
        Connection c = connection;
        if (c != null) {
            try {
                c.close(); // ends the presence locks at once
            } catch (SQLException ignored) {
                // closing anyway
            }
        }
        try {
            t.join(Duration.ofSeconds(5));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        listener = null;
    }

    /**
     * In a serving generation's batch transaction: tells the other instances, at commit, what it applied. Nothing
     * when no other instance listens: this instance's own waiters are woken in-process.
     */
    public void applied(JdbcTemplate jdbc, Generation generation, Map<UUID, Long> versions) {
        if (!others.any()) return;
        List<String> entries = new ArrayList<>(versions.size());
        versions.forEach((stream, version) -> entries.add(stream + "." + version));
        for (int from = 0; from < entries.size(); from += VERSIONS_PER_NOTIFICATION) {
            String payload = instanceId + " " + generation.projection() + " " + generation.number() + " "
                    + generation.schemaVersion() + " "
                    + String.join(",", entries.subList(from, Math.min(entries.size(), from + VERSIONS_PER_NOTIFICATION)));
            jdbc.queryForList("SELECT pg_notify(?, ?)", APPLIED, payload);
        }
    }

    /** Tells every instance (this one too) to look at a projection's generations. */
    public static void generationsChanged(JdbcTemplate jdbc, String projection) {
        jdbc.queryForList("SELECT pg_notify(?, ?)", GENERATIONS, projection);
    }

    private void listen() {
        while (running) {
            try (Connection c = dataSource.getConnection(); Statement st = c.createStatement()) {
                connection = c;
                c.setAutoCommit(true);
                st.execute("LISTEN " + APPLIED);
                st.execute("LISTEN " + GENERATIONS);
                others.listening(st);
                try (PreparedStatement lock = c.prepareStatement("SELECT pg_advisory_lock_shared(hashtextextended(?, 0))")) {
                    for (String key : presence) {
                        lock.setString(1, key);
                        lock.execute();
                    }
                }
                connected.countDown();
                receiver.connected();
                PGConnection pg = c.unwrap(PGConnection.class);
                long pollMillis = others.pollMillis(500);
                while (running) {
                    PGNotification[] received = pg.getNotifications((int) pollMillis);
                    long now = System.nanoTime();
                    if (received != null) {
                        for (PGNotification n : received) {
                            if (!n.getName().equals(APPLIED) || !others.received(st, n.getParameter(), now)) {
                                dispatchSafely(n);
                            }
                        }
                    }
                    others.roundDone(st, now);
                }
            } catch (SQLException e) {
                if (running && !Thread.currentThread().isInterrupted()) pauseAfter(e);
            } finally {
                connection = null;
            }
        }
    }

    /**
     * Whether another instance has been heard on this database within a lease (then batches tell what they applied).
     * A stopped instance closes its connection at once (its presence locks with it) and says no goodbye: it is
     * forgotten after the lease.
     */
    public boolean othersListening() {
        return others.any();
    }

    private void dispatchSafely(PGNotification notification) {
        try {
            dispatch(notification);
        } catch (RuntimeException e) {
            log.warn("Handling the signal {} {} failed", notification.getName(), notification.getParameter(), e);
        }
    }

    private void dispatch(PGNotification notification) {
        if (notification.getName().equals(GENERATIONS)) {
            receiver.generationsChanged(notification.getParameter());
            return;
        }
        String[] parts = notification.getParameter().split(" ", 5);
        if (parts.length < 5 || parts[0].equals(instanceId)) return; // ours: signalled in-process already
        Map<UUID, Long> versions = new HashMap<>();
        for (String entry : parts[4].split(",")) {
            int dot = entry.lastIndexOf('.');
            versions.put(UUID.fromString(entry.substring(0, dot)), Long.parseLong(entry.substring(dot + 1)));
        }
        receiver.applied(new Generation(parts[1], Integer.parseInt(parts[2]), Integer.parseInt(parts[3])), versions);
    }

    private void pauseAfter(SQLException e) {
        log.warn("Signals of the other read-model instances: listening failed ({}); retrying", e.getMessage());
        try {
            Thread.sleep(RECONNECT_PAUSE);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            running = false;
        }
    }
}

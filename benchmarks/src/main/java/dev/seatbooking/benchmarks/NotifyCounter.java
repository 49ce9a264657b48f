package dev.seatbooking.benchmarks;

import dev.seatbooking.eventsourcing.store.EventNotifications;
import dev.seatbooking.eventsourcing.store.OtherListeners;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Counts the NOTIFYs our store's notifier sends, from a LISTEN connection of its own. Every NOTIFY is a
 * transaction of its own that PostgreSQL commits durably (a NOTIFYing transaction gets an xid and a commit
 * record), so this is how many extra commits our appends cause besides their own.
 */
final class NotifyCounter implements AutoCloseable {

    private final Connection connection;
    private final AtomicLong received = new AtomicLong();
    private final Thread thread;
    private volatile boolean running = true;

    NotifyCounter(String jdbcUrl) throws SQLException {
        connection = DriverManager.getConnection(jdbcUrl, "postgres", "postgres");
        try (Statement st = connection.createStatement()) {
            st.execute("LISTEN " + EventNotifications.CHANNEL);
        }
        PGConnection pg = connection.unwrap(PGConnection.class);
        thread = Thread.ofPlatform().daemon().name("bench-notify-counter").start(() -> {
            try {
                while (running) {
                    PGNotification[] batch = pg.getNotifications(100);
                    if (batch == null) continue;
                    for (PGNotification n : batch) {
                        if (!OtherListeners.isPresence(n.getParameter())) received.incrementAndGet();
                    }
                }
            } catch (SQLException e) {
                if (running) throw new IllegalStateException(e);
            }
        });
    }

    /** Notifications received so far, after letting those already sent arrive. */
    long settledCount() throws InterruptedException {
        Thread.sleep(150);
        return received.get();
    }

    @Override
    public void close() throws Exception {
        running = false;
        thread.join(2000);
        connection.close();
    }
}

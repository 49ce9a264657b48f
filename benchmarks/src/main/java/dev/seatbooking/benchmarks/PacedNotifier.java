package dev.seatbooking.benchmarks;

import dev.seatbooking.eventsourcing.store.EventNotifications;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;

/**
 * Not our store's code: a stand-in for a notifier that sends at most one NOTIFY per interval, to show what
 * pacing would buy. While writers append continuously, such a notifier sends exactly one NOTIFY per interval,
 * which is what this thread does.
 */
final class PacedNotifier implements AutoCloseable {

    private final Thread thread;
    private volatile boolean running = true;

    PacedNotifier(DataSource pool, Duration interval) {
        thread = Thread.ofPlatform().daemon().name("bench-paced-notify").start(() -> {
            try (Connection c = pool.getConnection(); Statement st = c.createStatement()) {
                while (running) {
                    st.execute("NOTIFY " + EventNotifications.CHANNEL);
                    Thread.sleep(interval);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (SQLException e) {
                if (running) throw new IllegalStateException(e);
            }
        });
    }

    @Override
    public void close() throws InterruptedException {
        running = false;
        thread.interrupt();
        thread.join(2000);
    }
}

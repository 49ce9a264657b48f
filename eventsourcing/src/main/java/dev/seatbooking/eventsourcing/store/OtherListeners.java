package dev.seatbooking.eventsourcing.store;

import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

/**
 * Whether another process listens on a PostgreSQL channel, so that a NOTIFY nobody would hear is not sent (ADR 2): a
 * NOTIFY costs a statement, the notify queue's lock at commit (taken by every notifying commit of the cluster in
 * turn) and the listeners' wake-ups, and one instance of a service per database is the usual deployment.
 * <p>
 * Each listener connection says hello on the channel ({@code hello:<id>}, a new id per connection, so that after a
 * reconnect the others answer it as new) once its LISTEN is in place, and answers a hello it has not heard before with
 * its own: every instance learns of the others within milliseconds. It says hello again every third of a lease and
 * goodbye when it closes; one not heard for a whole lease (its process killed, its connection gone) is forgotten.
 * <p>
 * Driven by the listener thread alone, on its listening connection; {@link #any()} may be read by any thread.
 */
public final class OtherListeners {

    /** How long another listener counts as listening after its last hello. */
    public static final Duration LEASE = Duration.ofSeconds(30);

    private static final String HELLO = "hello:";
    private static final String GOODBYE = "goodbye:";

    private final String channel;
    private final long leaseNanos;
    /** The others (by connection id), with when each was last heard ({@link System#nanoTime}). */
    private final Map<String, Long> heard = new HashMap<>();
    private volatile boolean any;
    private String me;
    private long lastHello;

    public OtherListeners(String channel, Duration lease) {
        this.channel = channel;
        this.leaseNanos = lease.toNanos();
    }

    /** Whether a notification's payload is a listener's hello or goodbye rather than what the channel carries. */
    public static boolean isPresence(String payload) {
        return payload != null && (payload.startsWith(HELLO) || payload.startsWith(GOODBYE));
    }

    /** Whether another process's listener has been heard within a lease: then a NOTIFY on the channel is heard. */
    public boolean any() {
        return any;
    }

    /** How long the listener may wait for notifications at most, to say hello again in time. */
    public long pollMillis(long atMost) {
        return Math.max(1, Math.min(atMost, Duration.ofNanos(leaseNanos / 3).toMillis()));
    }

    /** Once the connection's LISTEN on the channel is in place (after every reconnect too). */
    public void listening(Statement st) throws SQLException {
        me = UUID.randomUUID().toString();
        say(st, HELLO);
        lastHello = System.nanoTime();
    }

    /**
     * A notification received on the channel: another's hello renews its lease (answered with ours if it is new to
     * us, so that it learns of us too), its goodbye ends it.
     *
     * @return whether it was a hello or goodbye (handled here), not the channel's own payload
     */
    public boolean received(Statement st, String payload, long now) throws SQLException {
        if (payload.startsWith(HELLO)) {
            String other = payload.substring(HELLO.length());
            if (!other.equals(me) && heard.put(other, now) == null) say(st, HELLO);
            return true;
        }
        if (payload.startsWith(GOODBYE)) {
            heard.remove(payload.substring(GOODBYE.length()));
            return true;
        }
        return false;
    }

    /**
     * After each round of listening: says hello again when due, forgets the listeners not heard for a whole lease,
     * and updates {@link #any()} (so a hello or goodbye counts at once).
     */
    public void roundDone(Statement st, long now) throws SQLException {
        if (now - lastHello >= leaseNanos / 3) {
            say(st, HELLO); // renews our lease with the others
            lastHello = now;
        }
        heard.values().removeIf(lastHeard -> now - lastHeard > leaseNanos);
        any = !heard.isEmpty();
    }

    /** Before the connection is closed on purpose. */
    public void closing(Statement st) throws SQLException {
        say(st, GOODBYE);
    }

    private void say(Statement st, String what) throws SQLException {
        st.execute("SELECT pg_notify('" + channel + "', '" + what + me + "')");
    }
}

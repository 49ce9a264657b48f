package dev.seatbooking.readmodel.projection;

import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The signal behind read-your-writes, in this instance: a query waiting for version {@code v} of a stream registers
 * here; a commit of the serving generation that reached it completes the waiter, whether this instance's runner made
 * it or another instance's (told over PostgreSQL, {@link InstanceSignals}). A waiter is woken only by a commit that
 * concerns its stream, or a switch (the query re-checks on a bound too, for a notification lost in transit).
 */
public final class AppliedVersions {

    private record Key(String projection, UUID stream) {
    }

    /**
     * A registered wait. {@link #reached()} completes with the version a commit of the serving generation reached (at
     * least the one waited for), or empty when the query must look at the tables again (another generation serves).
     */
    public static final class Waiter {
        private final Key key;
        private final long version;
        private final CompletableFuture<OptionalLong> reached = new CompletableFuture<>();

        private Waiter(Key key, long version) {
            this.key = key;
            this.version = version;
        }

        public CompletableFuture<OptionalLong> reached() {
            return reached;
        }
    }

    private final Map<Key, List<Waiter>> waiters = new ConcurrentHashMap<>();

    /** Register before checking the tables, so that a commit between the check and the wait is not missed. */
    public Waiter register(String projection, UUID stream, long version) {
        Waiter waiter = new Waiter(new Key(projection, stream), version);
        waiters.computeIfAbsent(waiter.key, k -> new CopyOnWriteArrayList<>()).add(waiter);
        return waiter;
    }

    public void unregister(Waiter waiter) {
        waiters.computeIfPresent(waiter.key, (k, list) -> {
            list.remove(waiter);
            return list.isEmpty() ? null : list;
        });
    }

    /** The serving generation of {@code projection} has committed these versions of these streams. */
    public void applied(String projection, Map<UUID, Long> versions) {
        if (waiters.isEmpty()) return;
        versions.forEach((stream, version) -> {
            List<Waiter> list = waiters.get(new Key(projection, stream));
            if (list == null) return;
            for (Waiter waiter : list) {
                if (waiter.version <= version) {
                    waiter.reached.complete(OptionalLong.of(version));
                    unregister(waiter);
                }
            }
        });
    }

    /** Wakes every waiter of {@code projection} to check again (another generation serves now). */
    public void wakeAll(String projection) {
        waiters.forEach((key, list) -> {
            if (key.projection.equals(projection)) {
                for (Waiter waiter : list) {
                    waiter.reached.complete(OptionalLong.empty());
                    unregister(waiter);
                }
            }
        });
    }

    /** Waiters still registered (for tests and metrics). */
    public int waiting() {
        return waiters.values().stream().mapToInt(List::size).sum();
    }
}

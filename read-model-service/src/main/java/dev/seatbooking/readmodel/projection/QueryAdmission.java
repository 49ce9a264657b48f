package dev.seatbooking.readmodel.projection;

import io.github.resilience4j.bulkhead.Bulkhead;
import io.github.resilience4j.bulkhead.BulkheadConfig;
import io.github.resilience4j.bulkhead.BulkheadFullException;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;

import java.time.Duration;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Supplier;

/**
 * The queries' share of the database connections. Queries and projections draw on one connection pool; under a flood
 * of queries, each projection batch queued behind them for a connection, the projections fell behind, and the queries
 * waiting for their writes (read-your-writes) waited longer still: seconds at the median, tens of seconds at worst,
 * though no query waits more than its bound by design. So at most {@code connections} queries use the database at
 * once, leaving the rest of the pool to the projections; a query that finds no place within {@code wait} is refused
 * ({@link BulkheadFullException}: 503 with {@code Retry-After}) instead of joining an unbounded queue.
 *
 * <p>A place is held only while the query talks to the database, never while a read-your-writes query waits for its
 * version.
 */
public final class QueryAdmission implements MeterBinder {

    /** Set while this thread's query holds a place. */
    private final ThreadLocal<Boolean> admitted = new ThreadLocal<>();

    private final Bulkhead bulkhead;
    private final LongAdder refused = new LongAdder();

    public QueryAdmission(int connections, Duration wait) {
        this.bulkhead = Bulkhead.of("read-model-queries", BulkheadConfig.custom()
                .maxConcurrentCalls(connections)
                .maxWaitDuration(wait)
                // First come, first served; and a refusal is an answer, not a bug: no stack trace to fill.
                .fairCallHandlingStrategyEnabled(true)
                .writableStackTraceEnabled(false)
                .build());
        bulkhead.getEventPublisher().onCallRejected(event -> refused.increment());
    }

    /**
     * Runs {@code query} once a place is free.
     *
     * @throws BulkheadFullException if none was within the wait
     */
    public <T> T admit(Supplier<T> query) {
        // A query within an admitted one (a view read in the transaction that checked the order's code) uses the
        // place it is in: asking for a second while holding one could wait on itself.
        if (admitted.get() != null) return query.get();
        return bulkhead.executeSupplier(() -> {
            admitted.set(Boolean.TRUE);
            try {
                return query.get();
            } finally {
                admitted.remove();
            }
        });
    }

    /** Places free now (for metrics and tests). */
    public int free() {
        return bulkhead.getMetrics().getAvailableConcurrentCalls();
    }

    /** How many places there are. */
    public int places() {
        return bulkhead.getMetrics().getMaxAllowedConcurrentCalls();
    }

    /** Queries refused so far. */
    public long refused() {
        return refused.sum();
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        Gauge.builder("readmodel.queries.free", this, QueryAdmission::free)
                .description("Places free for queries to use the database").register(registry);
        FunctionCounter.builder("readmodel.queries.refused", this, QueryAdmission::refused)
                .description("Queries refused (503) for want of a place within the wait").register(registry);
    }
}

package dev.seatbooking.payments.refunds;

import dev.seatbooking.payments.PaymentsProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Executes the refunds that are due, every {@code seatbooking.payments.refunds.poll-interval}, on one thread. Every
 * instance runs one: they share the work through the table ({@link RefundRecords#takeDue} skips what another holds).
 */
@Component
class RefundWorker implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(RefundWorker.class);

    private final Refunds refunds;
    private final Duration interval;
    private ScheduledExecutorService executor;

    RefundWorker(Refunds refunds, PaymentsProperties properties) {
        this.refunds = refunds;
        this.interval = properties.refunds().pollInterval();
    }

    @Override
    public synchronized void start() {
        executor = Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().name("refunds").daemon().factory());
        executor.scheduleWithFixedDelay(this::poll, 0, interval.toMillis(), TimeUnit.MILLISECONDS);
    }

    private void poll() {
        try {
            refunds.attemptDue();
        } catch (RuntimeException e) {
            // The database was away, say: what was taken is retried once its lease runs out.
            log.warn("Refunds poll failed; next poll in {}", interval, e);
        }
    }

    @Override
    public synchronized void stop() {
        if (executor == null) return;
        executor.shutdownNow();
        try {
            if (!executor.awaitTermination(10, TimeUnit.SECONDS)) log.warn("Refund worker did not stop in time");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        executor = null;
    }

    @Override
    public synchronized boolean isRunning() {
        return executor != null;
    }
}

package dev.seatbooking.eventsourcing.relay;

import dev.seatbooking.eventsourcing.messaging.CappedBackoff;
import dev.seatbooking.eventsourcing.messaging.MessageHeaders;
import dev.seatbooking.eventsourcing.store.ChangeSignal;
import dev.seatbooking.eventsourcing.store.EventMetadata;
import dev.seatbooking.eventsourcing.store.Position;
import dev.seatbooking.eventsourcing.store.PostgresEventStore;
import dev.seatbooking.eventsourcing.store.StoredEvent;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.binder.MeterBinder;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.errors.InterruptException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Publishes the event table to Kafka: the table is the outbox.
 * <p>
 * One background thread reads committed events in commit order ({@link PostgresEventStore#readAll}), sends
 * a batch, waits until Kafka has acknowledged all of it, and only then moves its checkpoint. So a crash at
 * any point loses nothing: the next relay sends again what followed the checkpoint, consumers may see an
 * event twice and dedupe it by its {@code message-id} header. The record key is the stream id, so all
 * events of a stream land on one partition, in version order.
 * <p>
 * Only one relay per database and {@linkplain RelaySettings#name() name} publishes: it holds a PostgreSQL
 * advisory lock on a connection of its own while it publishes, and saves its checkpoint on that connection,
 * so a relay that has lost its session (and with it the lock) can no longer move the checkpoint. Other
 * instances stand by and try to take the lock now and then.
 * <p>
 * Stopping is deliberately no different from crashing: {@link #close()} abandons a batch Kafka has not
 * acknowledged yet, and the next relay sends it again.
 * <p>
 * Producers come from a supplier (use {@code KafkaProducers.idempotent}) because a producer that failed may
 * be unusable: after a failure the relay closes it, pauses, and starts over from its checkpoint with a new one.
 */
public final class EventRelay implements MeterBinder, AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(EventRelay.class);

    private static final String TRY_LOCK = "SELECT pg_try_advisory_lock(hashtextextended(?, 0))";
    private static final String UNLOCK = "SELECT pg_advisory_unlock(hashtextextended(?, 0))";
    private static final String EVENTS_AFTER = """
            SELECT count(*) FROM events WHERE (transaction_id, global_position) > (?::text::xid8, ?)""";

    private final DataSource dataSource;
    private final JdbcTemplate jdbc;
    private final PostgresEventStore store;
    private final Supplier<? extends Producer<String, byte[]>> producers;
    private final Function<StoredEvent, String> topicFor;
    private final EventEnvelopeEncoder encoder;
    private final RelaySettings settings;
    private final RelayCheckpoint checkpoint;
    private final String lockName;
    private final ChangeSignal changes;
    private final CappedBackoff backoff;
    private final List<Runnable> meterRemovals = new ArrayList<>();

    private volatile boolean running;
    private volatile boolean publishing;
    private int failuresInARow;
    private Thread worker;

    public EventRelay(DataSource dataSource, PostgresEventStore store,
                      Supplier<? extends Producer<String, byte[]>> producers,
                      Function<StoredEvent, String> topicFor, EventEnvelopeEncoder encoder,
                      RelaySettings settings) {
        this.dataSource = Objects.requireNonNull(dataSource);
        this.jdbc = new JdbcTemplate(dataSource);
        this.store = Objects.requireNonNull(store);
        this.producers = Objects.requireNonNull(producers);
        this.topicFor = Objects.requireNonNull(topicFor);
        this.encoder = Objects.requireNonNull(encoder);
        this.settings = Objects.requireNonNull(settings);
        this.checkpoint = new RelayCheckpoint(settings.name());
        this.backoff = new CappedBackoff(settings.retryBackoff(), settings.maxRetryBackoff());
        this.lockName = "eventsourcing.relay/" + settings.name();
        // Without notifications nobody signals this one: the relay then simply polls.
        this.changes = store.changes() != null ? store.changes() : new ChangeSignal();
    }

    public synchronized EventRelay start() {
        if (running) return this;
        running = true;
        worker = Thread.ofPlatform().daemon().name("event-relay-" + settings.name()).start(this::run);
        return this;
    }

    /** Stops at once; see the class comment for why that is safe. */
    @Override
    public void close() {
        Thread stopping;
        synchronized (this) {
            running = false;
            stopping = worker;
            worker = null;
        }
        if (stopping != null) {
            stopping.interrupt();
            try {
                if (!stopping.join(Duration.ofSeconds(30))) log.warn("Relay {} did not stop within 30 s", settings.name());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        synchronized (meterRemovals) {
            meterRemovals.forEach(Runnable::run);
            meterRemovals.clear();
        }
    }

    /** Whether this instance holds the lock and publishes (rather than standing by). */
    public boolean isPublishing() {
        return publishing;
    }

    /**
     * Events committed after the relay's checkpoint: how far Kafka is behind the event table. Read from the
     * database, so every instance reports the same, whether it publishes or stands by.
     */
    public long lag() {
        return jdbc.execute((ConnectionCallback<Long>) connection -> {
            Position at = checkpoint.load(connection);
            try (PreparedStatement ps = connection.prepareStatement(EVENTS_AFTER)) {
                ps.setLong(1, at.transactionId());
                ps.setLong(2, at.globalPosition());
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    return rs.getLong(1);
                }
            }
        });
    }

    /** Gauges {@code eventsourcing.relay.lag} (events) and {@code eventsourcing.relay.publishing} (1 or 0). */
    @Override
    public void bindTo(MeterRegistry registry) {
        Tags tags = Tags.of("relay", settings.name());
        Gauge lag = Gauge.builder("eventsourcing.relay.lag", this, EventRelay::lagOrNaN)
                .description("Events committed but not yet acknowledged by Kafka")
                .baseUnit("events").tags(tags).register(registry);
        Gauge leading = Gauge.builder("eventsourcing.relay.publishing", this, r -> r.isPublishing() ? 1 : 0)
                .description("1 while this instance holds the relay lock and publishes")
                .tags(tags).register(registry);
        synchronized (meterRemovals) {
            meterRemovals.add(() -> registry.remove(lag));
            meterRemovals.add(() -> registry.remove(leading));
        }
    }

    private double lagOrNaN() {
        try {
            return lag();
        } catch (DataAccessException e) {
            return Double.NaN;
        }
    }

    private void run() {
        try {
            while (running) {
                try {
                    if (!publishWhileHoldingLock()) Thread.sleep(settings.standbyRetry());
                } catch (SQLException | ExecutionException | RuntimeException failure) {
                    if (!running || failure instanceof InterruptException) return;
                    Duration pause = backoffAfterFailure();
                    log.warn("Relay {} failed; starting over from its checkpoint in {} ms",
                            settings.name(), pause.toMillis(), failure);
                    Thread.sleep(pause);
                }
            }
        } catch (InterruptedException stopped) {
            // close(): nothing to finish, see the class comment
        }
    }

    /** Publishes until stopped or failed; returns false at once if another instance holds the lock. */
    private boolean publishWhileHoldingLock() throws SQLException, InterruptedException, ExecutionException {
        try (Connection lease = dataSource.getConnection()) {
            // A transaction left open on this long-lived connection would hold back the xmin horizon, and
            // readAll never reads past it: the relay would stall on its own lock connection.
            lease.setAutoCommit(true);
            if (!lockQuery(lease, TRY_LOCK)) return false;
            publishing = true;
            try {
                publish(lease);
            } finally {
                publishing = false;
                unlock(lease);
            }
            return true;
        }
    }

    private void publish(Connection lease) throws SQLException, InterruptedException, ExecutionException {
        Position position = checkpoint.load(lease);
        log.info("Relay {} publishing from {}", settings.name(), position);
        Producer<String, byte[]> producer = producers.get();
        try {
            while (running) {
                long seen = changes.generation();
                List<StoredEvent> batch = store.readAll(position, settings.batchSize());
                if (batch.isEmpty()) {
                    changes.awaitChange(seen, settings.pollTimeout());
                    continue;
                }
                sendAndAwaitAcks(producer, batch);
                position = batch.getLast().position();
                checkpoint.save(lease, position);
                failuresInARow = 0;
            }
        } finally {
            // Whatever is still unacknowledged lies after the checkpoint and will be sent again: don't wait.
            producer.close(Duration.ZERO);
        }
    }

    private void sendAndAwaitAcks(Producer<String, byte[]> producer, List<StoredEvent> batch)
            throws InterruptedException, ExecutionException {
        List<Future<RecordMetadata>> acks = new ArrayList<>(batch.size());
        for (StoredEvent event : batch) {
            Future<RecordMetadata> ack = producer.send(record(event));
            // A record the producer rejects at once (too large, say) never gets a sequence number, so the
            // records after it would overtake it on its partition: stop the batch there.
            if (ack.isDone()) ack.get();
            acks.add(ack);
        }
        producer.flush();
        for (Future<RecordMetadata> ack : acks) ack.get();
    }

    private ProducerRecord<String, byte[]> record(StoredEvent event) {
        EventMetadata metadata = event.metadata();
        return new ProducerRecord<>(topicFor.apply(event), null, event.streamId().toString(), encoder.encode(event),
                MessageHeaders.of(event.messageId(), event.eventType(),
                        metadata.correlationId(), metadata.causationId()));
    }

    private boolean lockQuery(Connection connection, String sql) throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement(sql)) {
            ps.setString(1, lockName);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() && rs.getBoolean(1);
            }
        }
    }

    private void unlock(Connection lease) {
        try {
            lockQuery(lease, UNLOCK);
        } catch (SQLException e) {
            // The session is broken, and a lock dies with its session.
            log.debug("Relay {} could not release its lock: {}", settings.name(), e.getMessage());
        }
    }

    private Duration backoffAfterFailure() {
        return backoff.after(++failuresInARow);
    }
}

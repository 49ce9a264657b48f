package dev.seatbooking.eventsourcing.outbox;

import dev.seatbooking.eventsourcing.messaging.CappedBackoff;
import dev.seatbooking.eventsourcing.messaging.KafkaProducers;
import dev.seatbooking.eventsourcing.store.ChangeSignal;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.errors.RetriableException;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import javax.sql.DataSource;
import java.nio.charset.StandardCharsets;
import java.sql.PreparedStatement;
import java.sql.Types;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/**
 * Sends due outgoing messages to Kafka: one background thread per service instance.
 * <p>
 * A round claims up to {@code batchSize} due, unsent rows ({@code FOR UPDATE SKIP LOCKED}), sends them with
 * an idempotent producer, waits for the acknowledgements, marks the sent ones and commits, all in one
 * transaction. The rows stay locked while they are sent, so several dispatchers on one database (several
 * instances of a service) never send the same row at the same time. A crash between the send and the
 * commit leaves the rows unsent: they are sent again. Delivery is therefore at least once, and consumers
 * drop duplicates by the {@value #MESSAGE_ID_HEADER} header (their inbox).
 * <p>
 * Between rounds it sleeps until the next due time, a wake-up from {@link OutgoingMessages} (a commit in
 * this process enqueued something), or the poll timeout, whichever comes first. The poll timeout is what
 * finds messages enqueued by other processes, and those a crashed instance left behind.
 * <p>
 * Messages go out by due time, then enqueue order, and the producer keeps that order within a partition.
 * A failed send counts an attempt and records the error; a message is never dropped. How it is retried
 * depends on the error:
 * <ul>
 *   <li>Kafka says it may pass on retry (broker unreachable, timeouts, leader changes: a
 *       {@link RetriableException}): the message keeps its place, the rest of the round is left, and the
 *       dispatcher pauses with exponential backoff before trying again from the oldest due message. An outage
 *       thus reorders nothing: a second {@code MakeSeatReservation} for an order cannot overtake the first.</li>
 *   <li>Anything else concerns the record itself (too large, invalid topic, not authorised): retrying at once
 *       would fail alike and block the messages behind it, so the message steps aside, due again after a
 *       backoff that grows with its attempts. Its {@code attempts} and {@code last_error} are what to alert on.</li>
 * </ul>
 * Two dispatchers' rounds running side by side may send one key's messages out of order, as may a
 * producer that fails one record of a partition but not the next; receivers must not depend on the order
 * of messages from different transactions (the process manager correlates replies by command id).
 */
public final class OutgoingMessageDispatcher implements AutoCloseable {

    public static final String MESSAGE_ID_HEADER = "message-id";

    private static final Logger log = LoggerFactory.getLogger(OutgoingMessageDispatcher.class);

    // ORDER BY uses the partial index; SKIP LOCKED leaves rows another dispatcher is sending to it.
    private static final String CLAIM = """
            SELECT message_id, topic, message_key, payload, headers::text, attempts
            FROM outgoing_messages
            WHERE sent_at IS NULL AND due_at <= now()
            ORDER BY due_at, position
            LIMIT ?
            FOR UPDATE SKIP LOCKED""";

    private static final String MARK_SENT = """
            UPDATE outgoing_messages SET sent_at = clock_timestamp(), attempts = attempts + 1
            WHERE message_id = ANY(?)""";

    // A null step-aside keeps the row's place (due_at); otherwise it is due again after that many ms.
    private static final String MARK_FAILED = """
            UPDATE outgoing_messages
            SET attempts = attempts + 1, last_error = ?,
                due_at = coalesce(clock_timestamp() + ?::bigint * interval '1 millisecond', due_at)
            WHERE message_id = ?""";

    // Run in the claiming transaction, so now() is the time of the claim. Unsent rows that were due then
    // but not claimed were locked: another dispatcher is sending them, they are not ours to wait for.
    // Rows that have come due since the claim are included: the wait for them is zero.
    private static final String NEXT_DUE = """
            SELECT extract(epoch FROM min(due_at) - clock_timestamp()) * 1000
            FROM outgoing_messages WHERE sent_at IS NULL AND due_at > now()""";

    private static final String DELETE_SENT_BEFORE = """
            DELETE FROM outgoing_messages WHERE message_id IN (
                SELECT message_id FROM outgoing_messages
                WHERE sent_at < clock_timestamp() - ? * interval '1 millisecond' LIMIT ?)""";
    private static final int DELETE_BATCH = 1000;

    /**
     * How a dispatcher behaves.
     *
     * @param name            names the thread and the log lines
     * @param batchSize       rows claimed, sent and committed together
     * @param pollTimeout     the longest sleep between rounds without a wake-up
     * @param sendTimeout     how long a round waits for acknowledgements before it counts a send as failed;
     *                        longer than the producer's own delivery timeout, which normally decides first
     * @param retryBackoff    the pause after a round failed for want of a broker, and the wait before a
     *                        message that failed by itself is retried; doubled after each further failure ...
     * @param maxRetryBackoff ... up to this
     * @param retention       how long sent rows are kept (see {@link #deleteSentRows()})
     * @param cleanupInterval how often sent rows past the retention are deleted
     */
    public record Settings(String name, int batchSize, Duration pollTimeout, Duration sendTimeout,
                           Duration retryBackoff, Duration maxRetryBackoff, Duration retention,
                           Duration cleanupInterval) {

        public Settings {
            Objects.requireNonNull(name);
            if (batchSize < 1) throw new IllegalArgumentException("batchSize must be positive");
        }

        public static Settings defaults() {
            return new Settings("outgoing", 100, Duration.ofSeconds(1), Duration.ofSeconds(30),
                    Duration.ofSeconds(1), Duration.ofMinutes(5), Duration.ofDays(7), Duration.ofMinutes(10));
        }

        public Settings withName(String name) {
            return new Settings(name, batchSize, pollTimeout, sendTimeout, retryBackoff, maxRetryBackoff, retention, cleanupInterval);
        }

        public Settings withBatchSize(int batchSize) {
            return new Settings(name, batchSize, pollTimeout, sendTimeout, retryBackoff, maxRetryBackoff, retention, cleanupInterval);
        }

        public Settings withPollTimeout(Duration pollTimeout) {
            return new Settings(name, batchSize, pollTimeout, sendTimeout, retryBackoff, maxRetryBackoff, retention, cleanupInterval);
        }

        public Settings withRetryBackoff(Duration retryBackoff, Duration maxRetryBackoff) {
            return new Settings(name, batchSize, pollTimeout, sendTimeout, retryBackoff, maxRetryBackoff, retention, cleanupInterval);
        }
    }

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transactions;
    private final ChangeSignal wakeUp;
    private final Supplier<? extends Producer<String, byte[]>> producers;
    private final Settings settings;
    private final CappedBackoff backoff;
    private final JsonMapper json = JsonMapper.builder().build();
    private final AtomicLong sent = new AtomicLong();
    private final AtomicLong failedSends = new AtomicLong();
    private final AtomicLong rounds = new AtomicLong();
    private volatile boolean running;
    private Thread thread;
    private Producer<String, byte[]> producer; // used by the dispatcher thread only
    private long nextCleanupNanos;
    private int failedRoundsInARow;

    /**
     * @param wakeUp    the signal of this process's {@link OutgoingMessages#enqueued()}
     * @param producers makes the producer (again after a failed send); see {@link #kafkaProducers}
     */
    public OutgoingMessageDispatcher(DataSource dataSource, ChangeSignal wakeUp,
                                     Supplier<? extends Producer<String, byte[]>> producers, Settings settings) {
        this.jdbc = new JdbcTemplate(Objects.requireNonNull(dataSource));
        this.transactions = new TransactionTemplate(new DataSourceTransactionManager(dataSource));
        this.wakeUp = Objects.requireNonNull(wakeUp);
        this.producers = Objects.requireNonNull(producers);
        this.settings = Objects.requireNonNull(settings);
        this.backoff = new CappedBackoff(settings.retryBackoff(), settings.maxRetryBackoff());
    }

    /**
     * Idempotent producers ({@link KafkaProducers}) whose waits are bounded: rows stay locked and a
     * transaction stays open while a round waits, so an unreachable broker must fail a send within
     * seconds, not the client's default minutes.
     */
    public static Supplier<Producer<String, byte[]>> kafkaProducers(String bootstrapServers, String clientId) {
        return kafkaProducers(bootstrapServers, clientId, Duration.ofSeconds(10), Duration.ofSeconds(20));
    }

    /**
     * @param maxBlock        how long a send may wait for topic metadata (an unreachable broker)
     * @param deliveryTimeout how long the producer retries a record before failing it
     */
    public static Supplier<Producer<String, byte[]>> kafkaProducers(String bootstrapServers, String clientId,
                                                                    Duration maxBlock, Duration deliveryTimeout) {
        return () -> {
            Map<String, Object> config = KafkaProducers.idempotentConfig(bootstrapServers, clientId);
            config.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, (int) maxBlock.toMillis());
            // The producer requires delivery.timeout >= linger + request timeout.
            config.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) (deliveryTimeout.toMillis() / 2));
            config.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, (int) deliveryTimeout.toMillis());
            return new KafkaProducer<>(config, new StringSerializer(), new ByteArraySerializer());
        };
    }

    public synchronized OutgoingMessageDispatcher start() {
        if (running) return this;
        running = true;
        thread = Thread.ofPlatform().daemon().name("outgoing-dispatcher-" + settings.name()).start(this::run);
        return this;
    }

    /**
     * Stops after the current round. A round still waiting for acknowledgements after the send timeout is
     * interrupted: its transaction rolls back, and its messages are sent again by the next dispatcher.
     */
    @Override
    public synchronized void close() {
        if (!running) return;
        running = false;
        wakeUp.signal();
        try {
            thread.join(settings.sendTimeout().plusSeconds(5));
            if (thread.isAlive()) {
                thread.interrupt();
                thread.join(Duration.ofSeconds(5));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Messages this dispatcher sent (and saw acknowledged) since it started. */
    public long sentCount() {
        return sent.get();
    }

    /** Sends this dispatcher saw fail since it started; each is retried. */
    public long failedSendCount() {
        return failedSends.get();
    }

    /**
     * Rounds completed since start. A liveness indicator (it grows at least once per poll timeout), and
     * how a test tells "has looked and gone to sleep" from "has not looked yet".
     */
    public long completedRounds() {
        return rounds.get();
    }

    private void run() {
        nextCleanupNanos = System.nanoTime();
        try {
            while (running) {
                long seen = wakeUp.generation();
                try {
                    Round round = dispatchDue();
                    rounds.incrementAndGet();
                    cleanUpWhenTime();
                    if (round.brokerFailed()) {
                        // Wake-ups do not cut this short: enqueuing more does not bring the broker back.
                        pause(backoff.after(++failedRoundsInARow));
                    } else {
                        failedRoundsInARow = 0;
                        wakeUp.awaitChange(seen, round.untilNext());
                    }
                } catch (InterruptedException e) {
                    return;
                } catch (RuntimeException e) {
                    if (!running) return;
                    log.warn("Outgoing messages ({}): round failed, retrying in {}", settings.name(),
                            settings.pollTimeout(), e);
                    discardProducer();
                    pause(settings.pollTimeout());
                }
            }
        } catch (InterruptedException stop) {
            // closing
        } finally {
            discardProducer();
        }
    }

    /** Sleeps, but returns at once when closed. */
    private void pause(Duration duration) throws InterruptedException {
        long deadline = System.nanoTime() + duration.toNanos();
        long left;
        while (running && (left = deadline - System.nanoTime()) > 0) {
            wakeUp.awaitChange(wakeUp.generation(), Duration.ofNanos(left));
        }
    }

    /**
     * What a round found.
     *
     * @param untilNext   how long to sleep unless woken: zero when due rows may be left (a full batch, sends
     *                    skipped after a failure, or rows that came due during the round)
     * @param brokerFailed a send failed with an error Kafka calls retriable: pause before the next round
     */
    record Round(Duration untilNext, boolean brokerFailed) {
    }

    /** One round: claim, send, mark, commit. */
    Round dispatchDue() {
        return transactions.execute(tx -> {
            List<Claimed> due = jdbc.query(CLAIM, (rs, row) -> new Claimed(
                    rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3), rs.getBytes(4),
                    rs.getString(5), rs.getInt(6)), settings.batchSize());
            if (!due.isEmpty()) {
                Outcome outcome = send(due);
                markSent(outcome.sent());
                markFailed(outcome.failed());
                boolean brokerFailed = outcome.failed().stream().anyMatch(f -> brokerFailure(f.error()));
                if (brokerFailed || due.size() == settings.batchSize() || outcome.attempted() < due.size()) {
                    return new Round(Duration.ZERO, brokerFailed);
                }
            }
            return new Round(untilNextDue(), false);
        });
    }

    /** Whether a send failed for want of a (healthy) broker, not because of the record itself. */
    private static boolean brokerFailure(Throwable error) {
        return error instanceof RetriableException || error instanceof TimeoutException;
    }

    private record Claimed(UUID messageId, String topic, String key, byte[] value, String headersJson, int attempts) {
    }

    private record Failure(Claimed message, Throwable error) {
    }

    private record Outcome(List<UUID> sent, List<Failure> failed, int attempted) {
    }

    private Outcome send(List<Claimed> due) {
        Producer<String, byte[]> p = producer();
        List<Future<RecordMetadata>> acks = new ArrayList<>(due.size());
        List<Failure> failed = new ArrayList<>();
        int attempted = 0;
        for (Claimed m : due) {
            attempted++;
            Future<RecordMetadata> ack;
            try {
                ack = p.send(record(m));
            } catch (RuntimeException e) {
                failed.add(new Failure(m, e));
                break;
            }
            acks.add(ack);
            // A send that failed at once (typically no metadata after max.block.ms: the broker is
            // unreachable) would most likely fail the same way for the rest of the batch, each after the
            // same wait with the rows locked. Leave the rest for the next round.
            if (ack.isDone() && failure(ack) != null) break;
        }
        List<UUID> sentIds = new ArrayList<>(acks.size());
        long deadline = System.nanoTime() + settings.sendTimeout().toNanos();
        for (int i = 0; i < acks.size(); i++) {
            Claimed m = due.get(i);
            Throwable error = awaitAck(acks.get(i), deadline);
            if (error == null) sentIds.add(m.messageId());
            else failed.add(new Failure(m, error));
        }
        // Some producer errors are fatal to the producer; a fresh one costs one round trip.
        if (!failed.isEmpty()) discardProducer();
        sent.addAndGet(sentIds.size());
        failedSends.addAndGet(failed.size());
        return new Outcome(sentIds, failed, attempted);
    }

    private static Throwable failure(Future<RecordMetadata> ack) {
        try {
            ack.get();
            return null;
        } catch (ExecutionException e) {
            return e.getCause();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return e;
        }
    }

    private static Throwable awaitAck(Future<RecordMetadata> ack, long deadlineNanos) {
        try {
            ack.get(Math.max(0, deadlineNanos - System.nanoTime()), TimeUnit.NANOSECONDS);
            return null;
        } catch (ExecutionException e) {
            return e.getCause();
        } catch (TimeoutException e) {
            return e;
        } catch (InterruptedException e) {
            // Closing: roll the round back; its messages are sent again later (at least once).
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while waiting for Kafka acknowledgements", e);
        }
    }

    private ProducerRecord<String, byte[]> record(Claimed m) {
        RecordHeaders headers = new RecordHeaders();
        Map<String, String> stored = json.readValue(m.headersJson(), new TypeReference<Map<String, String>>() {
        });
        stored.forEach((name, value) -> {
            if (!MESSAGE_ID_HEADER.equals(name)) headers.add(name, value.getBytes(StandardCharsets.UTF_8));
        });
        headers.add(MESSAGE_ID_HEADER, m.messageId().toString().getBytes(StandardCharsets.UTF_8));
        return new ProducerRecord<>(m.topic(), null, null, m.key(), m.value(), headers);
    }

    private void markSent(List<UUID> ids) {
        if (ids.isEmpty()) return;
        jdbc.update(connection -> {
            PreparedStatement ps = connection.prepareStatement(MARK_SENT);
            ps.setArray(1, connection.createArrayOf("uuid", ids.toArray()));
            return ps;
        });
    }

    private void markFailed(List<Failure> failures) {
        if (failures.isEmpty()) return;
        for (Failure f : failures) {
            log.warn("Outgoing messages ({}): sending {} to {} failed (attempt {}): {}", settings.name(),
                    f.message().messageId(), f.message().topic(), f.message().attempts() + 1, f.error().toString());
        }
        jdbc.batchUpdate(MARK_FAILED, failures, failures.size(), (ps, f) -> {
            ps.setString(1, truncate(f.error().toString()));
            if (brokerFailure(f.error())) ps.setNull(2, Types.BIGINT);
            else ps.setLong(2, backoff.after(f.message().attempts() + 1).toMillis());
            ps.setObject(3, f.message().messageId());
        });
    }

    private Duration untilNextDue() {
        Double millis = jdbc.queryForObject(NEXT_DUE, Double.class);
        if (millis == null) return settings.pollTimeout();
        if (millis <= 0) return Duration.ZERO;
        Duration untilDue = Duration.ofMillis((long) Math.ceil(millis) + 1);
        return untilDue.compareTo(settings.pollTimeout()) < 0 ? untilDue : settings.pollTimeout();
    }

    /**
     * Sent rows are kept for the retention rather than deleted on send: while a row is there, enqueuing
     * the same message id again (a handler retried after its transaction committed, say) is a no-op
     * instead of a second send, and the row answers "was it sent, when, after how many attempts" when
     * something looks lost. Sent rows leave the dispatcher's partial index, so keeping them costs the
     * rounds nothing; this deletes them in small batches once they are older than the retention.
     */
    int deleteSentRows() {
        int total = 0;
        int deleted;
        do {
            deleted = jdbc.update(DELETE_SENT_BEFORE, settings.retention().toMillis(), DELETE_BATCH);
            total += deleted;
        } while (deleted == DELETE_BATCH && running);
        return total;
    }

    private void cleanUpWhenTime() {
        long now = System.nanoTime();
        if (now - nextCleanupNanos < 0) return;
        nextCleanupNanos = now + settings.cleanupInterval().toNanos();
        int deleted = deleteSentRows();
        if (deleted > 0) log.debug("Outgoing messages ({}): deleted {} sent rows past retention", settings.name(), deleted);
    }

    private Producer<String, byte[]> producer() {
        if (producer == null) producer = producers.get();
        return producer;
    }

    private void discardProducer() {
        if (producer == null) return;
        try {
            producer.close(Duration.ZERO);
        } catch (RuntimeException e) {
            log.debug("Outgoing messages ({}): closing the producer failed", settings.name(), e);
        }
        producer = null;
    }

    private static String truncate(String error) {
        return error.length() <= 2000 ? error : error.substring(0, 2000);
    }
}

package dev.seatbooking.readmodel.projection;

import dev.seatbooking.readmodel.ReadModelProperties;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.InterruptException;
import org.apache.kafka.common.errors.TimeoutException;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalLong;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Feeds one generation of one projection from Kafka, in one thread: poll, apply the batch in one
 * transaction ({@link BatchApplier}), repeat. Every instance of the service feeding the generation runs one, all in
 * the generation's consumer group, which shares the partitions among them; no offset is committed to Kafka: on
 * assignment a partition resumes from the generation's own {@code offsets} table, written in the batch's
 * transaction and fenced there (a batch commits only if its partitions' offsets are still where this runner resumed
 * them), so a batch is never half applied nor applied twice, even by an instance that lost its partition mid-batch.
 * Each generation has a group of its own, so a rebuild reads the topics from offset zero while the serving
 * generation keeps going.
 *
 * <p>A failing batch is retried from the last committed offsets with a growing pause (up to 30 s), its
 * error shown by {@link #failure()}: the projection stalls rather than skip an event.
 */
public final class ProjectionRunner {

    private static final Logger log = LoggerFactory.getLogger(ProjectionRunner.class);
    private static final Duration MAX_BACKOFF = Duration.ofSeconds(30);

    private final Projection projection;
    private final Tables tables;
    private final BatchApplier applier;
    private final String bootstrapServers;
    private final List<String> topics;
    private final ReadModelProperties.Consumer settings;
    private final String consumerGroup;
    private final BatchHooks hooks;
    private final CountDownLatch stopping = new CountDownLatch(1);
    private final Map<TopicPartition, Long> committed = new ConcurrentHashMap<>();
    private final AtomicLong recordsRead = new AtomicLong();
    private final AtomicLong eventsApplied = new AtomicLong();
    private final AtomicLong duplicates = new AtomicLong();
    private final Instant startedAt = Instant.now();

    private volatile RunnerListener listener;
    private volatile boolean running;
    private volatile KafkaConsumer<String, byte[]> consumer;
    private volatile Thread thread;
    private volatile Map<TopicPartition, Long> positions = Map.of();
    private volatile long lag = -1;
    private volatile String failure;

    private volatile boolean subscribed;
    /** The next loop first seeks every partition held back to the stored offsets (which needs the database). */
    private boolean rewindPending;
    /** The group has given this runner its share at least once: until then its lag is unknown, not zero. */
    private volatile boolean joined;

    public ProjectionRunner(Projection projection, Tables tables, BatchApplier applier, String bootstrapServers,
                            ReadModelProperties.Topics topicNames, ReadModelProperties.Consumer settings,
                            String consumerGroup, BatchHooks hooks, RunnerListener listener) {
        this.projection = Objects.requireNonNull(projection);
        this.tables = Objects.requireNonNull(tables);
        this.applier = Objects.requireNonNull(applier);
        this.bootstrapServers = Objects.requireNonNull(bootstrapServers);
        this.topics = topicsOf(projection, topicNames);
        this.settings = Objects.requireNonNull(settings);
        this.consumerGroup = Objects.requireNonNull(consumerGroup);
        this.hooks = Objects.requireNonNull(hooks);
        this.listener = Objects.requireNonNull(listener);
    }

    /** The topics a projection reads, in a stable order. */
    public static List<String> topicsOf(Projection projection, ReadModelProperties.Topics topicNames) {
        return projection.streams().stream().map(type -> type.topic(topicNames)).distinct().sorted().toList();
    }

    public synchronized void start() {
        if (thread != null) throw new IllegalStateException("Already started");
        running = true;
        thread = Thread.ofPlatform().name("projection-" + projection.name() + "-g" + tables.generation().number())
                .daemon(true).start(this::run);
    }

    /** Stops after the batch in hand (which commits or rolls back as a whole) and waits for the thread to end. */
    public void stop() {
        running = false;
        stopping.countDown();
        KafkaConsumer<String, byte[]> c = consumer;
        if (c != null) c.wakeup();
        Thread t = thread;
        if (t != null && t != Thread.currentThread()) {
            try {
                t.join(TimeUnit.SECONDS.toMillis(30));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    public void listener(RunnerListener listener) {
        this.listener = Objects.requireNonNull(listener);
    }

    public Projection projection() {
        return projection;
    }

    public Generation generation() {
        return tables.generation();
    }

    public Tables tables() {
        return tables;
    }

    public List<String> topics() {
        return topics;
    }

    public String consumerGroup() {
        return consumerGroup;
    }

    public boolean isRunning() {
        return running;
    }

    /** The consumer's position per partition assigned to this instance, after its last poll. */
    public Map<TopicPartition, Long> positions() {
        return positions;
    }

    /**
     * Records on the partitions assigned to this instance after this generation's position, as of the consumer's last
     * fetches (while the broker is away, as it last answered); -1 unknown (also until the consumer group has given
     * this instance its share: a restarted instance waits for its killed predecessor's session to expire). Other
     * instances feeding the generation report their own partitions.
     */
    public long lag() {
        return lag;
    }

    public long recordsRead() {
        return recordsRead.get();
    }

    public long eventsApplied() {
        return eventsApplied.get();
    }

    public long duplicates() {
        return duplicates.get();
    }

    public Instant startedAt() {
        return startedAt;
    }

    /** Why the last batch failed, while it keeps failing; null when the last attempt succeeded. */
    public String failure() {
        return failure;
    }

    private void run() {
        Duration backoff = settings.retryInterval();
        try (KafkaConsumer<String, byte[]> c = new KafkaConsumer<>(consumerConfig(), new StringDeserializer(),
                new ByteArrayDeserializer())) {
            consumer = c;
            while (running) {
                try {
                    if (!ensureSubscribed(c)) {
                        pause(settings.retryInterval());
                        continue;
                    }
                    if (rewindPending) {
                        rewind(c);
                        rewindPending = false;
                    }
                    ConsumerRecords<String, byte[]> records = c.poll(settings.pollTimeout());
                    if (!records.isEmpty()) {
                        List<ConsumerRecord<String, byte[]>> batch = new ArrayList<>(records.count());
                        for (ConsumerRecord<String, byte[]> record : records) batch.add(record);
                        BatchApplier.Outcome outcome = applier.apply(projection, tables, batch, Map.copyOf(committed),
                                hooks);
                        committed.putAll(outcome.nextOffsets());
                        recordsRead.addAndGet(outcome.records());
                        eventsApplied.addAndGet(outcome.applied());
                        duplicates.addAndGet(outcome.duplicates());
                        failure = null;
                        backoff = settings.retryInterval();
                        listener.committed(this, outcome);
                    }
                    positions = currentPositions(c);
                    refreshLag(c);
                    listener.polled(this);
                } catch (WakeupException | InterruptException e) {
                    if (!running) break;
                } catch (PartitionMovedException e) {
                    log.info("Projection {}: {}; resuming from the stored offsets", tables.generation(), e.getMessage());
                    rewindPending = true;
                } catch (GenerationNotFedException e) {
                    log.info("Projection {} runner stops: {}", tables.generation(), e.getMessage());
                    running = false;
                    listener.notFed(this);
                } catch (RuntimeException e) {
                    // Kept when stopping too: a batch that failed as its connection was taken away (a kill, a pool
                    // closed mid-commit) may or may not be committed, and whoever reads this runner must know.
                    failure = e.toString();
                    if (!running) break;
                    log.warn("Projection {} failed; retrying from its last committed offsets in {} ms",
                            tables.generation(), backoff.toMillis(), e);
                    pause(backoff);
                    backoff = backoff.multipliedBy(2).compareTo(MAX_BACKOFF) > 0 ? MAX_BACKOFF : backoff.multipliedBy(2);
                    // Also after a rebalance whose seeks failed (database away): no partition may be read from
                    // anywhere but its stored offset.
                    rewindPending = true;
                }
            }
        } catch (RuntimeException e) {
            log.error("Projection {} stopped", tables.generation(), e);
        } finally {
            consumer = null;
            running = false;
        }
    }

    private Map<String, Object> consumerConfig() {
        Map<String, Object> config = new HashMap<>();
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        config.put(ConsumerConfig.CLIENT_ID_CONFIG, "readmodel-" + tables.generation().schema());
        config.put(ConsumerConfig.GROUP_ID_CONFIG, consumerGroup);
        config.put(ConsumerConfig.SESSION_TIMEOUT_MS_CONFIG, (int) settings.sessionTimeout().toMillis());
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        config.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, settings.maxPollRecords());
        return config;
    }

    /** Joins the generation's group once every topic exists; false while one is missing. */
    private boolean ensureSubscribed(KafkaConsumer<String, byte[]> c) {
        if (subscribed) return true;
        for (String topic : topics) {
            List<PartitionInfo> infos = c.partitionsFor(topic, Duration.ofSeconds(10));
            if (infos == null || infos.isEmpty()) {
                log.info("Projection {} waits for topic {}", tables.generation(), topic);
                return false;
            }
        }
        c.subscribe(topics, new Resume(c));
        subscribed = true;
        log.info("Projection {} reads {} in consumer group {}", tables.generation(), topics, consumerGroup);
        return true;
    }

    /** Partitions given to this instance resume from the stored offsets; Kafka's committed offsets play no part. */
    private final class Resume implements ConsumerRebalanceListener {
        private final KafkaConsumer<String, byte[]> c;

        Resume(KafkaConsumer<String, byte[]> c) {
            this.c = c;
        }

        @Override
        public void onPartitionsAssigned(Collection<TopicPartition> partitions) {
            joined = true;
            if (partitions.isEmpty()) return;
            seekToStored(c, partitions);
            log.info("Projection {} took partitions {}", tables.generation(), partitions);
        }

        @Override
        public void onPartitionsRevoked(Collection<TopicPartition> partitions) {
            partitions.forEach(committed::remove);
        }
    }

    /** Back to the stored offsets of every partition held, so a failed or fenced batch is read again. */
    private void rewind(KafkaConsumer<String, byte[]> c) {
        if (subscribed) seekToStored(c, c.assignment());
    }

    private void seekToStored(KafkaConsumer<String, byte[]> c, Collection<TopicPartition> partitions) {
        Map<TopicPartition, Long> stored = GenerationSchema.offsets(tables);
        List<TopicPartition> fresh = new ArrayList<>();
        for (TopicPartition tp : partitions) {
            Long next = stored.get(tp);
            if (next == null) {
                committed.remove(tp);
                fresh.add(tp);
            } else {
                committed.put(tp, next);
                c.seek(tp, next);
            }
        }
        if (!fresh.isEmpty()) c.seekToBeginning(fresh);
    }

    // Asks the broker nothing: a position not known yet (a partition sent back to its beginning, the broker away)
    // keeps its last figure, or is left out until a poll has found it. Waiting for it here instead took the broker's
    // absence for a failing batch (a timeout after 10 s), and the retries' growing pauses then outlasted the broker.
    private Map<TopicPartition, Long> currentPositions(KafkaConsumer<String, byte[]> c) {
        Map<TopicPartition, Long> now = new HashMap<>();
        for (TopicPartition tp : c.assignment()) {
            try {
                now.put(tp, c.position(tp, Duration.ZERO));
            } catch (TimeoutException notKnownYet) {
                Long before = positions.get(tp);
                if (before != null) now.put(tp, before);
            }
        }
        return Map.copyOf(now);
    }

    // From what the consumer's fetches brought back (each partition's last stable offset), not from a request of its
    // own: endOffsets asked the broker every half second and, with the broker away, failed the runner after 5 s.
    // A partition not fetched yet leaves the lag as it was (unknown until the first fetch of every partition held).
    private void refreshLag(KafkaConsumer<String, byte[]> c) {
        if (!joined) return;
        long behind = 0;
        for (TopicPartition tp : c.assignment()) {
            OptionalLong partitionLag = c.currentLag(tp);
            if (partitionLag.isEmpty()) return;
            behind += partitionLag.getAsLong();
        }
        lag = behind;
    }

    private void pause(Duration duration) {
        try {
            stopping.await(duration.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running = false;
        }
    }
}

package dev.seatbooking.registration.benchmark;

import dev.seatbooking.contracts.Money;
import dev.seatbooking.contracts.Topics;
import dev.seatbooking.eventsourcing.messaging.MessageHeaders;
import dev.seatbooking.registration.RegistrationApplication;
import dev.seatbooking.registration.support.RegistrantClient;
import dev.seatbooking.registration.support.RegistrantClient.Response;
import dev.seatbooking.registration.support.UpstreamServices;
import dev.seatbooking.registration.support.UpstreamServices.PublishedConference;
import dev.seatbooking.registration.support.UpstreamServices.SeatTypeSpec;
import dev.seatbooking.testinfra.benchmark.BenchmarkMain;
import dev.seatbooking.testinfra.benchmark.CpuTime;
import dev.seatbooking.testinfra.benchmark.ThreadCpu;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;

import java.lang.management.ManagementFactory;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A load generator, not a test: starts a PostgreSQL (durable by default: fsync and synchronous commit on), a Kafka
 * broker and the registration service, then places orders for one hot conference through the REST API from
 * {@code clients} threads, and measures for each order the time from its place-order request to its
 * OrderReservationCompleted/OrderPartiallyReserved appearing on {@code registration.events}.
 * <p>
 * Options ({@code -Dname=value}): {@code orders} (default 10000), {@code rate} (orders/s offered, 500; 0 lets every
 * client send its next order as soon as the last is answered: the capacity), {@code warmup} (20000 orders, so that
 * the JIT compilers are mostly done), {@code warmupRate} (450; 0: as fast as answered), {@code clients} (32),
 * {@code partitions} (6), {@code seatsPerOrder} (2), {@code durable} (true), {@code idle} (seconds to measure the
 * idle CPU after the run; 0), and {@code service.<property>} for any property of the service.
 * Run it with {@code registration-service/run-load-benchmark.sh}.
 */
public final class LoadBenchmark {

    private static final String RESERVED = "registration.OrderReservationCompleted";
    private static final String PARTIALLY = "registration.OrderPartiallyReserved";

    public static void main(String[] args) {
        BenchmarkMain.runAndExit(LoadBenchmark::benchmark);
    }

    private static void benchmark() throws Exception {
        int orders = Integer.getInteger("orders", 10_000);
        int warmup = Integer.getInteger("warmup", 20_000);
        int warmupRate = Integer.getInteger("warmupRate", 450);
        int clients = Integer.getInteger("clients", 32);
        int partitions = Integer.getInteger("partitions", 6);
        int seatsPerOrder = Integer.getInteger("seatsPerOrder", 2);
        int rate = Integer.getInteger("rate", 500);
        boolean durable = Boolean.parseBoolean(System.getProperty("durable", "true"));

        log("Starting PostgreSQL (%s), Kafka and the registration service (JVM options %s) ...",
                durable ? "durable" : "fsync off", ManagementFactory.getRuntimeMXBean().getInputArguments().stream()
                        .filter(a -> a.startsWith("-X")).toList());
        var postgres = EmbeddedPostgres.builder().setServerConfig("max_connections", "200")
                .setServerConfig("shared_buffers", "256MB")
                .setServerConfig("fsync", durable ? "on" : "off")
                .setServerConfig("synchronous_commit", durable ? "on" : "off")
                .start();
        try (Connection c = postgres.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE registration");
        }
        var kafka = new EmbeddedKafkaKraftBroker(1, partitions);
        kafka.brokerProperties(Map.of("auto.create.topics.enable", "true", "num.partitions", String.valueOf(partitions),
                "group.initial.rebalance.delay.ms", "0", "offsets.topic.replication.factor", "1",
                "transaction.state.log.replication.factor", "1", "transaction.state.log.min.isr", "1"));
        kafka.afterPropertiesSet();
        String bootstrap = kafka.getBrokersAsString();

        Map<String, Object> properties = new HashMap<>();
        properties.put("spring.datasource.url", postgres.getJdbcUrl("postgres", "registration"));
        properties.put("spring.datasource.username", "postgres");
        properties.put("spring.datasource.password", "postgres");
        properties.put("spring.kafka.bootstrap-servers", bootstrap);
        properties.put("server.port", 0);
        properties.put("registration.messaging.partitions", partitions);
        properties.put("registration.seats-per-client.seats", 0); // every simulated registrant is on 127.0.0.1
        properties.put("logging.level.root", "WARN");
        properties.put("spring.main.banner-mode", "off");
        // -Dservice.<property>=<value> sets a property of the service, e.g. -Dservice.registration.messaging.max-poll-records=200
        System.getProperties().stringPropertyNames().stream().filter(n -> n.startsWith("service."))
                .forEach(n -> properties.put(n.substring("service.".length()), System.getProperty(n)));
        // As arguments: they win over application.yml, as they would on a command line.
        ConfigurableApplicationContext service = new SpringApplicationBuilder(RegistrationApplication.class)
                .run(properties.entrySet().stream().map(e -> "--" + e.getKey() + "=" + e.getValue()).toArray(String[]::new));
        int port = ((WebServerApplicationContext) service).getWebServer().getPort();
        var registrant = new RegistrantClient("http://localhost:" + port);

        try (var upstream = new UpstreamServices(bootstrap, "");
             var follower = new ReservationFollower(bootstrap, Topics.REGISTRATION_EVENTS, partitions)) {
            int capacity = (warmup + orders) * seatsPerOrder;
            PublishedConference conference = upstream.publishConference(Duration.ofMinutes(15),
                    new SeatTypeSpec("General", capacity, Money.of("100.00", "EUR")));
            waitUntilOnSale(registrant, conference);

            log("Warm-up: %d orders%s ...", warmup, warmupRate > 0 ? " at " + warmupRate + " orders/s" : "");
            run(registrant, follower, conference, warmup, clients, seatsPerOrder, warmupRate);
            log("Measured: %d orders from %d client threads against one conference, %s ...", orders, clients,
                    rate > 0 ? rate + " orders/s offered" : "each as fast as it gets answers");
            Instant measuredFrom = Instant.now();
            CpuTime before = CpuTime.now(postgres.getPort());
            ThreadCpu threadCpu = new ThreadCpu();
            Run measured = run(registrant, follower, conference, orders, clients, seatsPerOrder, rate);
            CpuTime used = CpuTime.now(postgres.getPort()).minus(before);
            measured.print();
            double seconds = (measured.lastReservedNanos() - measured.firstSentNanos()) / 1e9;
            System.out.printf("CPU used                   JVM (service + Kafka + load generator) %.1f s, PostgreSQL %.1f s"
                            + " = %.2f of %d cores over the run; %.1f ms CPU per order%n",
                    used.jvmSeconds(), used.postgresSeconds(), (used.jvmSeconds() + used.postgresSeconds()) / seconds,
                    Runtime.getRuntime().availableProcessors(),
                    (used.jvmSeconds() + used.postgresSeconds()) * 1000 / orders);
            HopBreakdown.print(service.getBean(javax.sql.DataSource.class), measuredFrom);
            threadCpu.print(orders);
            int idle = Integer.getInteger("idle", 0);
            if (idle > 0) {
                TimeUnit.SECONDS.sleep(3);
                CpuTime idleStart = CpuTime.now(postgres.getPort());
                ThreadCpu idleThreads = new ThreadCpu();
                TimeUnit.SECONDS.sleep(idle);
                CpuTime idleUsed = CpuTime.now(postgres.getPort()).minus(idleStart);
                System.out.printf("%nIdle for %d s: JVM %.2f cores, PostgreSQL %.2f cores%n",
                        idle, idleUsed.jvmSeconds() / idle, idleUsed.postgresSeconds() / idle);
                idleThreads.print(idle * 1000.0, "cores");
            }
        } finally {
            service.close();
            kafka.destroy();
            postgres.close();
        }
    }

    private record Run(int orders, long firstSentNanos, long lastPlacedNanos, long lastReservedNanos,
                       long[] placeMillis, long[] reservedMillis) {
        void print() {
            double seconds = (lastReservedNanos - firstSentNanos) / 1e9;
            double placing = (lastPlacedNanos - firstSentNanos) / 1e9;
            System.out.println();
            System.out.printf("orders                     %d%n", orders);
            System.out.printf("throughput (placed→reserved) %.0f orders/s  (%.1f s from first request to last reserved)%n",
                    orders / seconds, seconds);
            System.out.printf("REST place-order rate      %.0f requests/s%n", orders / placing);
            System.out.printf("place-order request        p50 %d ms  p99 %d ms  max %d ms%n",
                    pct(placeMillis, 50), pct(placeMillis, 99), placeMillis[placeMillis.length - 1]);
            System.out.printf("request → marked reserved  p50 %d ms  p99 %d ms  max %d ms%n",
                    pct(reservedMillis, 50), pct(reservedMillis, 99), reservedMillis[reservedMillis.length - 1]);
            System.out.printf("(reference: the book's V2 system processed < 5 orders/s; target >= 500 orders/s, p99 < 1 s)%n");
        }
    }

    /**
     * @param rate orders per second to offer (order i is due {@code i / rate} seconds after the start, and its times
     *             are counted from then, so a client falling behind shows as latency); 0: every client sends its next
     *             order as soon as the last one is answered
     */
    private static Run run(RegistrantClient registrant, ReservationFollower follower, PublishedConference conference,
                           int orders, int clients, int seatsPerOrder, int rate) throws Exception {
        List<UUID> ids = new ArrayList<>(orders);
        for (int i = 0; i < orders; i++) ids.add(UUID.randomUUID());
        Map<UUID, Long> sent = new ConcurrentHashMap<>();
        long[] placeMillis = new long[orders];
        AtomicInteger next = new AtomicInteger();
        AtomicLong lastPlaced = new AtomicLong();
        AtomicInteger failures = new AtomicInteger();
        follower.expect(ids);
        long start = System.nanoTime();
        try (ExecutorService pool = Executors.newFixedThreadPool(clients)) {
            for (int t = 0; t < clients; t++) {
                pool.submit(() -> {
                    for (int i = next.getAndIncrement(); i < orders; i = next.getAndIncrement()) {
                        UUID id = ids.get(i);
                        long before = System.nanoTime();
                        if (rate > 0) {
                            long due = start + i * 1_000_000_000L / rate;
                            while (System.nanoTime() < due) java.util.concurrent.locks.LockSupport.parkNanos(due - System.nanoTime());
                            before = due;
                        }
                        sent.put(id, before);
                        Response r = registrant.placeOrder(conference.id(), id, conference.seatType(), seatsPerOrder);
                        long after = System.nanoTime();
                        placeMillis[i] = (after - before) / 1_000_000;
                        lastPlaced.accumulateAndGet(after, Math::max);
                        if (r.status() != 201) failures.incrementAndGet();
                    }
                });
            }
        }
        if (failures.get() > 0) throw new IllegalStateException(failures.get() + " orders were not placed");
        if (!follower.awaitAll(Duration.ofMinutes(10))) {
            throw new IllegalStateException("Only " + follower.seen() + " of " + orders + " orders were reserved in time");
        }
        Map<UUID, Long> reservedAt = follower.reservedAt();
        long[] latencies = ids.stream().mapToLong(id -> (reservedAt.get(id) - sent.get(id)) / 1_000_000).sorted().toArray();
        long lastReserved = ids.stream().mapToLong(reservedAt::get).max().orElseThrow();
        Arrays.sort(placeMillis);
        return new Run(orders, start, lastPlaced.get(), lastReserved, placeMillis, latencies);
    }

    private static void waitUntilOnSale(RegistrantClient registrant, PublishedConference conference) throws InterruptedException {
        // An order is refused while the conference is unknown (404) or not yet published (422); the probe order is
        // placed once it is accepted, and then belongs to the warm-up.
        UUID probe = UUID.randomUUID();
        for (int i = 0; i < 600; i++) {
            if (registrant.placeOrder(conference.id(), probe, conference.seatType(), 1).status() == 201) return;
            TimeUnit.MILLISECONDS.sleep(100);
        }
        throw new IllegalStateException("The conference never went on sale");
    }

    private static long pct(long[] sorted, int percentile) {
        int index = (int) Math.ceil(percentile / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
    }

    private static void log(String format, Object... args) {
        System.out.printf("[benchmark] " + format + "%n", args);
    }

    /** Follows registration.events and notes when each expected order was first marked reserved. */
    private static final class ReservationFollower implements AutoCloseable {

        private final KafkaConsumer<String, byte[]> consumer;
        private final Map<UUID, Long> reservedAt = new ConcurrentHashMap<>();
        private volatile java.util.Set<UUID> expected = java.util.Set.of();
        private volatile CountDownLatch remaining = new CountDownLatch(0);
        private final Thread thread;
        private volatile boolean running = true;

        ReservationFollower(String bootstrap, String topic, int partitions) {
            consumer = new KafkaConsumer<>(Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                    ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
                    ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed",
                    ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG, 10),
                    new StringDeserializer(), new ByteArrayDeserializer());
            List<TopicPartition> all = new ArrayList<>();
            for (int p = 0; p < partitions; p++) all.add(new TopicPartition(topic, p));
            consumer.assign(all);
            consumer.seekToBeginning(all);
            thread = Thread.ofPlatform().daemon().name("reservation-follower").start(this::follow);
        }

        synchronized void expect(List<UUID> orders) {
            expected = java.util.Set.copyOf(orders);
            remaining = new CountDownLatch(orders.size());
        }

        boolean awaitAll(Duration timeout) throws InterruptedException {
            return remaining.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
        }

        long seen() {
            return expected.size() - remaining.getCount();
        }

        Map<UUID, Long> reservedAt() {
            return reservedAt;
        }

        private void follow() {
            while (running) {
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(50))) {
                    long now = System.nanoTime();
                    String type = MessageHeaders.text(record.headers(), MessageHeaders.MESSAGE_TYPE).orElse("");
                    if (!type.equals(RESERVED) && !type.equals(PARTIALLY)) continue;
                    UUID order = UUID.fromString(record.key());
                    if (expected.contains(order) && reservedAt.putIfAbsent(order, now) == null) remaining.countDown();
                }
            }
        }

        @Override
        public void close() throws InterruptedException {
            running = false;
            thread.join(5000);
            consumer.close();
        }
    }
}

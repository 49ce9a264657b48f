package dev.seatbooking.readmodel.benchmark;

import dev.seatbooking.contracts.Envelope;
import dev.seatbooking.contracts.codec.MessageCodec;
import dev.seatbooking.eventsourcing.messaging.KafkaProducers;
import dev.seatbooking.readmodel.ReadModelApplication;
import dev.seatbooking.readmodel.ReadModelProperties;
import dev.seatbooking.readmodel.projection.Projection;
import dev.seatbooking.readmodel.projection.ProjectionRunner;
import dev.seatbooking.readmodel.projection.Projections;
import dev.seatbooking.readmodel.projection.StreamType;
import dev.seatbooking.readmodel.rebuild.ProjectionLifecycle;
import dev.seatbooking.readmodel.rebuild.RebuildStatus;
import dev.seatbooking.readmodel.support.EventPublisher;
import dev.seatbooking.readmodel.support.OrderHistories;
import dev.seatbooking.testinfra.TestKafka;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Locale;
import java.util.Optional;

/**
 * How fast a projection rebuilds from Kafka, beside how fast a plain consumer reads the same topics in the same
 * run. Not a test: run {@code read-model-service/run-rebuild-benchmark.sh [orders]}.
 *
 * <p>It starts a durable embedded PostgreSQL of its own (fsync and synchronous commit on), the embedded Kafka
 * broker of the tests (one broker, 3 partitions per topic), and the read-model service without its web layer;
 * publishes the events of {@code orders} orders of one conference (about 11 events per order over the three
 * topics, as {@link OrderHistories} generates them) and lets the live projections apply them; then measures
 * <ol>
 *   <li>a plain {@code KafkaConsumer} reading the projection's topics from offset zero to the end (values as
 *       bytes, nothing done with them), the raw rate;</li>
 *   <li>the same plus decoding every envelope with the contracts' codec;</li>
 *   <li>a rebuild of each projection alone (from the admin call until the new generation serves), then of all
 *       four at once.</li>
 * </ol>
 * Rates are records per second; every record is an event. "applied/s" counts only the events the projection
 * applies (a projection reads, but skips unread, the records of streams it does not follow).
 */
public final class RebuildBenchmark {

    public static void main(String[] args) throws Exception {
        int orders = args.length > 0 ? Integer.parseInt(args[0]) : 10_000;
        Locale.setDefault(Locale.ROOT);
        int status = 1;
        try (EmbeddedPostgres postgres = EmbeddedPostgres.builder()
                .setServerConfig("synchronous_commit", "on")
                .setServerConfig("fsync", "on")
                .start()) {
            try (Connection c = postgres.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
                s.execute("CREATE DATABASE readmodel");
            }
            run(orders, postgres.getJdbcUrl("postgres", "readmodel"));
            status = 0;
        } catch (Exception | Error e) {
            e.printStackTrace();
        } finally {
            // the embedded broker's threads would keep the JVM alive
            System.exit(status);
        }
    }

    private static void run(int orders, String jdbcUrl) throws Exception {
        String kafka = TestKafka.bootstrapServers();
        var topics = new ReadModelProperties.Topics(TestKafka.uniqueTopic("bench.conference.events"),
                TestKafka.uniqueTopic("bench.registration.events"), TestKafka.uniqueTopic("bench.payments.events"));
        long published = publish(orders, topics, kafka);

        ConfigurableApplicationContext app = new SpringApplicationBuilder(ReadModelApplication.class)
                .web(WebApplicationType.NONE)
                .run("--spring.datasource.url=" + jdbcUrl,
                        "--spring.datasource.username=postgres",
                        "--spring.datasource.password=postgres",
                        "--spring.kafka.bootstrap-servers=" + kafka,
                        "--seatbooking.readmodel.topics.conference-events=" + topics.conferenceEvents(),
                        "--seatbooking.readmodel.topics.registration-events=" + topics.registrationEvents(),
                        "--seatbooking.readmodel.topics.payments-events=" + topics.paymentsEvents(),
                        "--seatbooking.readmodel.rebuild.drop-retired-after=1s",
                        "--logging.level.dev.seatbooking.readmodel=WARN",
                        "--spring.main.banner-mode=off");
        try {
            Projections projections = app.getBean(Projections.class);
            ProjectionLifecycle lifecycle = app.getBean(ProjectionLifecycle.class);
            long buildStart = System.nanoTime();
            awaitCaughtUp(projections, lifecycle, kafka);
            double firstBuild = seconds(buildStart);

            System.out.printf("%nRebuild benchmark: %,d orders, %,d events published (conference %s, registration %s, payments %s: 3 partitions each)%n",
                    orders, published, count(kafka, List.of(topics.conferenceEvents())),
                    count(kafka, List.of(topics.registrationEvents())), count(kafka, List.of(topics.paymentsEvents())));
            System.out.printf("JDK %s, %d CPUs; PostgreSQL 17 embedded (fsync on, synchronous_commit on); Kafka embedded KRaft broker%n",
                    Runtime.version(), Runtime.getRuntime().availableProcessors());
            System.out.printf("The live projections built themselves from offset zero at start-up in %.1f s (all four in parallel)%n%n", firstBuild);

            Map<List<String>, Rate> raw = new LinkedHashMap<>();
            Map<List<String>, Rate> decoded = new LinkedHashMap<>();
            for (Projection projection : projections.all()) {
                List<String> t = ProjectionRunner.topicsOf(projection, topics);
                readAll(kafka, t, false); // warm-up
            }
            for (Projection projection : projections.all()) {
                List<String> t = ProjectionRunner.topicsOf(projection, topics);
                raw.computeIfAbsent(t, k -> readAll(kafka, k, false));
                decoded.computeIfAbsent(t, k -> readAll(kafka, k, true));
            }

            System.out.printf("%-42s %10s %9s %12s %12s %9s%n", "", "records", "seconds", "records/s", "applied/s", "vs raw");
            for (Map.Entry<List<String>, Rate> r : raw.entrySet()) {
                System.out.printf("%-42s %,10d %9.2f %,12.0f %12s %9s%n", "plain consumer, " + label(r.getKey(), topics),
                        r.getValue().records, r.getValue().seconds, r.getValue().perSecond(), "", "1.00");
                Rate d = decoded.get(r.getKey());
                System.out.printf("%-42s %,10d %9.2f %,12.0f %12s %9.2f%n", "  + decode every envelope",
                        d.records, d.seconds, d.perSecond(), "", d.perSecond() / r.getValue().perSecond());
            }
            for (Projection projection : projections.all()) {
                long started = System.nanoTime();
                RebuildStatus status = rebuild(lifecycle, List.of(projection.name())).getFirst();
                Rate reference = raw.get(ProjectionRunner.topicsOf(projection, topics));
                print("rebuild " + projection.name(), status, seconds(started), reference);
            }
            List<String> names = projections.all().stream().map(Projection::name).toList();
            long start = System.nanoTime();
            List<RebuildStatus> all = rebuild(lifecycle, names);
            double seconds = seconds(start);
            long records = all.stream().mapToLong(RebuildStatus::recordsRead).sum();
            long applied = all.stream().mapToLong(RebuildStatus::eventsApplied).sum();
            Rate registration = raw.get(List.of(topics.registrationEvents()));
            System.out.printf("%-42s %,10d %9.2f %,12.0f %,12.0f %9.2f%n", "rebuild all four at once", records, seconds,
                    records / seconds, applied / seconds, (records / seconds) / registration.perSecond());
            System.out.printf("%n\"vs raw\": records/s divided by the plain consumer's records/s on the same topics "
                    + "(all four at once: against the registration topic's raw rate).%n");
        } finally {
            app.close();
        }
    }

    /** @param seconds from the admin call (which captures the end offsets and creates the tables) to the switch */
    private static void print(String what, RebuildStatus status, double seconds, Rate reference) {
        System.out.printf("%-42s %,10d %9.2f %,12.0f %,12.0f %9.2f%n", what, status.recordsRead(), seconds,
                status.recordsRead() / seconds, status.eventsApplied() / seconds,
                (status.recordsRead() / seconds) / reference.perSecond());
    }

    /** Starts the rebuilds and waits (polling every 5 ms: this is a benchmark, not the service) until each has switched. */
    private static List<RebuildStatus> rebuild(ProjectionLifecycle lifecycle, List<String> names) throws InterruptedException {
        for (String name : names) lifecycle.rebuild(name);
        List<RebuildStatus> done = new ArrayList<>();
        for (String name : names) {
            while (true) {
                Optional<RebuildStatus> status = lifecycle.rebuildStatus(name);
                if (status.isPresent() && status.get().finishedAt() != null) {
                    done.add(status.get());
                    break;
                }
                Thread.sleep(5);
            }
        }
        return done;
    }

    private static String label(List<String> topics, ReadModelProperties.Topics names) {
        return String.join("+", topics.stream().map(t -> t.equals(names.conferenceEvents()) ? "conference"
                : t.equals(names.registrationEvents()) ? "registration" : "payments").toList());
    }

    private record Rate(long records, double seconds) {
        double perSecond() {
            return records / seconds;
        }
    }

    /** A plain consumer from offset zero to the end offsets of {@code topics}, like a rebuild reads them. */
    private static Rate readAll(String kafka, List<String> topics, boolean decode) {
        MessageCodec codec = MessageCodec.contracts();
        Map<String, Object> config = new HashMap<>();
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka);
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        config.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 1000);
        long start = System.nanoTime();
        long records = 0;
        try (var consumer = new KafkaConsumer<>(config, new StringDeserializer(), new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = new ArrayList<>();
            for (String topic : topics) {
                consumer.partitionsFor(topic).forEach(p -> partitions.add(new TopicPartition(topic, p.partition())));
            }
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            long checksum = 0;
            while (partitions.stream().anyMatch(tp -> consumer.position(tp) < end.get(tp))) {
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(100))) {
                    records++;
                    checksum += record.value().length;
                    if (decode) checksum += codec.decodeEnvelope(record.value()).aggregateVersion();
                }
            }
            if (checksum == 42) System.out.print("");
        }
        return new Rate(records, seconds(start));
    }

    private static long count(String kafka, List<String> topics) {
        try (var consumer = new KafkaConsumer<>(Map.<String, Object>of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka),
                new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = new ArrayList<>();
            for (String topic : topics) {
                consumer.partitionsFor(topic).forEach(p -> partitions.add(new TopicPartition(topic, p.partition())));
            }
            return consumer.endOffsets(partitions).values().stream().mapToLong(Long::longValue).sum();
        }
    }

    private static long publish(int orders, ReadModelProperties.Topics topics, String kafka) throws Exception {
        MessageCodec codec = MessageCodec.contracts();
        OrderHistories histories = new OrderHistories();
        long count = 0;
        try (KafkaProducer<String, byte[]> producer = KafkaProducers.idempotent(kafka, "rebuild-benchmark")) {
            List<Envelope> batch = new ArrayList<>(histories.conference("benchmark"));
            for (int done = 0; done < orders; done += 1000) {
                batch.addAll(histories.orders(Math.min(1000, orders - done)));
                for (Envelope event : batch) producer.send(EventPublisher.record(topicOf(event, topics), event, codec));
                count += batch.size();
                batch.clear();
            }
            producer.flush();
        }
        return count;
    }

    private static String topicOf(Envelope event, ReadModelProperties.Topics topics) {
        return StreamType.of(event.payload().getClass()).orElseThrow().topic(topics);
    }

    private static void awaitCaughtUp(Projections projections, ProjectionLifecycle lifecycle, String kafka)
            throws InterruptedException {
        for (Projection projection : projections.all()) {
            while (true) {
                ProjectionRunner runner = lifecycle.liveRunner(projection.name()).orElseThrow();
                long behind = 0;
                Map<TopicPartition, Long> positions = runner.positions();
                Map<TopicPartition, Long> ends = endOffsets(kafka, runner.topics());
                for (var end : ends.entrySet()) behind += Math.max(0, end.getValue() - positions.getOrDefault(end.getKey(), 0L));
                if (behind == 0 && !positions.isEmpty()) break;
                Thread.sleep(20);
            }
        }
    }

    private static Map<TopicPartition, Long> endOffsets(String kafka, List<String> topics) {
        try (var consumer = new KafkaConsumer<>(Map.<String, Object>of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka),
                new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = new ArrayList<>();
            for (String topic : topics) {
                consumer.partitionsFor(topic).forEach(p -> partitions.add(new TopicPartition(topic, p.partition())));
            }
            return consumer.endOffsets(partitions);
        }
    }

    private static double seconds(long startNanos) {
        return (System.nanoTime() - startNanos) / 1e9;
    }
}

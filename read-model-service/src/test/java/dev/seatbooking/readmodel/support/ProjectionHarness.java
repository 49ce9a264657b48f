package dev.seatbooking.readmodel.support;

import dev.seatbooking.contracts.Envelope;
import dev.seatbooking.contracts.codec.MessageCodec;
import dev.seatbooking.readmodel.projection.BatchApplier;
import dev.seatbooking.readmodel.projection.Generation;
import dev.seatbooking.readmodel.projection.GenerationSchema;
import dev.seatbooking.readmodel.projection.Projection;
import dev.seatbooking.readmodel.projection.Tables;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.record.TimestampType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

import dev.seatbooking.eventsourcing.messaging.MessageHeaders;

/**
 * A projection on a scratch generation of its own (real PostgreSQL, no Kafka): events go in as the records a
 * runner would have polled, through the same {@link BatchApplier}, one batch per call.
 */
public final class ProjectionHarness {

    private static final AtomicInteger SCRATCH = new AtomicInteger(100_000);

    private final Projection projection;
    private final Tables tables;
    private final BatchApplier applier;
    private final MessageCodec codec = MessageCodec.contracts();
    private long offset;

    public ProjectionHarness(Projection projection, JdbcTemplate jdbc, TransactionTemplate transactions,
                             BatchApplier applier) {
        this.projection = projection;
        this.applier = applier;
        this.tables = new Tables(new Generation(projection.name(), SCRATCH.incrementAndGet(), projection.schemaVersion()), jdbc);
        transactions.executeWithoutResult(tx -> GenerationSchema.create(tables, projection));
    }

    public Tables tables() {
        return tables;
    }

    /** The events, in this order, in one batch. */
    public BatchApplier.Outcome feed(Envelope... events) {
        return feed(List.of(events));
    }

    public BatchApplier.Outcome feed(List<Envelope> events) {
        List<ConsumerRecord<String, byte[]>> records = new ArrayList<>();
        for (Envelope event : events) records.add(record(event));
        return feedRecords(records);
    }

    /** Each event in a batch of its own, as a slow trickle would come. */
    public void feedOneByOne(List<Envelope> events) {
        for (Envelope event : events) feed(event);
    }

    public BatchApplier.Outcome feedRecords(List<ConsumerRecord<String, byte[]>> records) {
        return applier.apply(projection, tables, records);
    }

    public ConsumerRecord<String, byte[]> record(Envelope event) {
        Headers headers = MessageHeaders.of(event.messageId(), event.type(), event.correlationId(), event.causationId());
        return rawRecord(event.aggregateId().toString(), codec.encodeEnvelope(event), headers);
    }

    public ConsumerRecord<String, byte[]> rawRecord(String key, byte[] value, Headers headers) {
        return new ConsumerRecord<>("scratch", 0, offset++, System.currentTimeMillis(), TimestampType.CREATE_TIME,
                -1, -1, key, value, headers, Optional.empty());
    }

    public long nextOffset() {
        return offset;
    }

    public Map<String, Long> anomalies() {
        return GenerationSchema.anomalyCounts(tables);
    }
}

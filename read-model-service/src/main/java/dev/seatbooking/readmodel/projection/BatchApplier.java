package dev.seatbooking.readmodel.projection;

import dev.seatbooking.contracts.Envelope;
import dev.seatbooking.eventsourcing.correlation.Correlation;
import dev.seatbooking.contracts.UnknownMessageTypeException;
import dev.seatbooking.contracts.codec.MessageCodec;
import dev.seatbooking.eventsourcing.messaging.MessageHeaders;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.sql.Array;
import java.sql.PreparedStatement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Applies a batch of Kafka records to one generation of a projection in one transaction, together with the
 * last version applied per stream and the next offset per partition. So the tables, the versions and the
 * offsets always agree: after a crash the projection resumes exactly after its last committed batch, and an
 * event delivered again (a relay re-publishing after a crash, a replayed batch) finds its version already
 * applied and changes nothing.
 *
 * <p>Per stream, an event whose version is not above the last applied one is a duplicate and skipped. One
 * that skips versions (a gap) is applied anyway and recorded as an anomaly: Kafka keeps each stream's events
 * in order on one partition, so the missing event can never arrive later and holding the stream back would
 * freeze it for good; a gap means events were lost upstream, which a rebuild cannot repair either, so it is
 * made loud (log, {@code anomalies} table, admin API) rather than silent.
 *
 * <p>Records that are not events of a followed stream are skipped without decoding when their
 * {@code message-type} header says so. A record that cannot be decoded is recorded as an anomaly and
 * skipped: it never becomes decodable. A failure while applying is not skipped: the transaction rolls back
 * and the caller retries the batch, so the projection stalls (visibly) rather than show a state that never
 * happened.
 */
public final class BatchApplier {

    private static final Logger log = LoggerFactory.getLogger(BatchApplier.class);

    private static final String LOAD_VERSIONS = """
            SELECT stream_type, stream_id, version FROM {g}.stream_versions WHERE stream_id = ANY(?)""";
    private static final String SAVE_VERSION = """
            INSERT INTO {g}.stream_versions (stream_id, stream_type, version) VALUES (?, ?, ?)
            ON CONFLICT (stream_id, stream_type) DO UPDATE SET version = EXCLUDED.version""";
    private static final String SAVE_OFFSET = """
            INSERT INTO {g}.offsets (topic, partition, next_offset) VALUES (?, ?, ?)
            ON CONFLICT (topic, partition) DO UPDATE SET next_offset = EXCLUDED.next_offset""";
    private static final String MOVE_OFFSET = """
            UPDATE {g}.offsets SET next_offset = ? WHERE topic = ? AND partition = ? AND next_offset = ?""";
    private static final String FIRST_OFFSET = """
            INSERT INTO {g}.offsets (topic, partition, next_offset) VALUES (?, ?, ?) ON CONFLICT DO NOTHING""";
    private static final String RECORD_ANOMALY = """
            INSERT INTO {g}.anomalies (kind, topic, partition, record_offset, message_id, stream_type, stream_id, detail)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?)""";

    /** What a committed batch did. */
    public record Outcome(int records, int applied, int duplicates, int anomalies,
                          Map<UUID, Long> tokenStreamVersions, Map<TopicPartition, Long> nextOffsets) {
    }

    private record StreamKey(StreamType type, UUID id) {
    }

    private record Item(ConsumerRecord<String, byte[]> record, Envelope event, StreamType type, String undecodable) {
    }

    private final MessageCodec codec;
    private final TransactionTemplate transactions;

    public BatchApplier(MessageCodec codec, PlatformTransactionManager transactionManager) {
        this.codec = codec;
        this.transactions = new TransactionTemplate(transactionManager);
    }

    /**
     * Applies {@code records} (in partition order) and commits.
     *
     * @throws RuntimeException if anything fails; then nothing of the batch is committed
     */
    public Outcome apply(Projection projection, Tables tables, List<ConsumerRecord<String, byte[]>> records) {
        List<Item> items = new ArrayList<>(records.size());
        for (ConsumerRecord<String, byte[]> record : records) items.add(classify(projection, record));
        return transactions.execute(status -> applyInTransaction(projection, tables, items, false));
    }

    /**
     * Applies {@code records} and commits, fenced: each partition's stored offset must still be where the caller
     * resumed it ({@code starts}; absent: no offset stored yet). The offsets move first, so the row lock serialises
     * two instances on one partition, and the second finds the offset moved and applies nothing. Several instances
     * thus share a generation without applying an event twice, whatever the consumer group did meanwhile.
     *
     * @throws PartitionMovedException if another instance moved a partition on; nothing is committed
     * @throws GenerationNotFedException if {@code hooks} say the generation is not to be fed; nothing is committed
     */
    public Outcome apply(Projection projection, Tables tables, List<ConsumerRecord<String, byte[]>> records,
                         Map<TopicPartition, Long> starts, BatchHooks hooks) {
        List<Item> items = new ArrayList<>(records.size());
        for (ConsumerRecord<String, byte[]> record : records) items.add(classify(projection, record));
        return transactions.execute(status -> {
            hooks.enter(tables);
            moveOffsets(tables, items, starts);
            Outcome outcome = applyInTransaction(projection, tables, items, true);
            hooks.leave(tables, outcome);
            return outcome;
        });
    }

    private static void moveOffsets(Tables tables, List<Item> items, Map<TopicPartition, Long> starts) {
        Map<TopicPartition, Long> next = new LinkedHashMap<>();
        for (Item item : items) {
            next.put(new TopicPartition(item.record().topic(), item.record().partition()), item.record().offset() + 1);
        }
        next.forEach((tp, offset) -> {
            Long expected = starts.get(tp);
            int moved = expected == null
                    ? tables.update(FIRST_OFFSET, tp.topic(), tp.partition(), offset)
                    : tables.update(MOVE_OFFSET, offset, tp.topic(), tp.partition(), expected);
            if (moved != 1) throw new PartitionMovedException(tp, expected);
        });
    }

    private Item classify(Projection projection, ConsumerRecord<String, byte[]> record) {
        String header = MessageHeaders.text(record.headers(), MessageHeaders.MESSAGE_TYPE).orElse(null);
        if (header != null) {
            var known = codec.types().find(header);
            // A current type of a stream we do not follow: skip unread. Old (upcast) or unknown names are decoded.
            if (known.isPresent() && !follows(projection, known.get())) return new Item(record, null, null, null);
        }
        Envelope envelope;
        try {
            if (record.value() == null) return new Item(record, null, null, "record without a value");
            envelope = codec.decodeEnvelope(record.value());
        } catch (UnknownMessageTypeException e) {
            // A message newer than this service: not ours to understand (yet). Its stream, if followed, will
            // show a version gap when its next known event arrives.
            log.debug("Skipping a message of unknown type at {}-{}@{}: {}", record.topic(), record.partition(),
                    record.offset(), e.getMessage());
            return new Item(record, null, null, null);
        } catch (RuntimeException e) {
            return new Item(record, null, null, e.getMessage() == null ? e.toString() : e.getMessage());
        }
        StreamType type = StreamType.of(envelope.payload().getClass()).orElse(null);
        if (type == null || !projection.streams().contains(type)) return new Item(record, null, null, null);
        return new Item(record, envelope, type, null);
    }

    private static boolean follows(Projection projection, Class<?> messageClass) {
        return StreamType.of(messageClass).map(projection.streams()::contains).orElse(false);
    }

    private Outcome applyInTransaction(Projection projection, Tables tables, List<Item> items, boolean fenced) {
        Map<StreamKey, Long> versions = loadVersions(tables, items);
        Set<StreamKey> changed = new LinkedHashSet<>();
        Map<UUID, Long> tokenVersions = new HashMap<>();
        Map<TopicPartition, Long> offsets = new LinkedHashMap<>();
        int applied = 0, duplicates = 0, anomalies = 0;
        for (Item item : items) {
            ConsumerRecord<String, byte[]> record = item.record();
            offsets.put(new TopicPartition(record.topic(), record.partition()), record.offset() + 1);
            if (item.undecodable() != null) {
                log.warn("Projection {} skips the undecodable record at {}-{}@{}: {}", projection.name(),
                        record.topic(), record.partition(), record.offset(), item.undecodable());
                anomaly(tables, "undecodable", record, null, null, item.undecodable());
                anomalies++;
                continue;
            }
            Envelope event = item.event();
            if (event == null) continue;
            // What is logged about an event carries its conversation, as the other services' consumers do.
            try (var correlation = Correlation.open(event.correlationId().toString())) {
                long version = event.aggregateVersion();
                if (version == Envelope.UNVERSIONED) {
                    projection.apply(event, tables);
                    applied++;
                    continue;
                }
                StreamKey key = new StreamKey(item.type(), event.aggregateId());
                long last = versions.getOrDefault(key, 0L);
                if (version <= last) {
                    duplicates++;
                    continue;
                }
                if (version > last + 1) {
                    String detail = "expected version " + (last + 1) + " of " + item.type().id() + " "
                            + event.aggregateId() + ", got " + version + " (" + event.type() + "); applied anyway";
                    log.warn("Projection {}: version gap at {}-{}@{}: {}", projection.name(), record.topic(),
                            record.partition(), record.offset(), detail);
                    anomaly(tables, "version-gap", record, event, item.type(), detail);
                    anomalies++;
                }
                projection.apply(event, tables);
                applied++;
                versions.put(key, version);
                changed.add(key);
                if (item.type() == projection.tokenStream()) {
                    tokenVersions.merge(event.aggregateId(), version, Math::max);
                }
            }
        }
        List<Object[]> versionRows = new ArrayList<>(changed.size());
        for (StreamKey key : changed) versionRows.add(new Object[]{key.id(), key.type().id(), versions.get(key)});
        tables.batchUpdate(SAVE_VERSION, versionRows);
        List<Object[]> offsetRows = new ArrayList<>(offsets.size());
        offsets.forEach((tp, next) -> offsetRows.add(new Object[]{tp.topic(), tp.partition(), next}));
        if (!fenced) tables.batchUpdate(SAVE_OFFSET, offsetRows);
        return new Outcome(items.size(), applied, duplicates, anomalies, tokenVersions, offsets);
    }

    private static Map<StreamKey, Long> loadVersions(Tables tables, List<Item> items) {
        Set<UUID> ids = new LinkedHashSet<>();
        for (Item item : items) {
            if (item.event() != null && item.event().aggregateVersion() != Envelope.UNVERSIONED) {
                ids.add(item.event().aggregateId());
            }
        }
        Map<StreamKey, Long> versions = new HashMap<>();
        if (ids.isEmpty()) return versions;
        JdbcTemplate jdbc = tables.jdbc();
        jdbc.query(connection -> {
            PreparedStatement statement = connection.prepareStatement(tables.sql(LOAD_VERSIONS));
            Array array = connection.createArrayOf("uuid", ids.toArray());
            statement.setArray(1, array);
            return statement;
        }, row -> {
            versions.put(new StreamKey(StreamType.byId(row.getString(1)), row.getObject(2, UUID.class)), row.getLong(3));
        });
        return versions;
    }

    private static void anomaly(Tables tables, String kind, ConsumerRecord<String, byte[]> record, Envelope event,
                                StreamType type, String detail) {
        UUID messageId = event != null ? event.messageId()
                : MessageHeaders.text(record.headers(), MessageHeaders.MESSAGE_ID).map(BatchApplier::uuidOrNull).orElse(null);
        tables.update(RECORD_ANOMALY, kind, record.topic(), record.partition(), record.offset(), messageId,
                type == null ? null : type.id(), event == null ? null : event.aggregateId(), detail);
    }

    private static UUID uuidOrNull(String text) {
        try {
            return UUID.fromString(text);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}

package dev.seatbooking.eventsourcing.store;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.SqlParameterValue;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import javax.sql.DataSource;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * The linear event store on one PostgreSQL table (see {@code db/eventsourcing/V1__event_store.sql}).
 * <p>
 * Works inside the caller's Spring transaction when there is one (so an inbox entry, a process manager's
 * state and the events it causes commit together), and on its own otherwise: every append is a single
 * statement, atomic by itself.
 */
public final class PostgresEventStore {

    // One statement checks the expected version and inserts. The unique (stream_id, version) index refuses
    // a writer that is behind: two writers that both expected version n insert version n+1 twice, and the
    // second waits for the first, then fails. The EXISTS refuses a writer that is ahead (it expected a version
    // the stream never reached), so versions never have holes. Both are point lookups on that index, the
    // cheapest check there is (see benchmarks/README.md).
    private static final String APPEND_ONE = """
            INSERT INTO events (stream_id, stream_type, version, event_type, schema_version, message_id, payload,
                                correlation_id, causation_id, requested_by)
            SELECT ?, ?, ?, ?, ?, ?, ?::json, ?::uuid, ?::uuid, ?::text
            WHERE ? = 0 OR EXISTS (SELECT 1 FROM events WHERE stream_id = ? AND version = ?)""";

    // A new stream (expected 0) needs no lookup: version 1 is free or the unique index refuses it. A plain
    // INSERT spares the executor the INSERT ... SELECT (about 6 % of a single append, benchmarks/README.md).
    private static final String APPEND_ONE_TO_NEW_STREAM = """
            INSERT INTO events (stream_id, stream_type, version, event_type, schema_version, message_id, payload,
                                correlation_id, causation_id, requested_by)
            VALUES (?, ?, 1, ?, ?, ?, ?::json, ?::uuid, ?::uuid, ?::text)""";

    // The append's metadata goes on its first event only; the others' NULL reads as "as the event before" (V6, V7).
    private static final String APPEND_MANY = """
            INSERT INTO events (stream_id, stream_type, version, event_type, schema_version, message_id, payload,
                                correlation_id, causation_id, requested_by)
            SELECT ?, ?, e.version, e.event_type, e.schema_version, e.message_id, e.payload::json,
                   first.correlation_id, first.causation_id, first.requested_by
            FROM unnest(?::int[], ?::text[], ?::int[], ?::uuid[], ?::text[])
                     AS e(version, event_type, schema_version, message_id, payload)
                 LEFT JOIN (VALUES (?::int, ?::uuid, ?::uuid, ?::text))
                     AS first(version, correlation_id, causation_id, requested_by) ON first.version = e.version
            WHERE ? = 0 OR EXISTS (SELECT 1 FROM events WHERE stream_id = ? AND version = ?)
            ORDER BY e.version""";

    private static final String LOAD = """
            SELECT version, event_type, schema_version, message_id, payload, correlation_id, causation_id, requested_by
            FROM events WHERE stream_id = ? AND version > ? ORDER BY version""";

    // The metadata of an event stored without it: its append's, on the nearest earlier event of the stream that has it.
    private static final String APPEND_METADATA = """
            SELECT correlation_id, causation_id, requested_by FROM events
            WHERE stream_id = ? AND version < ? AND correlation_id IS NOT NULL
            ORDER BY version DESC LIMIT 1""";

    private static final String CURRENT_VERSION =
            "SELECT coalesce(max(version), 0) FROM events WHERE stream_id = ?";

    // Only transactions below the oldest one still running are read: every event of those is committed
    // (or rolled back) for good, so nothing can appear later before the returned position. A plain
    // "global_position > ?" would skip an event whose transaction took its position first but committed last.
    // ORDER BY names the table's columns: were the output column ever an expression named "transaction_id",
    // an unqualified name would mean it, which no index provides, and every page would sort the whole table.
    // transaction_id goes out as xid8's text and is read with getLong, which parses it from the row's bytes
    // (a cast to bigint in the query cost about 8 % of a replay's speed).
    private static final String READ_ALL = """
            SELECT global_position, transaction_id, stream_id, stream_type,
                   version, event_type, schema_version, message_id, payload, recorded_at,
                   correlation_id, causation_id, requested_by
            FROM events
            WHERE (events.transaction_id, events.global_position) > (?::text::xid8, ?)
              AND events.transaction_id < pg_snapshot_xmin(pg_current_snapshot())
            ORDER BY events.transaction_id, events.global_position
            LIMIT ?""";

    private final JdbcTemplate jdbc;
    private final EventSerializer serializer;
    private final EventNotifications notifications;

    public PostgresEventStore(DataSource dataSource, EventSerializer serializer, EventNotifications notifications) {
        this.jdbc = new JdbcTemplate(Objects.requireNonNull(dataSource));
        this.serializer = Objects.requireNonNull(serializer);
        this.notifications = notifications;
    }

    /**
     * Appends events to a stream in one transaction, if the stream is still at {@code expectedVersion}
     * (0 for a new stream).
     *
     * @throws ConcurrencyException if another writer got there first; nothing is written
     */
    public AppendResult append(UUID streamId, String streamType, int expectedVersion,
                               List<?> events, EventMetadata metadata) {
        if (events.isEmpty()) return AppendResult.nothing(streamId, expectedVersion);
        List<UUID> messageIds = new ArrayList<>(events.size());
        for (int i = 0; i < events.size(); i++) messageIds.add(UUID.randomUUID());
        int inserted;
        try {
            inserted = events.size() == 1
                    ? appendOne(streamId, streamType, expectedVersion, serializer.serialize(events.getFirst()),
                    messageIds.getFirst(), metadata)
                    : appendMany(streamId, streamType, expectedVersion, events, messageIds, metadata);
        } catch (DuplicateKeyException conflict) {
            throw new ConcurrencyException(streamId, expectedVersion);
        }
        if (inserted != events.size()) throw new ConcurrencyException(streamId, expectedVersion);
        afterCommit(notifications);
        return new AppendResult(streamId, expectedVersion + events.size(), messageIds);
    }

    private int appendOne(UUID streamId, String streamType, int expectedVersion,
                          EventSerializer.Serialized event, UUID messageId, EventMetadata metadata) {
        if (expectedVersion == 0) {
            return jdbc.update(APPEND_ONE_TO_NEW_STREAM,
                    streamId, streamType, event.type(), event.schemaVersion(), messageId, event.json(),
                    uuid(metadata.correlationId()), uuid(metadata.causationId()), text(metadata.user()));
        }
        return jdbc.update(APPEND_ONE,
                streamId, streamType, expectedVersion + 1, event.type(), event.schemaVersion(), messageId,
                event.json(), uuid(metadata.correlationId()), uuid(metadata.causationId()), text(metadata.user()),
                expectedVersion, streamId, expectedVersion);
    }

    private int appendMany(UUID streamId, String streamType, int expectedVersion,
                           List<?> events, List<UUID> eventIds, EventMetadata metadata) {
        int n = events.size();
        Integer[] versions = new Integer[n];
        String[] types = new String[n];
        Integer[] schemaVersions = new Integer[n];
        UUID[] messageIds = new UUID[n];
        String[] payloads = new String[n];
        for (int i = 0; i < n; i++) {
            EventSerializer.Serialized s = serializer.serialize(events.get(i));
            versions[i] = expectedVersion + 1 + i;
            types[i] = s.type();
            schemaVersions[i] = s.schemaVersion();
            messageIds[i] = eventIds.get(i);
            payloads[i] = s.json();
        }
        return jdbc.update(connection -> {
            PreparedStatement ps = connection.prepareStatement(APPEND_MANY);
            ps.setObject(1, streamId);
            ps.setString(2, streamType);
            ps.setArray(3, array(connection, "int4", versions));
            ps.setArray(4, array(connection, "text", types));
            ps.setArray(5, array(connection, "int4", schemaVersions));
            ps.setArray(6, array(connection, "uuid", messageIds));
            ps.setArray(7, array(connection, "text", payloads));
            ps.setInt(8, expectedVersion + 1);
            ps.setObject(9, metadata.correlationId(), Types.OTHER);
            ps.setObject(10, metadata.causationId(), Types.OTHER);
            ps.setString(11, metadata.user());
            ps.setInt(12, expectedVersion);
            ps.setObject(13, streamId);
            ps.setInt(14, expectedVersion);
            return ps;
        });
    }

    // Typed, so that a null (an event caused by no message, asked by no one) needs no look at the statement's types.
    private static SqlParameterValue uuid(UUID value) {
        return new SqlParameterValue(Types.OTHER, value);
    }

    private static SqlParameterValue text(String value) {
        return new SqlParameterValue(Types.VARCHAR, value);
    }

    private static Array array(Connection connection, String type, Object[] values) throws SQLException {
        return connection.createArrayOf(type, values);
    }

    /** The stream's events after {@code afterVersion}, decoded (and upcast), in version order. */
    public List<RecordedEvent<Object>> load(UUID streamId, int afterVersion) {
        MetadataReader metadata = new MetadataReader();
        List<RecordedEvent<Object>> events = jdbc.query(LOAD, (rs, row) -> {
            int version = rs.getInt(1);
            return new RecordedEvent<>(streamId, version, rs.getObject(4, UUID.class),
                    serializer.deserialize(rs.getString(2), rs.getInt(3), rs.getString(5)),
                    metadata.read(rs, 6, streamId, version));
        }, streamId, afterVersion);
        // Only a load that starts inside an append has events whose metadata the query could not tell: its first ones.
        for (int i = 0; i < events.size() && events.get(i).metadata() == null; i++) {
            RecordedEvent<Object> e = events.get(i);
            events.set(i, e.withMetadata(i > 0 ? events.get(i - 1).metadata() : appendMetadata(streamId, e.version())));
        }
        return events;
    }

    public List<RecordedEvent<Object>> load(UUID streamId) {
        return load(streamId, 0);
    }

    /** The stream's version: 0 when it has no events. */
    public int currentVersion(UUID streamId) {
        Integer version = jdbc.queryForObject(CURRENT_VERSION, Integer.class, streamId);
        return version == null ? 0 : version;
    }

    /**
     * Up to {@code limit} events after {@code after}, in commit order. Never returns an event while an
     * earlier-positioned one could still commit, so a reader that continues from the last returned
     * position sees every event exactly once.
     */
    public List<StoredEvent> readAll(Position after, int limit) {
        MetadataReader metadata = new MetadataReader();
        List<StoredEvent> events = jdbc.query(READ_ALL, storedEvent(metadata), after.transactionId(),
                after.globalPosition(), limit);
        // Only a page that starts inside an append has events whose metadata the query could not tell: its first ones.
        for (int i = 0; i < events.size(); i++) {
            StoredEvent e = events.get(i);
            if (e.metadata() != null) continue;
            StoredEvent before = i > 0 ? events.get(i - 1) : null;
            boolean continues = before != null && follows(e.streamId(), e.version(), before.streamId(), before.version());
            events.set(i, e.withMetadata(continues ? before.metadata() : appendMetadata(e.streamId(), e.version())));
        }
        return events;
    }

    /** The signal readers wait on between reads (woken by appends here and NOTIFY from elsewhere). */
    public ChangeSignal changes() {
        return notifications == null ? null : notifications.signal();
    }

    public EventSerializer serializer() {
        return serializer;
    }

    private RowMapper<StoredEvent> storedEvent(MetadataReader metadata) {
        return (rs, row) -> {
            UUID streamId = rs.getObject(3, UUID.class);
            int version = rs.getInt(5);
            return new StoredEvent(
                    new Position(rs.getLong(2), rs.getLong(1)),
                    streamId,
                    rs.getString(4),
                    version,
                    rs.getString(6),
                    rs.getInt(7),
                    rs.getObject(8, UUID.class),
                    rs.getString(9),
                    metadata.read(rs, 11, streamId, version),
                    rs.getTimestamp(10).toInstant());
        };
    }

    private static void afterCommit(EventNotifications notifications) {
        if (notifications == null) return;
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    notifications.eventsCommitted();
                }
            });
        } else {
            notifications.eventsCommitted();
        }
    }

    /**
     * The metadata of the rows of one query, in their order. An append stores its metadata on its first event only
     * (V6; rows written before it carry their own), and its events are adjacent in a stream and in commit order, so
     * an event without metadata has that of the row before it, when that row is the previous event of its stream.
     * When it is not (a page or a load that starts inside an append), {@link #read} answers null and the caller asks
     * {@link #appendMetadata} once the query is over.
     */
    private static final class MetadataReader {
        private EventMetadata last;
        private UUID lastStream;
        private int lastVersion;

        /** The metadata of the current row, whose correlation_id, causation_id and requested_by start at {@code column}. */
        EventMetadata read(ResultSet rs, int column, UUID stream, int version) throws SQLException {
            boolean continues = last != null && follows(stream, version, lastStream, lastVersion);
            lastStream = stream;
            lastVersion = version;
            EventMetadata stored = metadataAt(rs, column);
            if (stored != null || !continues) last = stored;
            return last;
        }
    }

    /** The metadata stored in a row from {@code column} on (V7), or null if the row has none of its own. */
    private static EventMetadata metadataAt(ResultSet rs, int column) throws SQLException {
        UUID correlationId = rs.getObject(column, UUID.class);
        if (correlationId == null) return null;
        return new EventMetadata(correlationId, rs.getObject(column + 1, UUID.class), rs.getString(column + 2));
    }

    /** Whether an event is the next of its stream after another (so of the same append, if stored without metadata). */
    private static boolean follows(UUID stream, int version, UUID previousStream, int previousVersion) {
        return stream.equals(previousStream) && version == previousVersion + 1;
    }

    /** The metadata of the append that wrote this event without it (asked after the query, on the same connection). */
    private EventMetadata appendMetadata(UUID stream, int version) {
        return jdbc.queryForObject(APPEND_METADATA, (rs, row) -> metadataAt(rs, 1), stream, version);
    }

    /** Decodes a stored event's payload (with upcasting). */
    public Object decode(StoredEvent event) {
        return serializer.deserialize(event.eventType(), event.schemaVersion(), event.payloadJson());
    }
}

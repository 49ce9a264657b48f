package dev.seatbooking.eventsourcing.store;

import com.zaxxer.hikari.HikariDataSource;
import dev.seatbooking.eventsourcing.aggregate.SnapshotStore;
import dev.seatbooking.eventsourcing.schema.EventSourcingSchema;
import dev.seatbooking.eventsourcing.support.Counter.CounterEvent.Incremented;
import dev.seatbooking.eventsourcing.support.Counter.CounterEvent.Limited;
import dev.seatbooking.eventsourcing.support.TestSerializer;
import dev.seatbooking.testinfra.TestPostgres;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Streams written in earlier formats still load, replay, take appends and keep their snapshots once the later
 * migrations have run: before V5 (payload and metadata as jsonb, metadata on every event), written with the statements
 * the store used then into the schema as V4 left it; and before V7 (metadata as json on an append's first event only,
 * V6), written into the schema as V6 left it.
 */
class StoredFormatMigrationTest {

    // The store's append and snapshot statements as they were before V5, verbatim.
    private static final String OLD_APPEND_ONE = """
            INSERT INTO events (stream_id, stream_type, version, event_type, schema_version, message_id, payload, metadata)
            SELECT ?, ?, ?, ?, ?, ?, ?::jsonb, ?::jsonb
            WHERE ? = 0 OR EXISTS (SELECT 1 FROM events WHERE stream_id = ? AND version = ?)""";
    private static final String OLD_SAVE_SNAPSHOT = """
            INSERT INTO snapshots (stream_id, stream_type, version, schema_version, payload)
            VALUES (?, ?, ?, ?, ?::jsonb)""";
    // What a metadata row looked like then: written by Jackson from EventMetadata, then normalised by jsonb.
    private static final String OLD_METADATA = """
            {"correlationId": "6f1c1c53-3d4e-4a4b-9f0e-0d9d6c1e2a01", "causationId": null, "user": "before-v5"}""";

    // How V6's store wrote an append of many events: the metadata on the first, NULL on the others.
    private static final String V6_APPEND = """
            INSERT INTO events (stream_id, stream_type, version, event_type, schema_version, message_id, payload, metadata)
            VALUES (?, 'counter', ?, 'Incremented', 1, ?, ?::json, ?::json)""";
    private static final EventMetadata V6_METADATA = new EventMetadata(
            UUID.fromString("0b7e1d5a-73a4-4c11-8a51-3f5d0c2e9b10"), UUID.fromString("5c2d8e41-9f3a-4b6e-a0d7-1e4f6a8b2c93"),
            "before-v7");

    private static HikariDataSource dataSource;
    private static JdbcTemplate jdbc;
    private static final UUID stream = UUID.randomUUID(), other = UUID.randomUUID(), v6Stream = UUID.randomUUID();
    private static final TestSerializer serializer = new TestSerializer();

    @BeforeAll
    static void written_before_v5_then_migrated() {
        dataSource = TestPostgres.newDatabase("stored_format").dataSource(5);
        jdbc = new JdbcTemplate(dataSource);
        schemaUpTo("4");
        assertThat(columnType("events", "payload")).isEqualTo("jsonb");
        appendTheOldWay(1, new Limited(10));
        appendTheOldWay(2, new Incremented(2));
        appendTheOldWay(3, new Incremented(3));
        jdbc.update(OLD_SAVE_SNAPSHOT, stream, "counter", 2, 1, "{\"value\": 2, \"limit\": 10, \"applied\": 0}");
        jdbc.update(OLD_APPEND_ONE, other, "counter", 1, "Incremented", 1, UUID.randomUUID(), "{\"by\": 1}",
                OLD_METADATA, 0, other, 0);

        schemaUpTo("6");
        String metadataJson = "{\"correlationId\":\"" + V6_METADATA.correlationId() + "\",\"causationId\":\""
                + V6_METADATA.causationId() + "\",\"user\":\"before-v7\"}";
        for (int version = 1; version <= 3; version++) {
            jdbc.update(V6_APPEND, v6Stream, version, UUID.randomUUID(), "{\"by\": " + version + "}",
                    version == 1 ? metadataJson : null);
        }

        EventSourcingSchema.migrate(dataSource);
    }

    @AfterAll
    static void close() {
        dataSource.close();
    }

    @Test
    void payloads_and_snapshots_are_json_after_v5_and_metadata_is_in_columns_after_v7() {
        assertThat(columnType("events", "payload")).isEqualTo("json");
        assertThat(columnType("snapshots", "payload")).isEqualTo("json");
        assertThat(columnType("events", "metadata")).isNull();
        assertThat(columnType("events", "correlation_id")).isEqualTo("uuid");
        assertThat(columnType("events", "causation_id")).isEqualTo("uuid");
        assertThat(columnType("events", "requested_by")).isEqualTo("text");
    }

    @Test
    void a_stream_written_with_metadata_once_per_append_reads_it_on_every_event_after_v7() {
        PostgresEventStore store = store();

        assertThat(store.load(v6Stream)).extracting(RecordedEvent::metadata).containsOnly(V6_METADATA).hasSize(3);
        assertThat(store.load(v6Stream, 1)).extracting(RecordedEvent::metadata).containsOnly(V6_METADATA).hasSize(2);
        List<StoredEvent> all = store.readAll(Position.START, 100).stream()
                .filter(e -> e.streamId().equals(v6Stream)).toList();
        assertThat(all).extracting(StoredEvent::metadata).containsOnly(V6_METADATA).hasSize(3);
        assertThat(jdbc.queryForList("SELECT version FROM events WHERE stream_id = ? AND correlation_id IS NOT NULL",
                Integer.class, v6Stream)).as("still stored once").containsExactly(1);
    }

    @Test
    void a_stream_written_before_loads_with_its_metadata() {
        List<RecordedEvent<Object>> loaded = store().load(stream);

        assertThat(loaded).extracting(RecordedEvent::event)
                .containsExactly(new Limited(10), new Incremented(2), new Incremented(3));
        assertThat(loaded).extracting(RecordedEvent::version).containsExactly(1, 2, 3);
        assertThat(loaded).allSatisfy(e -> assertThat(e.metadata()).isEqualTo(new EventMetadata(
                UUID.fromString("6f1c1c53-3d4e-4a4b-9f0e-0d9d6c1e2a01"), null, "before-v5")));
    }

    @Test
    void a_replay_reads_the_old_rows_in_commit_order_and_decodes_them() {
        PostgresEventStore store = store();
        List<StoredEvent> all = store.readAll(Position.START, 100).stream()
                .filter(e -> e.streamId().equals(stream)).toList();

        assertThat(all).extracting(StoredEvent::version).startsWith(1, 2, 3);
        assertThat(all.subList(0, 3)).extracting(store::decode)
                .containsExactly(new Limited(10), new Incremented(2), new Incremented(3));
        assertThat(all.getFirst().metadata().user()).isEqualTo("before-v5");
    }

    @Test
    void an_old_stream_takes_appends_at_its_version_and_refuses_a_stale_one() {
        PostgresEventStore store = store();

        store.append(other, "counter", 1, List.of(new Incremented(5)), EventMetadata.newConversation("after-v5"));

        assertThat(store.load(other)).extracting(RecordedEvent::event).containsExactly(new Incremented(1), new Incremented(5));
        assertThatThrownBy(() -> store.append(other, "counter", 1, List.of(new Incremented(7)),
                EventMetadata.newConversation("late"))).isInstanceOf(ConcurrencyException.class);
    }

    @Test
    void a_snapshot_taken_before_loads() {
        assertThat(new SnapshotStore(dataSource).load(stream)).get()
                .satisfies(s -> assertThat(s.version()).isEqualTo(2))
                .satisfies(s -> assertThat(s.json()).contains("\"value\"").contains("\"limit\""));
    }

    private static PostgresEventStore store() {
        return new PostgresEventStore(dataSource, serializer, null);
    }

    private static void appendTheOldWay(int version, Object event) {
        EventSerializer.Serialized s = serializer.serialize(event);
        int inserted = jdbc.update(OLD_APPEND_ONE, stream, "counter", version, s.type(), s.schemaVersion(),
                UUID.randomUUID(), s.json(), OLD_METADATA, version - 1, stream, version - 1);
        assertThat(inserted).isEqualTo(1);
    }

    private static void schemaUpTo(String version) {
        Flyway.configure().dataSource(dataSource).locations("classpath:db/eventsourcing")
                .table(EventSourcingSchema.HISTORY_TABLE).baselineOnMigrate(true).baselineVersion("0")
                .target(version).load().migrate();
    }

    private static String columnType(String table, String column) {
        List<String> types = jdbc.queryForList(
                "SELECT data_type FROM information_schema.columns WHERE table_name = ? AND column_name = ?",
                String.class, table, column);
        return types.isEmpty() ? null : types.getFirst();
    }
}

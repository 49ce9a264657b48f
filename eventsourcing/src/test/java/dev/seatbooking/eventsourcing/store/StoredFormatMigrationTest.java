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
 * Streams written before V5 (payload and metadata as jsonb) still load, replay, take appends and keep their
 * snapshots once V5 has turned the columns into json. The rows are written with the statements the store used
 * before V5, into the schema as V4 left it.
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

    private static HikariDataSource dataSource;
    private static JdbcTemplate jdbc;
    private static final UUID stream = UUID.randomUUID();
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

        EventSourcingSchema.migrate(dataSource);
    }

    @AfterAll
    static void close() {
        dataSource.close();
    }

    @Test
    void payloads_metadata_and_snapshots_are_json_after_v5() {
        assertThat(columnType("events", "payload")).isEqualTo("json");
        assertThat(columnType("events", "metadata")).isEqualTo("json");
        assertThat(columnType("snapshots", "payload")).isEqualTo("json");
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
        UUID other = UUID.randomUUID();
        jdbc.update(OLD_APPEND_ONE, other, "counter", 1, "Incremented", 1, UUID.randomUUID(), "{\"by\": 1}",
                OLD_METADATA, 0, other, 0); // written the old way, but into the json columns: the old SQL still works

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
        return jdbc.queryForObject("SELECT data_type FROM information_schema.columns WHERE table_name = ? AND column_name = ?",
                String.class, table, column);
    }
}

package dev.seatbooking.readmodel.projection;

import org.apache.kafka.common.TopicPartition;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The tables every generation has besides its projection's: the last version applied per stream, the next
 * offset per partition, and the anomalies met on the way. They live in the generation's schema, so a
 * rebuild starts with none of them and dropping the schema drops them too.
 */
public final class GenerationSchema {

    static final List<String> ENGINE_TABLES = List.of(
            "CREATE SCHEMA {g}",
            """
            CREATE TABLE {g}.stream_versions (
                stream_id   uuid   NOT NULL,
                stream_type text   NOT NULL,
                version     bigint NOT NULL,
                PRIMARY KEY (stream_id, stream_type))""",
            """
            CREATE TABLE {g}.offsets (
                topic       text   NOT NULL,
                partition   int    NOT NULL,
                next_offset bigint NOT NULL,
                PRIMARY KEY (topic, partition))""",
            """
            CREATE TABLE {g}.anomalies (
                id            bigserial   PRIMARY KEY,
                kind          text        NOT NULL,
                topic         text        NOT NULL,
                partition     int         NOT NULL,
                record_offset bigint      NOT NULL,
                message_id    uuid,
                stream_type   text,
                stream_id     uuid,
                detail        text,
                recorded_at   timestamptz NOT NULL DEFAULT now())""");

    private GenerationSchema() {
    }

    /** Creates the generation's schema with the engine's and the projection's tables (in the caller's transaction). */
    public static void create(Tables tables, Projection projection) {
        for (String statement : ENGINE_TABLES) tables.update(statement);
        for (String statement : projection.ddl()) tables.update(statement);
    }

    public static void drop(Tables tables) {
        tables.update("DROP SCHEMA IF EXISTS {g} CASCADE");
    }

    public static Map<TopicPartition, Long> offsets(Tables tables) {
        Map<TopicPartition, Long> offsets = new LinkedHashMap<>();
        tables.query("SELECT topic, partition, next_offset FROM {g}.offsets ORDER BY topic, partition",
                (row, n) -> offsets.put(new TopicPartition(row.getString(1), row.getInt(2)), row.getLong(3)));
        return offsets;
    }

    /** Anomalies by kind ({@code version-gap}, {@code undecodable}). */
    public static Map<String, Long> anomalyCounts(Tables tables) {
        Map<String, Long> counts = new HashMap<>();
        tables.query("SELECT kind, count(*) FROM {g}.anomalies GROUP BY kind",
                (row, n) -> counts.put(row.getString(1), row.getLong(2)));
        return counts;
    }

    /** The version of one stream this generation has applied, 0 if none. */
    public static long appliedVersion(Tables tables, StreamType type, java.util.UUID streamId) {
        return tables.queryOne("SELECT version FROM {g}.stream_versions WHERE stream_id = ? AND stream_type = ?",
                (row, n) -> row.getLong(1), streamId, type.id()).orElse(0L);
    }
}

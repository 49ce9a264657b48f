package dev.seatbooking.readmodel.projection;

import dev.seatbooking.contracts.Envelope;

import java.util.List;
import java.util.Set;

/**
 * A read model: the tables it keeps and how each event changes them.
 *
 * <p>The engine calls {@link #apply} inside a transaction, once per event version and in version order per
 * stream (it remembers the last version applied per stream in the same transaction), so a projection needs
 * no deduplication of its own, except for unversioned events (aggregate version 0), which it must make
 * idempotent itself.
 *
 * <p>Its tables live in one PostgreSQL schema per generation; SQL names them {@code {g}.table} and
 * {@link Tables} fills in the schema. A change of the tables or of what {@code apply} does bumps
 * {@link #schemaVersion()}: at start-up the service then rebuilds the projection from the topics into a
 * new generation. There are no hand-written data migrations of read tables.
 */
public interface Projection {

    /** Stable name: admin API, metrics, schema names. Lower case, words joined by '-'. */
    String name();

    /** Version of {@link #ddl()} and of what {@link #apply} does. */
    int schemaVersion();

    /** The streams whose events this projection applies (every other record is skipped unread). */
    Set<StreamType> streams();

    /** The stream a consistency token sent to this projection's queries names. */
    StreamType tokenStream();

    /** {@code CREATE TABLE {g}.…} statements for a new generation (the schema itself exists already). */
    List<String> ddl();

    /** Applies one event of one of {@link #streams()}. */
    void apply(Envelope event, Tables tables);
}

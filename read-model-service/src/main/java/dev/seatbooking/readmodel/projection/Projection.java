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
 * {@link Tables} fills in the schema. A change of the tables or of what {@code apply} does bumps its
 * {@linkplain ProjectionDescriptor#schemaVersion() schema version}: at start-up the service then rebuilds the projection from the topics into a
 * new generation. There are no hand-written data migrations of read tables.
 */
public interface Projection {

    /** Its name, schema version and streams: a constant of the projection. */
    ProjectionDescriptor descriptor();

    /** {@code CREATE TABLE {g}.…} statements for a new generation (the schema itself exists already). */
    List<String> ddl();

    /** Applies one event of one of {@link #streams()}. */
    void apply(Envelope event, Tables tables);

    /** {@link ProjectionDescriptor#name()} */
    default String name() {
        return descriptor().name();
    }

    /** {@link ProjectionDescriptor#schemaVersion()} */
    default int schemaVersion() {
        return descriptor().schemaVersion();
    }

    /** {@link ProjectionDescriptor#streams()} */
    default Set<StreamType> streams() {
        return descriptor().streams();
    }

    /** {@link ProjectionDescriptor#tokenStream()} */
    default StreamType tokenStream() {
        return descriptor().tokenStream();
    }
}

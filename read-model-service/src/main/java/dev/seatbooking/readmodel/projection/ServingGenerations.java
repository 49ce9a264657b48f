package dev.seatbooking.readmodel.projection;

import org.springframework.jdbc.core.JdbcTemplate;

import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Which generation answers each projection's queries in this instance: the one serving for this instance's schema
 * version of the projection in {@code projection_generations}, which every instance reads again whenever it is told
 * of a change (another instance's switch) and on a timer. Queries take their {@link Tables} here.
 */
public final class ServingGenerations {

    private final JdbcTemplate jdbc;
    private final Map<String, Tables> serving = new ConcurrentHashMap<>();

    public ServingGenerations(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public void serve(Generation generation) {
        serving.put(generation.projection(), new Tables(generation, jdbc));
    }

    /**
     * Serves {@code generation}, or nothing (not ready) if empty.
     *
     * @return whether that changed what this instance serves
     */
    public boolean serve(String projection, Optional<Generation> generation) {
        Tables before = generation.isPresent()
                ? serving.put(projection, new Tables(generation.get(), jdbc))
                : serving.remove(projection);
        return !Objects.equals(before == null ? null : before.generation(), generation.orElse(null));
    }

    public Optional<Generation> generation(String projection) {
        return Optional.ofNullable(serving.get(projection)).map(Tables::generation);
    }

    public boolean isServing(Generation generation) {
        Tables tables = serving.get(generation.projection());
        return tables != null && tables.generation().equals(generation);
    }

    /**
     * The serving tables, if they have the shape this code reads.
     *
     * @throws ProjectionNotReadyException while none has (first start-up, or a rebuild for a new schema version)
     */
    public Tables tables(Projection projection) {
        Tables tables = serving.get(projection.name());
        if (tables == null || tables.generation().schemaVersion() != projection.schemaVersion()) {
            throw new ProjectionNotReadyException(projection.name());
        }
        return tables;
    }
}

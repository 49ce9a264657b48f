package dev.seatbooking.readmodel.lag;

import dev.seatbooking.readmodel.projection.Projection;
import dev.seatbooking.readmodel.projection.ProjectionRunner;
import dev.seatbooking.readmodel.projection.Projections;
import dev.seatbooking.readmodel.projection.ServingGenerations;
import dev.seatbooking.readmodel.rebuild.ProjectionLifecycle;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Readiness: out of service while a projection has no generation of its current schema serving (the first
 * build is fine: it answers with what it has; a rebuild for a new schema version is not). A stalled
 * projection stays "up" with its failure in the details: restarting would not help, and stale answers say so.
 * Each instance answers for itself: ready when the generations of its own schema versions serve, whatever another
 * version's instances serve; its lag counts the partitions it owns.
 */
public final class ProjectionHealth implements HealthIndicator {

    private final Projections projections;
    private final ServingGenerations serving;
    private final ProjectionLifecycle lifecycle;
    private final ProjectionLag lag;

    public ProjectionHealth(Projections projections, ServingGenerations serving, ProjectionLifecycle lifecycle,
                            ProjectionLag lag) {
        this.projections = projections;
        this.serving = serving;
        this.lifecycle = lifecycle;
        this.lag = lag;
    }

    @Override
    public Health health() {
        boolean ready = true;
        Map<String, Object> details = new LinkedHashMap<>();
        for (Projection projection : projections.all()) {
            boolean servingCurrentSchema = serving.generation(projection.name())
                    .map(g -> g.schemaVersion() == projection.schemaVersion()).orElse(false);
            ready &= servingCurrentSchema;
            Map<String, Object> detail = new LinkedHashMap<>();
            detail.put("ready", servingCurrentSchema);
            lag.lag(projection.name()).ifPresent(l -> detail.put("lag", l));
            // This instance's share of the serving generation's partitions (the others feed the rest).
            lifecycle.liveRunner(projection.name()).ifPresent(r -> detail.put("partitions", r.positions().size()));
            lifecycle.liveRunner(projection.name()).map(ProjectionRunner::failure)
                    .ifPresent(failure -> detail.put("failure", failure));
            details.put(projection.name(), detail);
        }
        return Health.status(ready ? Status.UP : Status.OUT_OF_SERVICE).withDetails(details).build();
    }
}

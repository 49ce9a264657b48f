package dev.seatbooking.readmodel.api;

import dev.seatbooking.readmodel.lag.ProjectionLag;
import dev.seatbooking.readmodel.projection.GenerationRepository;
import dev.seatbooking.readmodel.projection.GenerationSchema;
import dev.seatbooking.readmodel.projection.Projection;
import dev.seatbooking.readmodel.projection.ProjectionRunner;
import dev.seatbooking.readmodel.projection.Projections;
import dev.seatbooking.readmodel.projection.ServingGenerations;
import dev.seatbooking.readmodel.rebuild.ProjectionLifecycle;
import io.swagger.v3.oas.annotations.Operation;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;

/** Operations: lag, generations and rebuilds of the projections. */
@RestController
@RequestMapping("/api/admin/projections")
public class ProjectionAdminController {

    private final Projections projections;
    private final ProjectionLifecycle lifecycle;
    private final ProjectionLag lag;
    private final ServingGenerations serving;

    public ProjectionAdminController(Projections projections, ProjectionLifecycle lifecycle, ProjectionLag lag,
                                     ServingGenerations serving) {
        this.projections = projections;
        this.lifecycle = lifecycle;
        this.lag = lag;
        this.serving = serving;
    }

    @Operation(summary = "Every projection: state, lag, serving generation, anomalies, rebuild progress")
    @GetMapping
    public List<ProjectionStatus> all() {
        return projections.all().stream().map(this::status).toList();
    }

    @Operation(summary = "One projection")
    @GetMapping("/{name}")
    public ProjectionStatus one(@PathVariable String name) {
        return status(projections.get(name));
    }

    @Operation(summary = "Rebuild one projection from offset zero into a new generation, then switch to it",
            description = "The current generation keeps answering meanwhile. 202 with the projection's status; "
                    + "409 if it is being rebuilt already.")
    @PostMapping("/{name}/rebuild")
    public ResponseEntity<ProjectionStatus> rebuild(@PathVariable String name) {
        Projection projection = projections.get(name);
        lifecycle.rebuild(projection.name());
        return ResponseEntity.accepted().location(URI.create("/api/admin/projections/" + projection.name()))
                .body(status(projection));
    }

    @Operation(summary = "Rebuild every projection (those being rebuilt already go on)")
    @PostMapping("/rebuild")
    public ResponseEntity<List<ProjectionStatus>> rebuildAll() {
        lifecycle.rebuildAll();
        return ResponseEntity.status(HttpStatus.ACCEPTED).location(URI.create("/api/admin/projections")).body(all());
    }

    private ProjectionStatus status(Projection projection) {
        var runner = lifecycle.liveRunner(projection.name());
        var generation = serving.generation(projection.name());
        boolean ready = generation.map(g -> g.schemaVersion() == projection.schemaVersion()).orElse(false);
        String failure = runner.map(ProjectionRunner::failure).orElse(null);
        String state = !ready ? "not-ready" : failure != null ? "stalled" : "live";
        Map<String, Long> anomalies = ready ? GenerationSchema.anomalyCounts(serving.tables(projection)) : Map.of();
        OptionalLong behind = lag.lag(projection.name());
        List<ProjectionStatus.GenerationInfo> generations = lifecycle.generations(projection.name()).stream()
                .map(ProjectionAdminController::info).toList();
        return new ProjectionStatus(projection.name(), projection.schemaVersion(),
                generation.map(g -> g.number()).orElse(null), state, lifecycle.instanceId(),
                runner.map(r -> r.positions().size()).orElse(null), behind.isPresent() ? behind.getAsLong() : null,
                runner.map(ProjectionRunner::eventsApplied).orElse(null), failure, anomalies,
                lifecycle.rebuildStatus(projection.name()).orElse(null), generations);
    }

    private static ProjectionStatus.GenerationInfo info(GenerationRepository.Row row) {
        return new ProjectionStatus.GenerationInfo(row.generation().number(), row.generation().schemaVersion(),
                row.status().name().toLowerCase(), row.createdAt(), row.servingSince(), row.retiredAt());
    }
}

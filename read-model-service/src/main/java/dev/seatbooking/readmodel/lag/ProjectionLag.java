package dev.seatbooking.readmodel.lag;

import dev.seatbooking.readmodel.projection.Projection;
import dev.seatbooking.readmodel.projection.ProjectionRunner;
import dev.seatbooking.readmodel.projection.Projections;
import dev.seatbooking.readmodel.rebuild.ProjectionLifecycle;
import dev.seatbooking.readmodel.rebuild.RebuildStatus;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;

import java.util.OptionalLong;

/**
 * How far each projection is behind its topics: the records on its partitions after the serving
 * generation's position (records of streams it does not follow count too: it still has to read them).
 *
 * <ul>
 *   <li>{@code readmodel.projection.lag} (records), tag {@code projection}; NaN while unknown (no runner
 *       for the serving generation, or not yet measured)</li>
 *   <li>{@code readmodel.projection.rebuild.progress} (0 to 1) of the current or last rebuild, 1 if none</li>
 *   <li>{@code readmodel.projection.events.applied}: events applied by the live runner since start</li>
 * </ul>
 */
public final class ProjectionLag implements MeterBinder {

    private final Projections projections;
    private final ProjectionLifecycle lifecycle;

    public ProjectionLag(Projections projections, ProjectionLifecycle lifecycle) {
        this.projections = projections;
        this.lifecycle = lifecycle;
    }

    /** Records behind, if known. */
    public OptionalLong lag(String projection) {
        return lifecycle.liveRunner(projection).map(ProjectionRunner::lag)
                .filter(lag -> lag >= 0).map(OptionalLong::of).orElse(OptionalLong.empty());
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        for (Projection projection : projections.all()) {
            String name = projection.name();
            Gauge.builder("readmodel.projection.lag", this, l -> {
                        OptionalLong lag = l.lag(name);
                        return lag.isPresent() ? lag.getAsLong() : Double.NaN;
                    })
                    .description("Records on the projection's partitions not yet read by its serving generation")
                    .baseUnit("records").tag("projection", name).register(registry);
            Gauge.builder("readmodel.projection.rebuild.progress", lifecycle,
                            l -> l.rebuildStatus(name).map(RebuildStatus::progress).orElse(1.0))
                    .description("Share of the history the current or last rebuild has replayed")
                    .tag("projection", name).register(registry);
            FunctionCounter.builder("readmodel.projection.events.applied", lifecycle,
                            l -> l.liveRunner(name).map(ProjectionRunner::eventsApplied).orElse(0L))
                    .description("Events applied by the serving generation's runner")
                    .baseUnit("events").tag("projection", name).register(registry);
        }
    }
}

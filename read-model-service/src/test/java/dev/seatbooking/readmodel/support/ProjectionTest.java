package dev.seatbooking.readmodel.support;

import dev.seatbooking.readmodel.projection.BatchApplier;
import dev.seatbooking.readmodel.projection.Projection;
import dev.seatbooking.readmodel.projection.ProjectionConnections;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/** A projection test: events straight into a scratch generation on the real database (same cached context). */
public abstract class ProjectionTest extends ReadModelTest {

    @Autowired
    protected JdbcTemplate jdbc;
    @Autowired
    protected BatchApplier applier;
    @Autowired
    private ProjectionConnections connections;

    /** On the projections' connections, as the service's runners are: the applier's transactions are theirs. */
    protected ProjectionHarness harness(Projection projection) {
        return new ProjectionHarness(projection, connections.jdbc(), new TransactionTemplate(connections.transactions()),
                applier);
    }
}

package dev.seatbooking.readmodel.support;

import dev.seatbooking.readmodel.projection.BatchApplier;
import dev.seatbooking.readmodel.projection.Projection;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/** A projection test: events straight into a scratch generation on the real database (same cached context). */
public abstract class ProjectionTest extends ReadModelTest {

    @Autowired
    protected JdbcTemplate jdbc;
    @Autowired
    protected TransactionTemplate transactions;
    @Autowired
    protected BatchApplier applier;

    protected ProjectionHarness harness(Projection projection) {
        return new ProjectionHarness(projection, jdbc, transactions, applier);
    }
}

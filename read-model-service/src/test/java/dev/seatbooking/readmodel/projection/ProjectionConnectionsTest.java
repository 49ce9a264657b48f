package dev.seatbooking.readmodel.projection;

import com.zaxxer.hikari.HikariDataSource;
import dev.seatbooking.readmodel.draftorder.DraftOrdersProjection;
import dev.seatbooking.readmodel.support.EventPublisher;
import dev.seatbooking.readmodel.support.ReadModelTest;
import dev.seatbooking.readmodel.support.Stream;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.sql.Connection;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static dev.seatbooking.readmodel.support.Samples.orderPlaced;
import static dev.seatbooking.readmodel.support.Samples.seats;
import static org.awaitility.Awaitility.await;

/** Queries cannot starve the projections of database connections ({@link ProjectionConnections}). */
class ProjectionConnectionsTest extends ReadModelTest {

    @Autowired
    HikariDataSource queries;
    @Autowired
    AppliedVersions appliedVersions;

    final EventPublisher events = EventPublisher.shared();

    @Test
    void a_projection_applies_what_arrives_while_queries_hold_every_connection_of_theirs() throws Exception {
        Stream order = Stream.random();
        AppliedVersions.Waiter applied = appliedVersions.register(DraftOrdersProjection.NAME, order.id(), 1);
        List<Connection> held = new ArrayList<>();
        try {
            var pool = queries.getHikariPoolMXBean();
            while (pool.getTotalConnections() < queries.getMaximumPoolSize() || pool.getIdleConnections() > 0) {
                held.add(queries.getConnection());
            }

            events.publish(order.next(orderPlaced(order.id(), UUID.randomUUID(), seats(UUID.randomUUID(), 1))));

            // Well under the queries' pool's 30 s wait for a connection, which a shared pool would make it wait out.
            await().atMost(Duration.ofSeconds(15)).until(() -> applied.reached().isDone());
        } finally {
            for (Connection connection : held) connection.close();
            appliedVersions.unregister(applied);
        }
    }
}

package dev.seatbooking.readmodel.projection;

import dev.seatbooking.readmodel.rebuild.ProjectionLifecycle;
import dev.seatbooking.readmodel.support.EventPublisher;
import dev.seatbooking.readmodel.support.ReadModelTest;
import dev.seatbooking.readmodel.support.Stream;
import org.junit.jupiter.api.Test;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static dev.seatbooking.readmodel.support.OrderAccessRequests.codeOf;
import static dev.seatbooking.readmodel.support.Samples.orderPlaced;
import static dev.seatbooking.readmodel.support.Samples.seats;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;

/**
 * What a batch tells the other instances on its database: nothing while none listens (this context's instance is
 * alone on its database), the versions it applied once another has said hello.
 */
class InstanceSignalsTest extends ReadModelTest {

    @Autowired
    DataSource dataSource;
    @Autowired
    ProjectionLifecycle lifecycle;
    @Autowired
    MockMvc mvc;

    final EventPublisher events = EventPublisher.shared();

    @Test
    void an_instance_alone_tells_nobody_what_it_applied_until_another_instance_says_hello() throws Exception {
        // The other "instance" is a bare connection: it listens, as an operator's psql might, and hears everything.
        try (Connection other = dataSource.getConnection(); Statement st = other.createStatement()) {
            other.setAutoCommit(true);
            st.execute("LISTEN " + InstanceSignals.APPLIED);
            List<String> heard = new ArrayList<>();
            // Instances of a test run before this one (on this database) are heard of for a lease after they stop.
            await("alone on the database").atMost(Duration.ofSeconds(60))
                    .until(() -> !lifecycle.otherInstancesListening());

            UUID alone = placeAndSee();
            heard.addAll(drain(other, Duration.ofMillis(500)));
            assertThat(heard).as("applied while alone: no NOTIFY")
                    .noneMatch(payload -> payload.contains(alone.toString()));

            st.execute("SELECT pg_notify('" + InstanceSignals.APPLIED + "', 'hello:another-instance')");
            await("the hello was heard").atMost(Duration.ofSeconds(20)).until(lifecycle::otherInstancesListening);
            UUID told = placeAndSee();
            await("the versions applied were told").atMost(Duration.ofSeconds(20)).until(() -> {
                heard.addAll(drain(other, Duration.ofMillis(100)));
                return heard.stream().anyMatch(payload -> payload.contains(told + ".1"));
            });
        }
    }

    private UUID placeAndSee() throws Exception {
        Stream order = Stream.random();
        events.publish(order.next(orderPlaced(order.id(), UUID.randomUUID(), seats(UUID.randomUUID(), 1))));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> mvc.perform(get("/api/draft-orders/" + order.id())
                .with(codeOf(order.id()))).andExpect(jsonPath("$.version").value(1)));
        return order.id();
    }

    private static List<String> drain(Connection connection, Duration wait) throws SQLException {
        PGNotification[] received = connection.unwrap(PGConnection.class).getNotifications((int) wait.toMillis());
        List<String> payloads = new ArrayList<>();
        if (received != null) for (PGNotification n : received) payloads.add(n.getParameter());
        return payloads;
    }
}

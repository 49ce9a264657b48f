package dev.seatbooking.readmodel.rebuild;

import dev.seatbooking.testinfra.TestCredentials;
import dev.seatbooking.contracts.Envelope;
import dev.seatbooking.readmodel.projection.Generation;
import dev.seatbooking.readmodel.projection.Projection;
import dev.seatbooking.readmodel.projection.Projections;
import dev.seatbooking.readmodel.projection.ServingGenerations;
import dev.seatbooking.readmodel.support.CatchUp;
import dev.seatbooking.readmodel.support.EventPublisher;
import dev.seatbooking.readmodel.support.OrderHistories;
import dev.seatbooking.readmodel.support.ReadModelTest;
import dev.seatbooking.readmodel.support.Samples;
import dev.seatbooking.readmodel.support.Snapshots;
import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static dev.seatbooking.readmodel.support.OrderAccessRequests.codeOf;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.is;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** Kappa rebuild: replay every topic from offset zero into new tables while the old ones serve, then switch. */
class RebuildTest extends ReadModelTest {

    static final int ORDERS = 1_000;
    /** The Kafka client's logger of offset lookups. */
    static final String OFFSET_LOOKUPS = "org.apache.kafka.clients.consumer.internals.OffsetFetcherUtils";

    @Autowired
    MockMvc mvc;
    @Autowired
    ProjectionLifecycle lifecycle;
    @Autowired
    Projections projections;
    @Autowired
    ServingGenerations serving;
    @Autowired
    JdbcTemplate jdbc;

    final EventPublisher events = EventPublisher.shared();

    @Test
    void a_rebuild_of_every_projection_after_a_thousand_orders_equals_the_live_model_and_served_throughout() throws Exception {
        OrderHistories histories = new OrderHistories();
        List<Envelope> history = new java.util.ArrayList<>(histories.conference("rebuild" + UUID.randomUUID().toString().substring(0, 6)));
        history.addAll(histories.orders(ORDERS));
        events.publish(history);
        CatchUp.await(lifecycle, projections);

        Map<String, Generation> live = new HashMap<>();
        Map<String, Map<String, List<String>>> liveRows = new HashMap<>();
        for (Projection projection : projections.all()) {
            Generation generation = serving.generation(projection.name()).orElseThrow();
            live.put(projection.name(), generation);
            liveRows.put(projection.name(), Snapshots.of(jdbc, generation));
        }
        assertThat(liveRows.get("draft-orders").get("draft_orders")).hasSizeGreaterThanOrEqualTo(ORDERS);
        for (String order : List.of("draft-orders", "priced-orders", "order-seats")) {
            assertThat(liveRows.get(order).get("order_access")).as(order).hasSizeGreaterThanOrEqualTo(ORDERS);
        }
        String everyRow = liveRows.values().stream().flatMap(t -> t.values().stream()).flatMap(List::stream)
                .collect(java.util.stream.Collectors.joining("\n"));
        assertThat(histories.orders()).as("no table holds an access code, only its hash")
                .noneMatch(order -> everyRow.contains(Samples.accessCode(order)));
        UUID someOrder = histories.orders().get(17);
        String etagBefore = mvc.perform(get("/api/draft-orders/" + someOrder).with(codeOf(someOrder))).andReturn().getResponse()
                .getHeader(HttpHeaders.ETAG);

        mvc.perform(post("/api/admin/projections/rebuild").header("Authorization", TestCredentials.opsAuthorization()))
                .andExpect(status().isAccepted())
                .andExpect(header().string(HttpHeaders.LOCATION, "/api/admin/projections"))
                .andExpect(jsonPath("$[*].rebuild.phase").exists());
        mvc.perform(post("/api/admin/projections/draft-orders/rebuild").header("Authorization", TestCredentials.opsAuthorization()))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.type").value("https://seatbooking.dev/problems/rebuild-in-progress"));

        // The old generation answers while the new one is built.
        mvc.perform(get("/api/draft-orders/" + someOrder).with(codeOf(someOrder))).andExpect(status().isOk())
                .andExpect(jsonPath("$.orderId").value(someOrder.toString()));

        await().atMost(Duration.ofSeconds(120)).until(() -> projections.all().stream().allMatch(p ->
                serving.generation(p.name()).orElseThrow().number() == live.get(p.name()).number() + 1));

        for (Projection projection : projections.all()) {
            Generation rebuilt = serving.generation(projection.name()).orElseThrow();
            assertThat(Snapshots.of(jdbc, rebuilt)).as(projection.name() + " rebuilt")
                    .isEqualTo(liveRows.get(projection.name()));
        }
        mvc.perform(get("/api/admin/projections").header("Authorization", TestCredentials.opsAuthorization()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[*].rebuild.phase", everyItem(is("serving"))))
                .andExpect(jsonPath("$[*].rebuild.progress", everyItem(is(1.0))))
                .andExpect(jsonPath("$[*].state", everyItem(is("live"))));
        mvc.perform(get("/api/draft-orders/" + someOrder).with(codeOf(someOrder))).andExpect(status().isOk())
                .andExpect(header().exists(HttpHeaders.ETAG));
        assertThat(mvc.perform(get("/api/draft-orders/" + someOrder).with(codeOf(someOrder))).andReturn().getResponse()
                .getHeader(HttpHeaders.ETAG)).isNotEqualTo(etagBefore);

        // The new generation goes on live; the old ones are dropped after the grace period.
        OrderHistories more = new OrderHistories();
        events.publish(more.orders(3));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                mvc.perform(get("/api/draft-orders/" + more.orders().get(2)).with(codeOf(more.orders().get(2)))).andExpect(status().isOk()));
        await().atMost(Duration.ofSeconds(30)).until(() -> live.values().stream().noneMatch(this::schemaExists));
    }

    @Test
    void a_rebuild_after_orders_with_promotional_codes_equals_the_live_model() throws Exception {
        OrderHistories histories = new OrderHistories().withPromotionalCodes();
        publishAndCatchUp(histories.conference("codes" + UUID.randomUUID().toString().substring(0, 6)),
                histories.orders(90));
        Generation before = serving.generation("priced-orders").orElseThrow();
        Map<String, List<String>> liveRows = Snapshots.of(jdbc, before);
        assertThat(liveRows.get("priced_order_discounts")).as("orders with codes").isNotEmpty();
        assertThat(liveRows.get("priced_order_codes")).isNotEmpty();
        UUID coded = histories.orders().get(1);
        mvc.perform(get("/api/priced-orders/" + coded).with(codeOf(coded))).andExpect(status().isOk())
                .andExpect(jsonPath("$.promotionalCodes[0].code").value("REBUILD10"))
                .andExpect(jsonPath("$.discounts[0].amount.amount").value(50))
                .andExpect(jsonPath("$.subtotal.amount").value(500))
                .andExpect(jsonPath("$.total.amount").value(450));

        assertThat(rebuilt(before)).isEqualTo(liveRows);
    }

    @Test
    void a_rebuild_after_waitlists_equals_the_live_model() throws Exception {
        OrderHistories histories = new OrderHistories();
        String slug = "wait" + UUID.randomUUID().toString().substring(0, 6);
        publishAndCatchUp(histories.conference(slug), histories.waitlists(40));
        Generation before = serving.generation("conferences").orElseThrow();
        Map<String, List<String>> liveRows = Snapshots.of(jdbc, before);
        assertThat(liveRows.get("waitlist_entries")).as("entries still on the list").isNotEmpty();
        String workshop = "$.seatTypes[?(@.id == '" + histories.workshop() + "')]";
        mvc.perform(get("/api/conferences/" + slug)).andExpect(status().isOk())
                .andExpect(jsonPath(workshop + ".waitlisted").value(true))
                .andExpect(jsonPath("$.seatTypes[?(@.name == 'General')].waitlisted").value(false));

        assertThat(rebuilt(before)).isEqualTo(liveRows);
    }

    @SafeVarargs
    private void publishAndCatchUp(List<Envelope>... parts) {
        List<Envelope> history = new java.util.ArrayList<>();
        for (List<Envelope> part : parts) history.addAll(part);
        events.publish(history);
        CatchUp.await(lifecycle, projections);
    }

    /** Rebuilds the projection of generation {@code live} and answers the rows of the next one once it serves. */
    private Map<String, List<String>> rebuilt(Generation live) throws Exception {
        String name = live.projection();
        mvc.perform(post("/api/admin/projections/" + name + "/rebuild").header("Authorization", TestCredentials.opsAuthorization()))
                .andExpect(status().isAccepted());
        await().atMost(Duration.ofSeconds(120)).until(() ->
                serving.generation(name).orElseThrow().number() == live.number() + 1);
        return Snapshots.of(jdbc, serving.generation(name).orElseThrow());
    }

    @Test
    void rebuilding_one_projection_leaves_the_others_alone() throws Exception {
        Map<String, Integer> before = new HashMap<>();
        projections.all().forEach(p -> before.put(p.name(), serving.generation(p.name()).orElseThrow().number()));

        Logger offsetLogger = (Logger) LoggerFactory.getLogger(OFFSET_LOOKUPS);
        ListAppender<ILoggingEvent> offsetLookups = new ListAppender<>();
        offsetLookups.start();
        offsetLogger.addAppender(offsetLookups);
        try {
            mvc.perform(post("/api/admin/projections/order-seats/rebuild").header("Authorization", TestCredentials.opsAuthorization()))
                    .andExpect(status().isAccepted())
                    .andExpect(header().string(HttpHeaders.LOCATION, "/api/admin/projections/order-seats"))
                    .andExpect(jsonPath("$.name").value("order-seats"));
        } finally {
            offsetLogger.detachAppender(offsetLookups);
        }
        // The rebuild's probe of its topics' end offsets used to warn once per partition (noise in every rebuild).
        assertThat(offsetLookups.list).filteredOn(e -> e.getLevel().isGreaterOrEqual(Level.WARN))
                .extracting(ILoggingEvent::getFormattedMessage)
                .filteredOn(message -> message.contains("readmodel-rebuild-probe")).isEmpty();

        await().atMost(Duration.ofSeconds(120)).until(() ->
                serving.generation("order-seats").orElseThrow().number() == before.get("order-seats") + 1);
        projections.all().stream().filter(p -> !p.name().equals("order-seats")).forEach(p ->
                assertThat(serving.generation(p.name()).orElseThrow().number()).isEqualTo(before.get(p.name())));
        mvc.perform(get("/api/admin/projections/order-seats").header("Authorization", TestCredentials.opsAuthorization()))
                .andExpect(jsonPath("$.rebuild.phase").value("serving"))
                .andExpect(jsonPath("$.rebuild.recordsPerSecond").isNumber());
    }

    private boolean schemaExists(Generation generation) {
        return Boolean.TRUE.equals(jdbc.queryForObject(
                "SELECT EXISTS (SELECT 1 FROM information_schema.schemata WHERE schema_name = ?)", Boolean.class,
                generation.schema()));
    }
}

package dev.seatbooking.readmodel.api;

import dev.seatbooking.readmodel.projection.Projections;
import dev.seatbooking.readmodel.rebuild.ProjectionLifecycle;
import dev.seatbooking.readmodel.support.CatchUp;
import dev.seatbooking.readmodel.support.EventPublisher;
import dev.seatbooking.readmodel.support.OrderAccessRequests;
import dev.seatbooking.readmodel.support.OrderHistories;
import dev.seatbooking.readmodel.support.ReadModelTest;
import dev.seatbooking.readmodel.support.Samples;
import dev.seatbooking.testinfra.TestCredentials;
import dev.seatbooking.testinfra.fuzz.ApiFuzzer;
import dev.seatbooking.testinfra.fuzz.DatabaseFingerprint;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import javax.sql.DataSource;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Every operation of the read model's OpenAPI document, sent what a hostile or careless client sends (issue 11,
 * "Proof"): no 5xx, every 4xx a problem, not one row of the read tables or of the projections' bookkeeping changed,
 * nothing published. Twice: as the holder of a seeded order (confirmed, priced, paid, a seat assigned), whose id and
 * access code take a request to each view's own checks, and as the operator, whose credential takes the projection
 * admin's path variables to the controller rather than to the ops chain's refusal; then as anyone, with neither.
 */
class ReadModelFuzzTest extends ReadModelTest {

    /**
     * Nothing the read model writes changes on its own once its projections have caught up (it stores no events
     * and runs no relay): no table is left out. Only an earlier test's rebuild goes on by itself — the new generation
     * built, the one it replaced dropped a moment later — which {@link #stableFingerprint()} waits out.
     */
    private static final Set<String> CHANGING_ON_THEIR_OWN = Set.of();
    private static final List<String> TOPICS = List.of(CONFERENCE_EVENTS, REGISTRATION_EVENTS, PAYMENTS_EVENTS);

    @LocalServerPort
    int port;
    @Autowired
    DataSource dataSource;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    ProjectionLifecycle lifecycle;
    @Autowired
    Projections projections;

    @Test
    void hostile_and_malformed_requests_to_every_operation_get_4xx_problems_and_change_nothing() throws Exception {
        OrderHistories histories = new OrderHistories();
        String slug = "fuzz" + histories.conferenceId().toString().substring(0, 8);
        EventPublisher.shared().publish(histories.conference(slug));
        EventPublisher.shared().publish(histories.orders(2));
        CatchUp.await(lifecycle, projections);
        UUID order = histories.orders().get(1); // placed, priced, reserved, paid, confirmed, a seat assigned
        String code = Samples.accessCode(order);

        Map<String, String> before = stableFingerprint();
        var topicsBefore = CatchUp.endOffsets(TOPICS);
        String apiDocs = ApiFuzzer.documentOf("http://127.0.0.1:" + port);
        // The registrant and the operator: the seeded order's id and code, the ops credential. Its few failed code
        // checks (the code header's bad values) stay under the throttle's limits (20 per client, 20 per order).
        ApiFuzzer.Report holder = ApiFuzzer.against("http://127.0.0.1:" + port, apiDocs)
                .value("orderId", order.toString())
                .value("slug", slug)
                .value("name", "draft-orders")
                .value("email", "r1@example.com") // the registrant OrderHistories gives its second order
                .value("accessCode", code)
                .header(OrderAccessRequests.HEADER, code)
                .header("Authorization", TestCredentials.opsAuthorization())
                .build().run();
        // Anyone: no code, no credential (the ops endpoints' refusals must be problems too), made-up order ids. It
        // fails a code check with each of its requests to an order view, so it comes through the gateway (its token
        // makes X-Forwarded-For believed) from an address of its own: its failures count against no other client,
        // and past its limit its answers are 429 problems, as they must be.
        ApiFuzzer.Report anyone = ApiFuzzer.against("http://127.0.0.1:" + port, apiDocs)
                .value("slug", slug)
                .header("Gateway-Token", TestCredentials.GATEWAY_TOKEN)
                .header("X-Forwarded-For", OrderAccessRequests.anyAddress())
                .build().run();

        List<ApiFuzzer.Finding> findings = new ArrayList<>(holder.findings());
        findings.addAll(anyone.findings());
        assertThat(findings).as(() -> findings.size() + " findings:\n"
                + String.join("\n", findings.stream().map(Object::toString).toList())).isEmpty();
        assertThat(holder.requests() + anyone.requests()).isGreaterThan(300);
        assertThat(DatabaseFingerprint.of(dataSource, CHANGING_ON_THEIR_OWN)).isEqualTo(before);
        assertThat(CatchUp.endOffsets(TOPICS)).as("nothing published").isEqualTo(topicsBefore);
    }

    /**
     * Two fingerprints a moment apart, the same, and no generation being built or waiting to be dropped: whatever
     * earlier tests set going has settled.
     */
    private Map<String, String> stableFingerprint() {
        AtomicReference<Map<String, String>> last = new AtomicReference<>(Map.of());
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(500)).until(() -> {
            // a generation retired lately is dropped a moment later (the tests' grace is 1 s); one retired while the
            // lifecycle was stopped (RestartTest) waits for the next start, changing nothing meanwhile
            Integer unsettled = jdbc.queryForObject("""
                    SELECT count(*) FROM projection_generations WHERE status = 'building'
                        OR status = 'retired' AND retired_at > now() - interval '10 seconds'""", Integer.class);
            if (unsettled == null || unsettled > 0) return false;
            Map<String, String> now = DatabaseFingerprint.of(dataSource, CHANGING_ON_THEIR_OWN);
            return now.equals(last.getAndSet(now));
        });
        return last.get();
    }
}

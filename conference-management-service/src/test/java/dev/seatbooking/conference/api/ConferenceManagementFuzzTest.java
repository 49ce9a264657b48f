package dev.seatbooking.conference.api;

import dev.seatbooking.conference.support.AdminApi;
import dev.seatbooking.conference.support.AdminApi.Owner;
import dev.seatbooking.conference.support.IntegrationTest;
import dev.seatbooking.conference.support.RegistrationEvents;
import dev.seatbooking.contracts.Money;
import dev.seatbooking.contracts.Topics;
import dev.seatbooking.contracts.payments.RefundEvent.RefundRequested;
import dev.seatbooking.contracts.payments.RefundReason;
import dev.seatbooking.contracts.registration.OrderEvent.OrderConfirmed;
import dev.seatbooking.contracts.registration.OrderEvent.OrderPlaced;
import dev.seatbooking.contracts.registration.OrderEvent.OrderRegistrantAssigned;
import dev.seatbooking.contracts.registration.OrderEvent.OrderTotalsCalculated;
import dev.seatbooking.contracts.registration.OrderLine;
import dev.seatbooking.contracts.registration.PersonalInfo;
import dev.seatbooking.contracts.registration.SeatAssignmentsEvent.SeatAssigned;
import dev.seatbooking.contracts.registration.SeatAssignmentsEvent.SeatAssignmentsCreated;
import dev.seatbooking.contracts.registration.SeatPosition;
import dev.seatbooking.contracts.registration.SeatQuantity;
import dev.seatbooking.contracts.registration.SeatsAvailabilityEvent.WaitlistJoined;
import dev.seatbooking.testinfra.TestKafka;
import dev.seatbooking.testinfra.fuzz.ApiFuzzer;
import dev.seatbooking.testinfra.fuzz.DatabaseFingerprint;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import javax.sql.DataSource;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;

import static dev.seatbooking.conference.support.AdminApi.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.hasSize;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Every operation of conference management's OpenAPI document, sent what a hostile or careless client sends (issue
 * 11, "Proof"): no 5xx, every 4xx a problem, not one row changed (conferences, seat types, orders, the outbox, the
 * inbox) and nothing published on {@code conference.events}. The requests carry the owner's credentials of a seeded,
 * published conference with a seat type, a promotional code, a confirmed order, an attendee, someone on the
 * waitlist and a refund, so that a mutation
 * is judged by the call's own checks rather than refused for want of credentials.
 */
class ConferenceManagementFuzzTest extends IntegrationTest {

    /** Nothing here changes on its own once the seeded events have been consumed and the outbox sent: none left out. */
    private static final Set<String> CHANGING_ON_THEIR_OWN = Set.of();

    @LocalServerPort
    int port;
    @Autowired
    DataSource dataSource;

    @Test
    void hostile_and_malformed_requests_to_every_operation_get_4xx_problems_and_change_nothing() throws Exception {
        Owner owner = api().createConference();
        UUID seatType = api().addSeatType(owner, AdminApi.seatType("General", 10, "100", "EUR"));
        api().perform(post(owner.path() + "/publish").with(as(owner))).andExpect(status().isOk());
        confirmedOrderAnAttendeeAndAWaitlist(owner, seatType);
        UUID code = api().createCode(owner, AdminApi.amountCode("SPEAKER-2026", "50", "EUR"));

        Map<String, String> before = stableFingerprint();
        Map<TopicPartition, Long> published = endOffsets(Topics.CONFERENCE_EVENTS);
        String basic = "Basic " + Base64.getEncoder().encodeToString((owner.email() + ":" + owner.accessCode())
                .getBytes(StandardCharsets.UTF_8));
        String apiDocs = ApiFuzzer.documentOf("http://127.0.0.1:" + port);
        assertThat(ApiFuzzer.operationsOf(apiDocs))
                .as("the owner's waitlist, refunds, dashboard and exports are fuzzed too")
                .contains("GET /api/conferences/{conferenceId}/waitlist", "GET /api/conferences/{conferenceId}/refunds",
                        "GET /api/conferences/{conferenceId}/dashboard",
                        "GET /api/conferences/{conferenceId}/exports/attendees.csv",
                        "GET /api/conferences/{conferenceId}/exports/orders.csv");
        ApiFuzzer.Report owners = ApiFuzzer.against("http://127.0.0.1:" + port, apiDocs)
                .value("conferenceId", owner.conferenceId().toString())
                .value("seatTypeId", seatType.toString())
                // a body's id on PUT must be the path's: any other makes every mutation a 400 for the mismatch
                .value("PUT /api/conferences/{conferenceId}", "id", owner.conferenceId().toString())
                .value("PUT /api/conferences/{conferenceId}/seat-types/{seatTypeId}", "id", seatType.toString())
                .value("codeId", code.toString())
                .value("PUT /api/conferences/{conferenceId}/promotional-codes/{codeId}", "id", code.toString())
                // the seeded code's text: a create that passes validation is refused as a duplicate, not accepted
                .value("code", "SPEAKER-2026")
                .value("ownerEmail", owner.email())
                .value("email", owner.email())
                .value("accessCode", owner.accessCode())
                .header("Authorization", basic)
                .build().run();
        // Anyone, without credentials: every call under the conference must refuse as a problem, whatever else is
        // wrong with the request. No failed sign-in is counted (there are no credentials to fail).
        ApiFuzzer.Report anyone = ApiFuzzer.against("http://127.0.0.1:" + port, apiDocs)
                .value("conferenceId", owner.conferenceId().toString())
                .value("seatTypeId", seatType.toString())
                .value("codeId", code.toString())
                // the two calls that take no credentials were sent exactly these requests above
                .skip("POST /api/conferences")
                .skip("POST /api/conferences/locate")
                .build().run();

        List<ApiFuzzer.Finding> findings = new ArrayList<>(owners.findings());
        findings.addAll(anyone.findings());
        assertThat(findings).as(() -> findings.size() + " findings:\n"
                + String.join("\n", findings.stream().map(Object::toString).toList())).isEmpty();
        assertThat(owners.requests()).isGreaterThan(300);
        assertThat(DatabaseFingerprint.of(dataSource, CHANGING_ON_THEIR_OWN)).isEqualTo(before);
        assertThat(endOffsets(Topics.CONFERENCE_EVENTS)).as("nothing published").isEqualTo(published);
    }

    /**
     * Registration's events of one confirmed order of one seat, its seat assigned, and someone waiting for two more;
     * payments' refund of a second payment of the order; waits until they are listed.
     */
    private void confirmedOrderAnAttendeeAndAWaitlist(Owner owner, UUID seatType) throws Exception {
        UUID order = UUID.randomUUID();
        UUID assignments = UUID.randomUUID();
        try (RegistrationEvents registration = new RegistrationEvents()) {
            registration.send(order, 1, new OrderPlaced(order, owner.conferenceId(),
                    List.of(new SeatQuantity(seatType, 1)), Instant.now().plusSeconds(900), "ABC123"));
            OrderLine line = OrderLine.of(seatType, "General", Money.of("100", "EUR"), 1);
            registration.send(order, 2, new OrderTotalsCalculated(order, line.lineTotal(), List.of(line), false));
            registration.send(order, 3, new OrderRegistrantAssigned(order, "Grace", "Hopper", "grace@example.org"));
            registration.send(order, 4, new OrderConfirmed(order, false));
            registration.send(assignments, 1, new SeatAssignmentsCreated(assignments, order,
                    List.of(new SeatPosition(0, seatType))));
            registration.send(assignments, 2, new SeatAssigned(assignments, order, 0, seatType,
                    new PersonalInfo("Ada", "Lovelace", "ada@example.org")));
            registration.send(owner.conferenceId(), 1, new WaitlistJoined(owner.conferenceId(), UUID.randomUUID(),
                    seatType, 2));
        }
        UUID refund = UUID.randomUUID();
        try (RegistrationEvents payments = RegistrationEvents.payments()) {
            payments.send(refund, 1, new RefundRequested(refund, UUID.randomUUID(), order, owner.conferenceId(),
                    Money.of("100", "EUR"), RefundReason.ORDER_ALREADY_PAID));
        }
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                api().perform(get(owner.path() + "/refunds").with(as(owner))).andExpect(jsonPath("$", hasSize(1))));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                api().perform(get(owner.path() + "/attendees").with(as(owner))).andExpect(jsonPath("$", hasSize(1))));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> api().perform(get(owner.path() + "/waitlist")
                .with(as(owner))).andExpect(jsonPath("$.seatTypes[0].people").value(1)));
    }

    /** Two fingerprints a moment apart, the same: the consumer and the outbox's dispatcher have settled. */
    private Map<String, String> stableFingerprint() {
        AtomicReference<Map<String, String>> last = new AtomicReference<>(Map.of());
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(500)).until(() -> {
            Map<String, String> now = DatabaseFingerprint.of(dataSource, CHANGING_ON_THEIR_OWN);
            return now.equals(last.getAndSet(now));
        });
        return last.get();
    }

    private static Map<TopicPartition, Long> endOffsets(String topic) {
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(
                Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, TestKafka.bootstrapServers()),
                new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
                    .map(p -> new TopicPartition(topic, p.partition())).toList();
            return consumer.endOffsets(partitions);
        }
    }
}

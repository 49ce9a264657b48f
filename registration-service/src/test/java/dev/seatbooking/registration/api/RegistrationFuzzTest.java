package dev.seatbooking.registration.api;

import dev.seatbooking.contracts.Money;
import dev.seatbooking.registration.order.OrderStatus;
import dev.seatbooking.registration.support.RegistrantClient;
import dev.seatbooking.registration.support.RegistrantClient.Response;
import dev.seatbooking.registration.support.RegistrationServiceTest;
import dev.seatbooking.registration.support.UpstreamServices.PublishedConference;
import dev.seatbooking.registration.support.UpstreamServices.SeatTypeSpec;
import dev.seatbooking.testinfra.fuzz.ApiFuzzer;
import dev.seatbooking.testinfra.fuzz.DatabaseFingerprint;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import javax.sql.DataSource;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Every operation of registration's OpenAPI document, sent what a hostile or careless client sends (issue 11,
 * "Proof"): no answer is a 5xx, every error is a problem, no bad request is accepted, and the database — the event
 * streams, the process states, the outgoing messages, the access rows — is the same after.
 * <p>
 * The requests start from real values, so that each mutation is judged by validation rather than refused for an
 * unknown id: a confirmed free order with its seat assignments (reads, lookup, confirmation, seat assignments), a
 * reserved one (seats, registrant, promotional codes), and an order id never used (placing: its unmutated request is valid, so any
 * mutation the service let through would place an order). The wrong codes the fuzzer sends do not lock the client
 * out: the shared context's throttle limits are high (see {@link RegistrationServiceTest}).
 */
class RegistrationFuzzTest extends RegistrationServiceTest {

    private static final Duration WAIT = Duration.ofSeconds(60);
    /** Tables that change with nothing sent: the relay's checkpoint (it records each round it makes). */
    private static final Set<String> CHANGING_ON_THEIR_OWN = Set.of("subscription_checkpoints");

    private static final String PLACE = "POST /api/conferences/{conferenceId}/orders";
    private static final Set<String> WITHOUT_AN_ORDER = Set.of(PLACE, "GET /api/orders/limits");
    private static final Set<String> OF_A_CONFIRMED_ORDER = Set.of("GET /api/orders/{orderId}",
            "POST /api/orders/lookup", "POST /api/orders/{orderId}/confirmation",
            "GET /api/orders/{orderId}/seat-assignments", "PUT /api/orders/{orderId}/seat-assignments/{position}",
            "DELETE /api/orders/{orderId}/seat-assignments/{position}");
    /**
     * The order has every seat it asked for, so waitlisting its missing seats is refused after validation (409
     * order-not-short): no mutation can join anything.
     */
    private static final Set<String> OF_A_RESERVED_ORDER = Set.of("PUT /api/orders/{orderId}/seats",
            "PUT /api/orders/{orderId}/registrant", "POST /api/orders/{orderId}/promotional-codes",
            "DELETE /api/orders/{orderId}/promotional-codes/{code}", "POST /api/orders/{orderId}/waitlist",
            // a reserved order, not confirmed: even a well-formed cancellation is refused (order-not-confirmed)
            "POST /api/orders/{orderId}/cancel");
    private static final String JOIN = "POST /api/conferences/{conferenceId}/waitlist";
    private static final Set<String> WITHOUT_AN_ENTRY = Set.of(JOIN);
    private static final String ACCEPT = "POST /api/waitlist/{entryId}/order";
    private static final Set<String> OF_A_WAITLIST_ENTRY = Set.of("GET /api/waitlist/{entryId}",
            "DELETE /api/waitlist/{entryId}", ACCEPT);
    private static final String WAITLIST_CODE = "Waitlist-Access-Code";
    /**
     * The promotional code the runs start from: one the conference does not have, so that no mutation of it (another
     * case, another code) applies a code: applying or removing it is refused by the order, after validation.
     */
    private static final String CODE = "FUZZ";

    @Autowired
    DataSource dataSource;

    @Test
    void hostile_requests_get_problems_and_change_nothing() throws Exception {
        PublishedConference conference = conferenceOnSale(Duration.ofMinutes(30),
                new SeatTypeSpec("Community", 20, Money.of("0.00", "EUR")));
        UUID seatType = conference.seatType();
        Placed confirmed = confirmedWithTwoSeats(conference);
        Placed reserved = place(conference, 1);
        UUID unused = UUID.randomUUID();
        Entry entry = joined(conference);
        UUID unusedEntry = UUID.randomUUID();
        UUID orderFromOffer = UUID.randomUUID();
        String document = registrant.get("/v3/api-docs", null).text();
        assertThat(ApiFuzzer.operationsOf(document)).as("every operation is fuzzed in one of the runs")
                .containsExactlyInAnyOrderElementsOf(Stream.of(OF_A_CONFIRMED_ORDER, OF_A_RESERVED_ORDER, WITHOUT_AN_ORDER,
                                OF_A_WAITLIST_ENTRY, WITHOUT_AN_ENTRY)
                        .flatMap(Set::stream).toList());

        Map<String, String> before = DatabaseFingerprint.settled(dataSource, CHANGING_ON_THEIR_OWN, WAIT);
        List<ApiFuzzer.Report> reports = List.of(
                fuzzer(document, conference, confirmed.id(), confirmed.accessCode()).only(OF_A_CONFIRMED_ORDER),
                fuzzer(document, conference, reserved.id(), reserved.accessCode()).only(OF_A_RESERVED_ORDER),
                fuzzer(document, conference, unused, reserved.accessCode()).only(WITHOUT_AN_ORDER)
                        // Placing reads the header only when the order exists (a repeat shows its code to be answered
                        // it again): for this unused id no value of it is read, so each is a valid request that would
                        // place the order. On repeats, PlacingOrdersApiTest and AccessThrottleApiTest check it.
                        .skip(PLACE, RegistrantClient.ACCESS_CODE),
                fuzzer(document, conference, orderFromOffer, reserved.accessCode())
                        .value("entryId", entry.id().toString()).header(WAITLIST_CODE, entry.accessCode())
                        .only(OF_A_WAITLIST_ENTRY)
                        // As for placing: the order's code is read only for a repeat.
                        .skip(ACCEPT, RegistrantClient.ACCESS_CODE),
                // Joining reads its header only for a repeat, as placing does.
                fuzzer(document, conference, unused, reserved.accessCode()).value("entryId", unusedEntry.toString())
                        .only(WITHOUT_AN_ENTRY).skip(JOIN, WAITLIST_CODE))
                .stream().map(RegistrationFuzzTest::run).toList();
        Map<String, String> after = DatabaseFingerprint.of(dataSource, CHANGING_ON_THEIR_OWN);

        List<ApiFuzzer.Finding> findings = reports.stream().flatMap(r -> r.findings().stream()).toList();
        assertThat(findings).as(() -> findings.stream().map(Object::toString)
                .collect(Collectors.joining("\n", "\n", "\n"))).isEmpty();
        assertThat(reports.stream().mapToInt(ApiFuzzer.Report::requests).sum()).isGreaterThan(300);
        assertThat(after).isEqualTo(before);
        // The unmutated requests the runs' mutations were made of are valid, so the mutations were judged by
        // validation (the fuzzer builds them from the document: "fuzz" for a text, 1 for a whole number).
        Map<String, String> person = Map.of("firstName", "fuzz", "lastName", "fuzz", "email", "ada@example.org");
        assertThat(List.of(
                registrant.post("/api/orders/lookup", Map.of("email", "ada@example.org", "accessCode",
                        confirmed.accessCode()), null),
                registrant.put(confirmed.path("/seat-assignments/1"), person, confirmed.accessCode()),
                registrant.put(reserved.path("/seats"), RegistrantClient.seats(seatType, 1), reserved.accessCode()),
                registrant.put(reserved.path("/registrant"), person, reserved.accessCode()),
                registrant.post(reserved.path("/promotional-codes"), Map.of("code", CODE), reserved.accessCode()),
                registrant.delete(reserved.path("/promotional-codes/" + CODE), reserved.accessCode()),
                registrant.post(reserved.path("/waitlist"), Map.of("name", "fuzz", "email", "ada@example.org"),
                        reserved.accessCode()),
                registrant.placeOrder(conference.id(), unused, seatType, 1),
                registrant.send("GET", "/api/waitlist/" + entry.id(), null, Map.of(WAITLIST_CODE, entry.accessCode())),
                registrant.post("/api/conferences/" + conference.id() + "/waitlist", Map.of("entryId", unusedEntry,
                        "seatTypeId", seatType, "quantity", 1, "name", "fuzz", "email", "ada@example.org"), null),
                registrant.send("POST", "/api/waitlist/" + entry.id() + "/order",
                        RegistrantClient.json(Map.of("orderId", orderFromOffer)), Map.of(WAITLIST_CODE, entry.accessCode()))))
                .extracting(Response::status).containsExactly(200, 202, 202, 202, 422, 409, 409, 201, 200, 202, 201);
    }

    private ApiFuzzer.Builder fuzzer(String document, PublishedConference conference, UUID orderId, String accessCode) {
        return ApiFuzzer.against("http://127.0.0.1:" + port, document)
                .value("conferenceId", conference.id().toString())
                .value("seatTypeId", conference.seatType().toString())
                .value("orderId", orderId.toString())
                .value("email", "ada@example.org")
                .value("accessCode", accessCode)
                .value("code", CODE)
                .header(RegistrantClient.ACCESS_CODE, accessCode);
    }

    private static ApiFuzzer.Report run(ApiFuzzer.Builder fuzzer) {
        try {
            return fuzzer.build().run();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** A free order of two seats, named (ada@example.org), confirmed: its seat assignments exist. */
    private Placed confirmedWithTwoSeats(PublishedConference conference) {
        Placed order = place(conference, 2);
        assertThat(registrant.put(order.path("/registrant"),
                Map.of("firstName", "Ada", "lastName", "Lovelace", "email", "ada@example.org"),
                order.accessCode()).status()).isEqualTo(202);
        assertThat(registrant.post(order.path("/confirmation"), null, order.accessCode()).status()).isEqualTo(202);
        // Confirming commits the seats at the conference's SeatsAvailability, through Kafka.
        await().atMost(WAIT).until(() -> probe.seatsAvailability(conference.id()).reservation(order.id()).isEmpty());
        return order;
    }

    private Placed place(PublishedConference conference, int seats) {
        UUID orderId = UUID.randomUUID();
        Response placed = registrant.placeOrder(conference.id(), orderId, conference.seatType(), seats);
        assertThat(placed.status()).as(placed.text()).isEqualTo(201);
        await().atMost(WAIT).until(() -> probe.status(orderId) == OrderStatus.RESERVATION_COMPLETED);
        return new Placed(orderId, placed.body().path("accessCode").asString());
    }

    /** A waitlist entry of one seat (the conference's type need not be sold out: it is offered at once). */
    private Entry joined(PublishedConference conference) {
        UUID entryId = UUID.randomUUID();
        Response joined = registrant.post("/api/conferences/" + conference.id() + "/waitlist", Map.of("entryId", entryId,
                "seatTypeId", conference.seatType(), "quantity", 1, "name", "Ada", "email", "ada@example.org"), null);
        assertThat(joined.status()).as(joined.text()).isEqualTo(202);
        await().atMost(WAIT).until(() -> probe.seatsAvailability(conference.id()).onWaitlist(entryId));
        return new Entry(entryId, joined.body().path("accessCode").asString());
    }

    private record Entry(UUID id, String accessCode) {
    }

    private record Placed(UUID id, String accessCode) {
        String path(String rest) {
            return "/api/orders/" + id + rest;
        }
    }
}

package dev.seatbooking.registration.api;

import dev.seatbooking.contracts.Money;
import dev.seatbooking.registration.order.OrderStatus;
import dev.seatbooking.registration.service.WaitlistService;
import dev.seatbooking.registration.support.RegistrantClient;
import dev.seatbooking.registration.support.RegistrantClient.Response;
import dev.seatbooking.registration.support.RegistrationServiceTest;
import dev.seatbooking.registration.support.TestService;
import dev.seatbooking.registration.support.UpstreamServices.PublishedConference;
import dev.seatbooking.registration.support.UpstreamServices.SeatTypeSpec;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static dev.seatbooking.registration.support.ProblemAssertions.assertInvalid;
import static dev.seatbooking.registration.support.ProblemAssertions.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.awaitility.Awaitility.await;

/**
 * An order that got fewer seats than it asked for waitlists the missing ones in one step (issue 15,
 * {@code POST /api/orders/{orderId}/waitlist}): an entry per seat type it is short of, one code for them all, the
 * repeat answered the same, and every refusal stores and sends nothing.
 */
class WaitlistingAnOrderApiTest extends RegistrationServiceTest {

    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final Duration HOLD = Duration.ofMinutes(15);
    private static final String WAITLIST_CODE = "Waitlist-Access-Code";

    private PublishedConference conference;
    private UUID general;
    private UUID workshop;

    /** General: 2 seats, Workshop: 1 seat; another order holds a General seat and the Workshop seat. */
    @BeforeEach
    void a_conference_with_few_seats_left() {
        conference = conferenceOnSale(HOLD, new SeatTypeSpec("General", 2, Money.of("25.00", "EUR")),
                new SeatTypeSpec("Workshop", 1, Money.of("90.00", "EUR")));
        general = conference.seatTypes().get(0);
        workshop = conference.seatTypes().get(1);
        reserved(general, 1, workshop, 1);
    }

    @Test
    void an_order_short_of_seats_waitlists_each_missing_seat_type_in_its_line_order_with_one_code() {
        Placed order = reserved(workshop, 2, general, 3);
        assertThat(probe.status(order.id())).isEqualTo(OrderStatus.PARTIALLY_RESERVED);

        Response waitlisted = waitlist(order, person(), Map.of());

        assertThat(waitlisted.status()).as(waitlisted.text()).isEqualTo(202);
        String code = waitlisted.body().path("accessCode").asString();
        assertThat(code).hasSize(10);
        assertThat(entries(waitlisted)).containsExactly(
                tuple(WaitlistService.orderEntryId(order.id(), workshop), workshop, 2),
                tuple(WaitlistService.orderEntryId(order.id(), general), general, 2));
        UUID workshopEntry = WaitlistService.orderEntryId(order.id(), workshop);
        UUID generalEntry = WaitlistService.orderEntryId(order.id(), general);
        await().atMost(WAIT).until(() -> probe.seatsAvailability(conference.id()).onWaitlist(generalEntry)
                && probe.seatsAvailability(conference.id()).onWaitlist(workshopEntry));
        assertThat(probe.events(conference.id()).stream().map(e -> e.event().toString())
                .filter(e -> e.startsWith("WaitlistJoined")).toList())
                .as("joined in the order's line order").hasSize(2)
                .satisfiesExactly(first -> assertThat(first).contains(workshopEntry.toString()),
                        second -> assertThat(second).contains(generalEntry.toString()));
        for (UUID entry : List.of(workshopEntry, generalEntry)) {
            Response read = registrant.send("GET", "/api/waitlist/" + entry, null, Map.of(WAITLIST_CODE, code));
            assertThat(read.status()).as("one code opens every entry of the step").isEqualTo(200);
            assertThat(read.body().path("status").asString()).isEqualTo("WAITING");
            assertThat(read.body().path("position").asInt()).isEqualTo(1);
        }
        assertThat(probe.count("SELECT count(*) FROM waitlist_entries WHERE entry_id IN (?, ?) AND name = 'Ada Lovelace'"
                + " AND email = 'ada@example.org'", workshopEntry, generalEntry)).isEqualTo(2);
        assertThat(probe.status(order.id())).as("the order goes on with the seats it got")
                .isEqualTo(OrderStatus.PARTIALLY_RESERVED);
    }

    @Test
    void the_same_request_again_joins_nothing_and_answers_the_same_entries_the_code_only_to_whoever_shows_it() {
        Placed order = reserved(general, 3);
        Response first = waitlist(order, person(), Map.of());
        String code = first.body().path("accessCode").asString();
        UUID entry = WaitlistService.orderEntryId(order.id(), general);
        await().atMost(WAIT).until(() -> probe.seatsAvailability(conference.id()).onWaitlist(entry));

        Response repeat = waitlist(order, person(), Map.of());
        Response shown = waitlist(order, person(), Map.of(WAITLIST_CODE, code));
        Response wrong = waitlist(order, person(), Map.of(WAITLIST_CODE, "WRONGCODE1"));

        assertThat(List.of(repeat, shown, wrong)).extracting(Response::status).containsOnly(202);
        assertThat(entries(repeat)).isEqualTo(entries(first)).containsExactly(tuple(entry, general, 2));
        assertThat(repeat.body().has("accessCode")).isFalse();
        assertThat(shown.body().path("accessCode").asString()).isEqualTo(code);
        assertThat(wrong.body().has("accessCode")).isFalse();
        assertThat(probe.events(conference.id())).filteredOn(e -> e.event().toString().startsWith("WaitlistJoined"))
                .hasSize(1);
        assertThat(probe.count("SELECT count(*) FROM waitlist_entries WHERE entry_id = ?", entry)).isEqualTo(1);

        Map<String, Object> otherPerson = person();
        otherPerson.put("email", "bob@example.org");
        assertProblem(waitlist(order, otherPerson, Map.of()), 409, "waitlist-entry-taken");

        probe.timePasses(HOLD.plus(TestService.EXPIRATION_BUFFER));
        await().atMost(WAIT).until(() -> probe.status(order.id()) == OrderStatus.EXPIRED);
        Response afterExpiry = waitlist(order, person(), Map.of());
        assertThat(afterExpiry.status()).as("a repeat is answered once the order is over too").isEqualTo(202);
        assertThat(entries(afterExpiry)).isEqualTo(entries(first));
    }

    @Test
    void the_same_request_sent_at_once_from_several_clients_joins_once() throws Exception {
        for (int round = 0; round < 3; round++) {
            Placed order = reserved(general, 3);
            var start = new java.util.concurrent.CountDownLatch(1);
            List<java.util.concurrent.Future<Response>> sent = new java.util.ArrayList<>();
            try (var clients = java.util.concurrent.Executors.newFixedThreadPool(4)) {
                for (int client = 0; client < 4; client++) {
                    sent.add(clients.submit(() -> {
                        start.await();
                        return waitlist(order, person(), Map.of());
                    }));
                }
                start.countDown();
            }
            List<Response> answers = new java.util.ArrayList<>();
            for (var answer : sent) answers.add(answer.get());

            assertThat(answers).extracting(Response::status).containsOnly(202);
            assertThat(answers).filteredOn(a -> a.body().has("accessCode")).as("the code to the one that joined")
                    .hasSize(1);
            UUID entry = WaitlistService.orderEntryId(order.id(), general);
            int missing = 3 - probe.seatsHeld(order.id()); // the first round gets the last seat, the others none
            assertThat(answers).allSatisfy(a -> assertThat(entries(a)).containsExactly(tuple(entry, general, missing)));
            assertThat(probe.count("SELECT count(*) FROM waitlist_entries WHERE entry_id = ?", entry)).isEqualTo(1);
            await().atMost(WAIT).until(() -> probe.seatsAvailability(conference.id()).onWaitlist(entry));
        }
    }

    @Test
    void an_order_not_short_of_seats_is_refused_whether_it_got_them_all_or_is_not_reserved_yet() {
        Placed complete = reserved(general, 1);
        assertProblem(waitlist(complete, person(), Map.of()), 409, "order-not-short");

        Placed pending;
        try (Paused ignored = seatsAvailabilityPaused()) {
            pending = placed(general, 3);
            assertProblem(waitlist(pending, person(), Map.of()), 409, "order-not-short");
        }
        await().atMost(WAIT).until(() -> probe.status(pending.id()) == OrderStatus.PARTIALLY_RESERVED);

        assertNothingJoined(complete, pending);
    }

    @Test
    void an_expired_order_is_refused_as_over() {
        Placed order = reserved(general, 3);
        probe.timePasses(HOLD.plus(TestService.EXPIRATION_BUFFER));
        await().atMost(WAIT).until(() -> probe.status(order.id()) == OrderStatus.EXPIRED);

        assertProblem(waitlist(order, person(), Map.of()), 409, "order-expired");
        assertNothingJoined(order);
    }

    @Test
    void a_confirmed_order_is_refused_as_over() {
        PublishedConference free = conferenceOnSale(HOLD, new SeatTypeSpec("Community", 1, Money.of("0.00", "EUR")));
        UUID community = free.seatType();
        UUID orderId = UUID.randomUUID();
        Response placed = registrant.placeOrder(free.id(), orderId, community, 2);
        await().atMost(WAIT).until(() -> probe.status(orderId) == OrderStatus.PARTIALLY_RESERVED);
        Placed order = new Placed(orderId, placed.body().path("accessCode").asString());
        assertThat(registrant.put(order.path("/registrant"), Map.of("firstName", "Ada", "lastName", "Lovelace",
                "email", "ada@example.org"), order.accessCode()).status()).isEqualTo(202);
        assertThat(registrant.post(order.path("/confirmation"), null, order.accessCode()).status()).isEqualTo(202);

        assertProblem(waitlist(order, person(), Map.of()), 409, "order-confirmed");
        assertThat(probe.count("SELECT count(*) FROM waitlist_entries WHERE conference_id = ?", free.id())).isZero();
    }

    @Test
    void an_unknown_order_and_a_wrong_or_missing_code_get_the_orders_not_found() {
        Placed order = reserved(general, 3);
        String body = RegistrantClient.json(person());

        List<Response> answers = List.of(
                registrant.send("POST", "/api/orders/" + UUID.randomUUID() + "/waitlist", body,
                        Map.of(RegistrantClient.ACCESS_CODE, order.accessCode())),
                registrant.send("POST", order.path("/waitlist"), body, Map.of()),
                registrant.send("POST", order.path("/waitlist"), body, Map.of(RegistrantClient.ACCESS_CODE, "WRONGCODE1")),
                registrant.send("POST", order.path("/waitlist"), body, Map.of(WAITLIST_CODE, order.accessCode())));

        answers.forEach(answer -> assertProblem(answer, 404, "not-found"));
        assertNothingJoined(order);
    }

    @Test
    void a_name_or_email_a_join_would_refuse_is_refused_here_too() {
        Placed order = reserved(general, 3);

        assertInvalid(waitlist(order, with("name", " "), Map.of()), "validation-failed", "name");
        assertInvalid(waitlist(order, with("name", "Ada\nLovelace"), Map.of()), "validation-failed", "name");
        assertInvalid(waitlist(order, with("name", "n".repeat(201)), Map.of()), "validation-failed", "name");
        assertInvalid(waitlist(order, with("name", null), Map.of()), "validation-failed", "name");
        assertInvalid(waitlist(order, with("email", "not-an-email"), Map.of()), "validation-failed", "email");
        assertInvalid(waitlist(order, with("email", "william@invalid"), Map.of()), "validation-failed", "email");
        assertProblem(waitlist(order, with("colour", "red"), Map.of()), 400, "malformed-request");
        assertNothingJoined(order);
    }

    @Test
    void an_order_of_a_conference_taken_off_sale_waitlists_nothing() {
        Placed order = reserved(general, 3);
        upstream().unpublishConference(conference);
        await().atMost(WAIT).until(() -> !probe.published(conference.id()));

        assertProblem(waitlist(order, person(), Map.of()), 422, "conference-not-published");
        assertNothingJoined(order);
    }

    @Test
    void nobody_can_take_the_entry_ids_of_an_orders_missing_seats_before_its_registrant() {
        Placed order = reserved(general, 3);
        assertThat(probe.status(order.id())).isEqualTo(OrderStatus.PARTIALLY_RESERVED);

        // The entry ids of an order's missing seats follow from the order id and the seat type, neither a secret
        // (ADR 9); a join chooses its entry id: anyone may join under them first, with anyone's name.
        Map<String, Object> squat = new LinkedHashMap<>();
        squat.put("entryId", WaitlistService.orderEntryId(order.id(), general));
        squat.put("seatTypeId", general);
        squat.put("quantity", 1);
        squat.put("name", "Mallory");
        squat.put("email", "mallory@example.org");
        Response attack = registrant.send("POST", "/api/conferences/" + conference.id() + "/waitlist",
                RegistrantClient.json(squat), Map.of());

        Response waitlisted = waitlist(order, person(), Map.of());
        assertThat(waitlisted.status()).as(waitlisted.text()).isEqualTo(202);
        assertThat(waitlisted.body().path("accessCode").asString()).hasSize(10);
        assertInvalid(attack, "validation-failed", "entryId");
    }

    private void assertNothingJoined(Placed... orders) {
        for (Placed order : orders) {
            for (UUID seatType : List.of(general, workshop)) {
                UUID entry = WaitlistService.orderEntryId(order.id(), seatType);
                assertThat(probe.count("SELECT count(*) FROM waitlist_entries WHERE entry_id = ?", entry)).isZero();
                assertThat(probe.count("SELECT count(*) FROM outgoing_messages WHERE convert_from(payload, 'UTF8') LIKE ?",
                        "%" + entry + "%")).as("no JoinWaitlist sent").isZero();
            }
        }
    }

    /** An order of these seats (seat type, quantity, ...), once SeatsAvailability answered it. */
    private Placed reserved(Object... seatTypeAndQuantity) {
        Placed order = placed(seatTypeAndQuantity);
        await().atMost(WAIT).until(() -> probe.status(order.id()) == OrderStatus.RESERVATION_COMPLETED
                || probe.status(order.id()) == OrderStatus.PARTIALLY_RESERVED);
        return order;
    }

    private Placed placed(Object... seatTypeAndQuantity) {
        UUID orderId = UUID.randomUUID();
        Response placed = registrant.placeOrder(conference.id(), orderId, seatTypeAndQuantity);
        assertThat(placed.status()).as(placed.text()).isEqualTo(201);
        return new Placed(orderId, placed.body().path("accessCode").asString());
    }

    private Response waitlist(Placed order, Map<String, Object> body, Map<String, String> headers) {
        Map<String, String> all = new HashMap<>(headers);
        all.put(RegistrantClient.ACCESS_CODE, order.accessCode());
        return registrant.send("POST", order.path("/waitlist"), RegistrantClient.json(body), all);
    }

    private static List<org.assertj.core.groups.Tuple> entries(Response waitlisted) {
        return waitlisted.body().path("entries").valueStream().map(WaitlistingAnOrderApiTest::entry).toList();
    }

    private static org.assertj.core.groups.Tuple entry(JsonNode entry) {
        return tuple(UUID.fromString(entry.path("entryId").asString()), UUID.fromString(entry.path("seatTypeId").asString()),
                entry.path("quantity").asInt());
    }

    private static Map<String, Object> person() {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("name", "Ada Lovelace");
        body.put("email", "ada@example.org");
        return body;
    }

    private static Map<String, Object> with(String field, Object value) {
        Map<String, Object> body = person();
        body.put(field, value);
        return body;
    }

    private record Placed(UUID id, String accessCode) {
        String path(String rest) {
            return "/api/orders/" + id + rest;
        }
    }
}

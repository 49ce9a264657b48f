package dev.seatbooking.registration.api;

import dev.seatbooking.contracts.Money;
import dev.seatbooking.contracts.conference.OfferHold;
import dev.seatbooking.registration.order.OrderStatus;
import dev.seatbooking.registration.support.RegistrantClient;
import dev.seatbooking.registration.support.RegistrantClient.Response;
import dev.seatbooking.registration.support.RegistrationServiceTest;
import dev.seatbooking.registration.support.TestService;
import dev.seatbooking.registration.support.UpstreamServices.PublishedConference;
import dev.seatbooking.registration.support.UpstreamServices.SeatTypeSpec;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static dev.seatbooking.registration.support.ProblemAssertions.assertInvalid;
import static dev.seatbooking.registration.support.ProblemAssertions.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A registrant's waitlist entry through the API (issue 15): joining a sold-out seat type, the entry's position and
 * offer as seats come back, leaving (which passes an offer on), the repeat of a join, every refusal, and the access
 * code every entry-specific request needs.
 */
class WaitlistApiTest extends RegistrationServiceTest {

    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final Duration HOLD = Duration.ofMinutes(15);
    private static final String ACCESS_CODE = "Waitlist-Access-Code";

    private PublishedConference conference;
    private UUID seatType;

    @BeforeEach
    void a_conference_on_sale() {
        conference = conferenceOnSale(HOLD, new SeatTypeSpec("General", 2, Money.of("25.00", "EUR")));
        seatType = conference.seatType();
    }

    @Test
    void entries_of_a_sold_out_type_wait_in_join_order_get_released_seats_and_leaving_passes_an_offer_on() {
        List<Joined> waiting = soldOutWithTwoWaiting();
        Joined first = waiting.get(0);
        Joined second = waiting.get(1);

        assertThat(read(first).path("status").asString()).isEqualTo("WAITING");
        assertThat(read(first).path("position").asInt()).isEqualTo(1);
        assertThat(read(first).path("offer").isNull()).isTrue();
        assertThat(read(second).path("position").asInt()).isEqualTo(2);

        probe.timePasses(HOLD.plus(TestService.EXPIRATION_BUFFER));
        await().atMost(WAIT).until(() -> "OFFERED".equals(read(first).path("status").asString()));

        var offered = read(first);
        assertThat(offered.path("offer").path("seats").asInt()).isEqualTo(2);
        assertThat(offered.path("offer").path("expiresAt").asString()).isNotBlank();
        assertThat(offered.path("position").isNull()).as("offered all it wants: no longer waiting").isTrue();
        assertThat(offered.path("quantity").asInt()).isEqualTo(2);
        assertThat(offered.path("seatTypeId").asString()).isEqualTo(seatType.toString());
        assertThat(read(second).path("status").asString()).isEqualTo("WAITING");
        assertThat(read(second).path("position").asInt()).isEqualTo(1);

        Response left = registrant.send("DELETE", first.path(), null, Map.of(ACCESS_CODE, first.accessCode()));
        assertThat(left.status()).isEqualTo(202);
        assertThat(left.header("Location").orElseThrow()).endsWith(first.path());
        await().atMost(WAIT).until(() -> "LEFT".equals(read(first).path("status").asString()));
        await().atMost(WAIT).until(() -> "OFFERED".equals(read(second).path("status").asString()));
        assertThat(read(second).path("offer").path("seats").asInt()).isEqualTo(1);
        assertThat(read(first).path("offer").isNull()).isTrue();
        assertThat(probe.remaining(conference.id(), seatType)).as("the seat not offered goes on sale").isEqualTo(1);

        assertThat(registrant.send("DELETE", first.path(), null, Map.of(ACCESS_CODE, first.accessCode())).status())
                .as("leaving twice is fine").isEqualTo(202);
        assertThat(read(first).path("status").asString()).isEqualTo("LEFT");
        assertThat(read(second).path("status").asString()).isEqualTo("OFFERED");
    }

    @Test
    void an_offer_is_accepted_into_an_order_holding_the_seats_offered() {
        List<Joined> waiting = soldOutWithTwoWaiting();
        Joined entry = waiting.get(0);
        Joined later = waiting.get(1);
        assertProblem(accept(entry, UUID.randomUUID(), Map.of()), 409, "no-open-offer");

        probe.timePasses(HOLD.plus(TestService.EXPIRATION_BUFFER));
        await().atMost(WAIT).until(() -> "OFFERED".equals(read(entry).path("status").asString()));
        UUID newOrder = UUID.randomUUID();
        Response accepted = accept(entry, newOrder, Map.of());

        assertThat(accepted.status()).as(accepted.text()).isEqualTo(201);
        assertThat(accepted.header("Location").orElseThrow()).endsWith("/api/orders/" + newOrder);
        String orderCode = accepted.body().path("accessCode").asString();
        assertThat(orderCode).hasSize(10);
        await().atMost(WAIT).until(() -> probe.status(newOrder) == OrderStatus.RESERVATION_COMPLETED);
        assertThat(probe.seatsHeld(newOrder)).isEqualTo(2);
        await().atMost(WAIT).until(() -> "ACCEPTED".equals(read(entry).path("status").asString()));
        assertThat(read(later).path("status").asString()).isEqualTo("WAITING");
        assertThat(read(later).path("position").asInt()).isEqualTo(1);
        assertThat(probe.remaining(conference.id(), seatType)).isZero();
        assertThat(registrant.getOrder(newOrder, orderCode).status()).isEqualTo(200);

        Response repeat = accept(entry, newOrder, Map.of());
        assertThat(repeat.status()).isEqualTo(201);
        assertThat(repeat.body().has("accessCode")).isFalse();
        assertThat(accept(entry, newOrder, Map.of(RegistrantClient.ACCESS_CODE, orderCode)).body().path("accessCode")
                .asString()).isEqualTo(orderCode);
        assertProblem(accept(entry, UUID.randomUUID(), Map.of()), 409, "waitlist-offer-accepted");
    }

    @Test
    void an_offer_whose_time_is_up_is_not_accepted_even_before_the_writer_lapsed_it() {
        Joined entry = soldOutWithTwoWaiting().getFirst();
        probe.timePasses(HOLD.plus(TestService.EXPIRATION_BUFFER));
        await().atMost(WAIT).until(() -> "OFFERED".equals(read(entry).path("status").asString()));
        UUID newOrder = UUID.randomUUID();

        try (Paused ignored = seatsAvailabilityPaused()) {
            probe.timePasses(OfferHold.DEFAULT.duration().plus(HOLD).plus(TestService.EXPIRATION_BUFFER));
            assertThat(read(entry).path("status").asString()).as("not lapsed by the writer yet").isEqualTo("OFFERED");

            assertProblem(accept(entry, newOrder, Map.of()), 409, "no-open-offer");
        }
        assertThat(probe.status(newOrder)).isEqualTo(OrderStatus.NOT_PLACED);
        await().atMost(WAIT).until(() -> "LAPSED".equals(read(entry).path("status").asString()));
    }

    @Test
    void an_accept_into_an_existing_order_is_refused_and_sends_nothing() {
        UUID existing = UUID.randomUUID();
        assertThat(registrant.placeOrder(conference.id(), existing, seatType, 1).status()).isEqualTo(201);
        Joined entry = join(UUID.randomUUID(), 1);
        await().atMost(WAIT).until(() -> "OFFERED".equals(read(entry).path("status").asString()));

        assertProblem(accept(entry, existing, Map.of()), 409, "order-already-placed");
        assertThat(read(entry).path("status").asString()).isEqualTo("OFFERED");
        assertThat(accept(entry, UUID.randomUUID(), Map.of()).status()).as("the offer is still open").isEqualTo(201);
    }

    @Test
    void the_same_join_again_answers_the_same_and_joins_once() {
        UUID entryId = UUID.randomUUID();
        Joined joined = join(entryId, 1);

        Response repeat = registrant.send("POST", waitlistPath(conference.id()), joinJson(entryId, seatType, 1), Map.of());
        assertThat(repeat.status()).isEqualTo(202);
        assertThat(repeat.body().path("entryId").asString()).isEqualTo(entryId.toString());
        assertThat(repeat.body().has("accessCode")).as("a repeat without the code is not answered it").isFalse();
        Response shown = registrant.send("POST", waitlistPath(conference.id()), joinJson(entryId, seatType, 1),
                Map.of(ACCESS_CODE, joined.accessCode()));
        assertThat(shown.status()).isEqualTo(202);
        assertThat(shown.body().path("accessCode").asString()).isEqualTo(joined.accessCode());

        await().atMost(WAIT).until(() -> probe.seatsAvailability(conference.id()).onWaitlist(entryId));
        assertThat(probe.events(conference.id())).filteredOn(e -> e.event().getClass().getSimpleName()
                .equals("WaitlistJoined")).hasSize(1);
        assertThat(probe.count("""
                SELECT count(*) FROM outgoing_messages WHERE message_key = ? AND topic LIKE '%registration.events'
                AND convert_from(payload, 'UTF8') LIKE '%registration.WaitlistContactGiven%'""", entryId.toString()))
                .as("who the entry belongs to, told once (ADR 16)").isEqualTo(1);
    }

    @Test
    void the_same_entry_id_with_other_data_is_a_conflict() {
        UUID entryId = UUID.randomUUID();
        join(entryId, 1);

        assertProblem(registrant.send("POST", waitlistPath(conference.id()), joinJson(entryId, seatType, 2), Map.of()),
                409, "waitlist-entry-taken");
        Map<String, Object> otherEmail = joinBody(entryId, seatType, 1);
        otherEmail.put("email", "bob@example.org");
        assertProblem(registrant.send("POST", waitlistPath(conference.id()), RegistrantClient.json(otherEmail), Map.of()),
                409, "waitlist-entry-taken");
    }

    @Test
    void joins_the_service_cannot_take_are_refused_with_problems_and_store_nothing() {
        UUID entryId = UUID.randomUUID();
        PublishedConference unpublished = upstream().announceConference(HOLD, false,
                new SeatTypeSpec("General", 10, Money.of("10.00", "EUR")));
        await().atMost(WAIT).until(() -> probe.catalogued(unpublished.id(), 1));

        assertProblem(post(UUID.randomUUID(), joinBody(entryId, seatType, 1)), 404, "unknown-conference");
        assertProblem(post(unpublished.id(), joinBody(entryId, unpublished.seatType(), 1)), 422,
                "conference-not-published");
        assertProblem(post(conference.id(), joinBody(entryId, UUID.randomUUID(), 1)), 422, "unknown-seat-type");
        assertProblem(post(conference.id(), joinBody(entryId, seatType, 21)), 422, "too-many-seats");
        assertInvalid(post(conference.id(), joinBody(entryId, seatType, 0)), "validation-failed", "quantity");
        assertInvalid(post(conference.id(), with(joinBody(entryId, seatType, 1), "email", "not-an-email")),
                "validation-failed", "email");
        assertInvalid(post(conference.id(), with(joinBody(entryId, seatType, 1), "name", "Ada\nLovelace")),
                "validation-failed", "name");
        assertInvalid(post(conference.id(), with(joinBody(entryId, seatType, 1), "name", " ")),
                "validation-failed", "name");
        assertInvalid(post(conference.id(), with(joinBody(entryId, seatType, 1), "entryId", null)),
                "validation-failed", "entryId");

        assertThat(probe.count("SELECT count(*) FROM waitlist_entries WHERE entry_id = ?", entryId)).isZero();
    }

    @Test
    void an_unknown_entry_a_missing_code_and_a_wrong_code_get_the_same_answer() {
        Joined joined = join(UUID.randomUUID(), 1);
        String unknown = "/api/waitlist/" + UUID.randomUUID();

        List<Response> answers = List.of(
                registrant.send("GET", unknown, null, Map.of(ACCESS_CODE, joined.accessCode())),
                registrant.send("GET", joined.path(), null, Map.of()),
                registrant.send("GET", joined.path(), null, Map.of(ACCESS_CODE, "WRONGCODE1")),
                registrant.send("DELETE", joined.path(), null, Map.of(ACCESS_CODE, "WRONGCODE1")),
                registrant.send("DELETE", unknown, null, Map.of(ACCESS_CODE, joined.accessCode())));

        answers.forEach(answer -> assertProblem(answer, 404, "not-found"));
        assertThat(answers).extracting(WaitlistApiTest::withoutInstance)
                .as("the same answer to the byte, but for the path it names").containsOnly(withoutInstance(answers.getFirst()));
        assertProblem(registrant.send("GET", "/api/waitlist/not-a-uuid", null, Map.of(ACCESS_CODE, joined.accessCode())),
                400, "malformed-request");
        assertThat(registrant.send("GET", joined.path(), null, Map.of(ACCESS_CODE, joined.accessCode())).status())
                .isEqualTo(200);
    }

    /** Both seats reserved by an order (its hold is {@link #HOLD}); then entries of 2 and of 1 seat, in that order. */
    private List<Joined> soldOutWithTwoWaiting() {
        UUID orderId = UUID.randomUUID();
        assertThat(registrant.placeOrder(conference.id(), orderId, seatType, 2).status()).isEqualTo(201);
        await().atMost(WAIT).until(() -> probe.status(orderId) == OrderStatus.RESERVATION_COMPLETED);
        List<Joined> entries = List.of(join(UUID.randomUUID(), 2), join(UUID.randomUUID(), 1));
        await().atMost(WAIT).until(() -> probe.seatsAvailability(conference.id()).waitlist(seatType).size() == 2);
        return entries;
    }

    private Joined join(UUID entryId, int quantity) {
        Response joined = post(conference.id(), joinBody(entryId, seatType, quantity));
        assertThat(joined.status()).as(joined.text()).isEqualTo(202);
        assertThat(joined.header("Location").orElseThrow()).endsWith("/api/waitlist/" + entryId);
        assertThat(joined.body().path("entryId").asString()).isEqualTo(entryId.toString());
        String code = joined.body().path("accessCode").asString();
        assertThat(code).hasSize(10);
        return new Joined(entryId, code);
    }

    private Response accept(Joined entry, UUID orderId, Map<String, String> headers) {
        Map<String, String> all = new HashMap<>(headers);
        all.put(ACCESS_CODE, entry.accessCode());
        return registrant.send("POST", entry.path() + "/order", RegistrantClient.json(Map.of("orderId", orderId)), all);
    }

    private JsonNode read(Joined entry) {
        Response read = registrant.send("GET", entry.path(), null, Map.of(ACCESS_CODE, entry.accessCode()));
        assertThat(read.status()).as(read.text()).isEqualTo(200);
        assertThat(read.body().path("conferenceId").asString()).isEqualTo(conference.id().toString());
        return read.body();
    }

    private Response post(UUID conferenceId, Map<String, Object> body) {
        return registrant.send("POST", waitlistPath(conferenceId), RegistrantClient.json(body), Map.of());
    }

    private static JsonNode withoutInstance(Response answer) {
        ObjectNode body = ((ObjectNode) answer.body()).deepCopy();
        body.remove("instance");
        return body;
    }

    private static String waitlistPath(UUID conferenceId) {
        return "/api/conferences/" + conferenceId + "/waitlist";
    }

    private static String joinJson(UUID entryId, UUID seatType, int quantity) {
        return RegistrantClient.json(joinBody(entryId, seatType, quantity));
    }

    private static Map<String, Object> joinBody(UUID entryId, UUID seatType, int quantity) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("entryId", entryId);
        body.put("seatTypeId", seatType);
        body.put("quantity", quantity);
        body.put("name", "Ada Lovelace");
        body.put("email", "ada@example.org");
        return body;
    }

    private static Map<String, Object> with(Map<String, Object> body, String field, Object value) {
        Map<String, Object> changed = new HashMap<>(body);
        changed.put(field, value);
        return changed;
    }

    private record Joined(UUID entryId, String accessCode) {
        String path() {
            return "/api/waitlist/" + entryId;
        }
    }
}

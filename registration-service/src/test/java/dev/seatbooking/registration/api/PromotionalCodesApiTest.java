package dev.seatbooking.registration.api;

import dev.seatbooking.contracts.ConsistencyToken;
import dev.seatbooking.contracts.Money;
import dev.seatbooking.contracts.conference.CodeScope;
import dev.seatbooking.contracts.conference.ConferenceEvent.PromotionalCodeDefined;
import dev.seatbooking.contracts.conference.Discount;
import dev.seatbooking.registration.order.OrderStatus;
import dev.seatbooking.registration.promotionalcodeuses.PromotionalCodeUses;
import dev.seatbooking.registration.support.RegistrantClient;
import dev.seatbooking.registration.support.RegistrantClient.Response;
import dev.seatbooking.registration.support.RegistrationServiceTest;
import dev.seatbooking.registration.support.TestService;
import dev.seatbooking.registration.support.UpstreamServices.PublishedConference;
import dev.seatbooking.registration.support.UpstreamServices.SeatTypeSpec;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static dev.seatbooking.registration.support.ProblemAssertions.assertInvalid;
import static dev.seatbooking.registration.support.ProblemAssertions.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A registrant's promotional codes through the API: applied with the placement or afterwards, removed, priced, their
 * uses held, released and spent; and every refusal a problem naming the code and why, the order unchanged.
 */
class PromotionalCodesApiTest extends RegistrationServiceTest {

    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final Duration HOLD = Duration.ofMinutes(15);

    private PublishedConference conference;
    private UUID general;
    private UUID workshop;
    private PromotionalCodeDefined ten;
    private PromotionalCodeDefined speaker;
    private PromotionalCodeDefined workshop20;
    private PromotionalCodeDefined once;

    @BeforeEach
    void a_conference_with_codes() {
        conference = conferenceOnSale(HOLD,
                new SeatTypeSpec("General", 20, Money.of("100.00", "EUR")),
                new SeatTypeSpec("Workshop", 20, Money.of("50.00", "EUR")));
        general = conference.seatTypes().get(0);
        workshop = conference.seatTypes().get(1);
        Instant now = Instant.now();
        ten = define("TEN", Discount.percentage(10), CodeScope.ALL_SEAT_TYPES, null, null, null, false, true);
        speaker = define("SPEAKER", Discount.percentage(100), CodeScope.of(List.of(general)), null, null, null, true,
                true);
        workshop20 = define("WORKSHOP20", Discount.percentage(20), CodeScope.of(List.of(workshop)), null, null, null,
                false, true);
        once = define("ONCE", Discount.fixedAmount(Money.of("5.00", "EUR")), CodeScope.ALL_SEAT_TYPES, 1, null, null,
                false, true);
        define("OFF", Discount.percentage(50), CodeScope.ALL_SEAT_TYPES, null, null, null, false, false);
        define("LATER", Discount.percentage(50), CodeScope.ALL_SEAT_TYPES, null, now.plus(Duration.ofDays(1)), null,
                false, true);
        define("BYGONE", Discount.percentage(50), CodeScope.ALL_SEAT_TYPES, null, null, now.minus(Duration.ofDays(1)),
                false, true);
    }

    @Test
    void a_code_applied_to_a_held_order_discounts_it_and_holds_a_use() {
        Placed order = reserved(place(Map.of(general, 2, workshop, 1)));

        Response applied = registrant.post(order.path("/promotional-codes"), Map.of("code", "ten"), order.accessCode());

        assertThat(applied.status()).as(applied.text()).isEqualTo(202);
        assertThat(applied.header("Location")).hasValue("/api/orders/" + order.id());
        ConsistencyToken token = ConsistencyToken.parse(applied.header(ConsistencyToken.HEADER).orElseThrow());
        assertThat(token.version()).isEqualTo(probe.events(order.id()).size());
        Response read = registrant.getOrder(order.id(), order.accessCode());
        assertThat(read.body().path("total").path("amount").decimalValue()).isEqualByComparingTo("225.00");
        assertThat(read.body().path("promotionalCodes").get(0).path("code").asString()).isEqualTo("TEN");
        assertThat(read.body().path("discounts")).hasSize(2);
        assertThat(probe.codeUses(conference.id()).held(ten.codeId())).isEqualTo(1);
    }

    @Test
    void codes_can_be_given_with_the_placement_and_a_repeat_must_give_the_same() {
        UUID orderId = UUID.randomUUID();
        Response placed = placeWithCodes(orderId, Map.of(general, 1, workshop, 1), List.of("ten", "Workshop20"));
        assertThat(placed.status()).as(placed.text()).isEqualTo(201);
        Placed order = reserved(new Placed(orderId, placed.body().path("accessCode").asString()));

        // 10 % of 100 and of 50, then 20 % of the 45 left of the workshop
        assertThat(total(order)).isEqualByComparingTo("126.00");
        assertThat(placeWithCodes(orderId, Map.of(general, 1, workshop, 1), List.of("WORKSHOP20", "TEN")).status())
                .isEqualTo(201);
        assertProblem(placeWithCodes(orderId, Map.of(general, 1, workshop, 1), List.of("TEN")), 409,
                "order-already-placed");
    }

    @Test
    void a_placement_with_a_code_refused_places_nothing() {
        UUID orderId = UUID.randomUUID();
        Response refused = placeWithCodes(orderId, Map.of(general, 1), List.of("ONCE", "NOPE"));

        assertProblem(refused, 422, "unknown-promotional-code");
        assertThat(probe.events(orderId)).isEmpty();
        assertThat(probe.codeUses(conference.id()).held(once.codeId())).isZero();
    }

    @Test
    void every_refused_code_is_a_problem_naming_it_and_the_order_is_unchanged() {
        Placed order = reserved(place(Map.of(general, 1)));
        assertThat(apply(order, "TEN").status()).isEqualTo(202);
        int version = probe.events(order.id()).size();

        assertRefused(order, "NOPE", 422, "unknown-promotional-code");
        assertRefused(order, "OFF", 422, "promotional-code-disabled");
        assertRefused(order, "LATER", 422, "promotional-code-not-yet-valid");
        assertRefused(order, "BYGONE", 422, "promotional-code-expired");
        assertRefused(order, "WORKSHOP20", 422, "promotional-code-out-of-scope");
        assertRefused(order, "SPEAKER", 422, "promotional-code-conflict");
        assertRefused(order, "ten", 409, "promotional-code-already-applied");

        assertThat(probe.events(order.id())).hasSize(version);
        assertThat(total(order)).isEqualByComparingTo("90.00");
    }

    @Test
    void a_combinable_code_is_refused_next_to_an_exclusive_one() {
        Placed order = reserved(place(Map.of(general, 1)));
        assertThat(apply(order, "SPEAKER").status()).isEqualTo(202);

        assertRefused(order, "TEN", 422, "promotional-code-conflict");
    }

    @Test
    void the_last_use_of_a_code_goes_to_one_order_and_comes_back_when_it_drops_the_code() {
        Placed first = reserved(place(Map.of(general, 1)));
        Placed second = reserved(place(Map.of(general, 1)));
        assertThat(apply(first, "ONCE").status()).isEqualTo(202);

        assertRefused(second, "ONCE", 422, "promotional-code-used-up");

        assertThat(registrant.delete(first.path("/promotional-codes/once"), first.accessCode()).status()).isEqualTo(202);
        assertThat(total(first)).isEqualByComparingTo("100.00");
        assertThat(apply(second, "ONCE").status()).isEqualTo(202);
        assertThat(total(second)).isEqualByComparingTo("95.00");
        assertThat(probe.codeUses(conference.id()).holds(once.codeId(), second.id())).isTrue();
    }

    @Test
    void a_code_not_applied_cannot_be_removed_and_a_malformed_one_is_a_bad_request() {
        Placed order = reserved(place(Map.of(general, 1)));
        int version = probe.events(order.id()).size();

        assertProblem(registrant.delete(order.path("/promotional-codes/TEN"), order.accessCode()), 409,
                "promotional-code-not-applied");
        assertThat(registrant.delete(order.path("/promotional-codes/a%20b"), order.accessCode()).status())
                .isEqualTo(400);
        assertProblem(registrant.delete(order.path("/promotional-codes/TEN"), "WRONGCODE1"), 404, "not-found");
        assertThat(probe.events(order.id())).hasSize(version);
    }

    @Test
    void malformed_codes_are_bad_requests_naming_the_field() {
        Placed order = reserved(place(Map.of(general, 1)));

        assertInvalid(registrant.post(order.path("/promotional-codes"), Map.of(), order.accessCode()),
                "validation-failed", "code");
        assertInvalid(registrant.post(order.path("/promotional-codes"), Map.of("code", "a b"), order.accessCode()),
                "validation-failed", "code");
        assertInvalid(placeWithCodes(UUID.randomUUID(), Map.of(general, 1), List.of("x")), "validation-failed",
                "promotionalCodes[0]");
        assertProblem(registrant.post(order.path("/promotional-codes"), Map.of("code", "TEN"), "WRONGCODE1"), 404,
                "not-found");
    }

    @Test
    void a_seat_change_drops_a_code_left_without_a_line_and_releases_its_use() {
        Placed order = reserved(place(Map.of(general, 1, workshop, 1)));
        assertThat(apply(order, "WORKSHOP20").status()).isEqualTo(202);
        assertThat(probe.codeUses(conference.id()).held(workshop20.codeId())).isEqualTo(1);

        assertThat(registrant.put(order.path("/seats"), RegistrantClient.seats(general, 2), order.accessCode()).status())
                .isEqualTo(202);

        assertThat(total(order)).isEqualByComparingTo("200.00");
        assertThat(registrant.getOrder(order.id(), order.accessCode()).body().path("promotionalCodes")).isEmpty();
        assertThat(probe.codeUses(conference.id()).held(workshop20.codeId())).isZero();
    }

    @Test
    void a_partial_reservation_without_a_line_in_the_codes_scope_drops_it_and_releases_its_use() {
        reserved(place(Map.of(workshop, 20))); // every workshop seat held
        UUID orderId = UUID.randomUUID();
        Response placed = placeWithCodes(orderId, Map.of(general, 1, workshop, 1), List.of("WORKSHOP20"));
        assertThat(placed.status()).as(placed.text()).isEqualTo(201);
        Placed order = new Placed(orderId, placed.body().path("accessCode").asString());

        await().atMost(WAIT).until(() -> probe.status(orderId) == OrderStatus.PARTIALLY_RESERVED);

        assertThat(total(order)).isEqualByComparingTo("100.00");
        assertThat(registrant.getOrder(orderId, order.accessCode()).body().path("promotionalCodes")).isEmpty();
        assertThat(probe.codeUses(conference.id()).held(workshop20.codeId())).isZero();
    }

    @Test
    void a_code_is_checked_as_its_owner_last_defined_it_and_an_order_holding_it_keeps_it() {
        Placed holder = reserved(place(Map.of(general, 1)));
        assertThat(apply(holder, "TEN").status()).isEqualTo(202);

        var disabled = new PromotionalCodeDefined(conference.id(), ten.codeId(), "TEN", Discount.percentage(50),
                CodeScope.ALL_SEAT_TYPES, null, null, null, false, false);
        upstream().promotionalCodeDefined(disabled);
        await().atMost(WAIT).until(() -> probe.codeDefined(conference.id(), ten.codeId(), false));

        assertRefused(reserved(place(Map.of(general, 1))), "TEN", 422, "promotional-code-disabled");
        assertThat(total(holder)).isEqualByComparingTo("90.00");
        assertThat(probe.codeUses(conference.id()).holds(ten.codeId(), holder.id())).isTrue();
    }

    @Test
    void a_hundred_percent_code_makes_the_order_free_confirmed_without_payment_and_its_use_spent() {
        Placed order = reserved(place(Map.of(general, 2)));
        assertThat(apply(order, "SPEAKER").status()).isEqualTo(202);
        Response read = registrant.getOrder(order.id(), order.accessCode());
        assertThat(read.body().path("freeOfCharge").asBoolean()).isTrue();

        assertThat(registrant.post(order.path("/confirmation"), null, order.accessCode()).status()).isEqualTo(202);

        assertThat(probe.status(order.id())).isEqualTo(OrderStatus.CONFIRMED);
        assertThat(probe.codeUses(conference.id()).used(speaker.codeId())).isEqualTo(1);
        assertThat(probe.codeUses(conference.id()).held(speaker.codeId())).isZero();
        assertRefused(order, "TEN", 409, "order-confirmed");
    }

    @Test
    void a_payment_of_the_discounted_total_confirms_the_order_and_spends_the_use() {
        Placed order = reserved(place(Map.of(general, 1)));
        assertThat(apply(order, "ONCE").status()).isEqualTo(202);

        upstream().paymentCompleted(order.id(), conference.id(), Money.of("95.00", "EUR"));

        await().atMost(WAIT).until(() -> probe.status(order.id()) == OrderStatus.CONFIRMED);
        await().atMost(WAIT).until(() -> probe.codeUses(conference.id()).used(once.codeId()) == 1);
        assertThat(probe.codeUses(conference.id()).held(once.codeId())).isZero();
    }

    @Test
    void an_expired_order_releases_its_uses_and_takes_no_code() {
        Placed order = reserved(place(Map.of(general, 1)));
        assertThat(apply(order, "ONCE").status()).isEqualTo(202);

        probe.timePasses(HOLD.plus(TestService.EXPIRATION_BUFFER));

        await().atMost(WAIT).until(() -> probe.status(order.id()) == OrderStatus.EXPIRED);
        assertThat(probe.codeUses(conference.id()).held(once.codeId())).isZero();
        assertRefused(order, "TEN", 409, "order-expired");
    }

    @Test
    void a_code_after_the_countdown_is_refused() {
        Placed order = reserved(place(Map.of(general, 1)));

        probe.timePasses(HOLD);

        assertRefused(order, "TEN", 409, "reservation-hold-over");
    }

    @Test
    void one_registrant_applying_and_removing_a_code_does_not_make_every_use_of_the_conferences_codes_replay_it() {
        Placed order = reserved(place(Map.of(general, 1)));
        UUID uses = PromotionalCodeUses.idFor(conference.id());

        // Anyone with an order and a code the conference advertises: each cycle is two requests of their own order,
        // and two events (a hold, a release) on the stream of the whole conference's code uses, which every later
        // hold, release and spend of any order of the conference loads.
        for (int i = 0; i < 150; i++) {
            assertThat(apply(order, "TEN").status()).isEqualTo(202);
            assertThat(registrant.delete(order.path("/promotional-codes/TEN"), order.accessCode()).status())
                    .isEqualTo(202);
        }

        long replayed = probe.count("""
                SELECT count(*) FROM events WHERE stream_id = ?
                   AND version > coalesce((SELECT version FROM snapshots WHERE stream_id = ?), 0)""", uses, uses);
        assertThat(replayed).as("events a load of the conference's code uses replays").isLessThanOrEqualTo(100);
    }

    private void assertRefused(Placed order, String code, int status, String problem) {
        Response refused = apply(order, code);
        assertProblem(refused, status, problem);
        if (problem.startsWith("promotional-code") || problem.startsWith("unknown-promotional")) {
            assertThat(refused.body().path("detail").asString()).contains(code.toUpperCase());
        }
    }

    private Response apply(Placed order, String code) {
        return registrant.post(order.path("/promotional-codes"), Map.of("code", code), order.accessCode());
    }

    private java.math.BigDecimal total(Placed order) {
        return registrant.getOrder(order.id(), order.accessCode()).body().path("total").path("amount").decimalValue();
    }

    private PromotionalCodeDefined define(String code, Discount discount, CodeScope scope, Integer limit, Instant from,
                                          Instant until, boolean exclusive, boolean enabled) {
        var definition = new PromotionalCodeDefined(conference.id(), UUID.randomUUID(), code, discount, scope, limit,
                from, until, exclusive, enabled);
        upstream().promotionalCodeDefined(definition);
        await().atMost(WAIT).until(() -> probe.codeDefined(conference.id(), definition.codeId(), enabled));
        return definition;
    }

    private Response placeWithCodes(UUID orderId, Map<UUID, Integer> seats, List<String> codes) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("orderId", orderId);
        body.put("seats", seats.entrySet().stream()
                .map(e -> Map.of("seatTypeId", e.getKey(), "quantity", e.getValue())).toList());
        body.put("promotionalCodes", codes);
        return registrant.send("POST", "/api/conferences/" + conference.id() + "/orders", RegistrantClient.json(body),
                Map.of());
    }

    private Placed place(Map<UUID, Integer> seats) {
        UUID orderId = UUID.randomUUID();
        Response placed = placeWithCodes(orderId, seats, List.of());
        assertThat(placed.status()).as(placed.text()).isEqualTo(201);
        return new Placed(orderId, placed.body().path("accessCode").asString());
    }

    private Placed reserved(Placed order) {
        await().atMost(WAIT).until(() -> probe.status(order.id()) == OrderStatus.RESERVATION_COMPLETED);
        return order;
    }

    private record Placed(UUID id, String accessCode) {
        String path(String rest) {
            return "/api/orders/" + id + rest;
        }
    }
}

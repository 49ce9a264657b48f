package dev.seatbooking.conference.api;

import dev.seatbooking.conference.support.AdminApi.Owner;
import dev.seatbooking.conference.support.AdminApi;
import dev.seatbooking.conference.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import tools.jackson.databind.JsonNode;

import java.util.Map;
import java.util.UUID;

import static dev.seatbooking.conference.support.AdminApi.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.startsWith;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** The admin API's behaviour for its owner, against the real database. */
class ConferenceApiTest extends IntegrationTest {

    @Test
    void creating_a_conference_answers_with_its_access_code_location_and_consistency_token() throws Exception {
        AdminApi api = api();
        String slug = AdminApi.uniqueSlug();
        UUID id = UUID.randomUUID();
        Map<String, Object> body = AdminApi.conference(slug, AdminApi.uniqueEmail());
        body.put("id", id.toString());

        JsonNode created = api.read(api.perform(api.withJson(post("/api/conferences"), body))
                .andExpect(status().isCreated())
                .andExpect(header().string("Location", "/api/conferences/" + id))
                .andExpect(header().string("Consistency-Token", id + ".1"))
                .andExpect(jsonPath("$.accessCode").value(matchesPattern("[0-9A-Z]{4}(-[0-9A-Z]{4}){3}")))
                .andExpect(jsonPath("$.conference.id").value(id.toString()))
                .andExpect(jsonPath("$.conference.slug").value(slug))
                .andExpect(jsonPath("$.conference.reservationHoldMinutes").value(20))
                .andExpect(jsonPath("$.conference.offerHoldHours").value(48))
                .andExpect(jsonPath("$.conference.cancellationCutoffDays").value(10))
                .andExpect(jsonPath("$.conference.published").value(false))
                .andExpect(jsonPath("$.conference.wasEverPublished").value(false))
                .andExpect(jsonPath("$.conference.seatTypes").isEmpty()));

        Owner owner = new Owner(id, (String) body.get("ownerEmail"), created.get("accessCode").asString());
        api.perform(get(owner.path()).with(as(owner)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.name").value("CQRS Summit"))
                .andExpect(jsonPath("$.startDate").value("2026-09-01"))
                .andExpect(jsonPath("$.ownerEmail").value(owner.email()));
    }

    @Test
    void the_holds_default_to_15_minutes_and_24_hours_and_optional_fields_may_be_left_out() throws Exception {
        AdminApi api = api();
        Map<String, Object> body = AdminApi.conference(AdminApi.uniqueSlug(), AdminApi.uniqueEmail());
        body.remove("reservationHoldMinutes");
        body.remove("offerHoldHours");
        body.remove("cancellationCutoffDays");
        body.remove("tagline");
        body.remove("twitterSearch");
        Owner owner = api.create(body);

        api.perform(get(owner.path()).with(as(owner)))
                .andExpect(jsonPath("$.reservationHoldMinutes").value(15))
                .andExpect(jsonPath("$.offerHoldHours").value(24))
                .andExpect(jsonPath("$.cancellationCutoffDays").value(7))
                .andExpect(jsonPath("$.tagline").doesNotExist());
    }

    @Test
    void anyone_learns_the_default_holds_and_their_ranges_for_a_new_conference_and_may_cache_them() throws Exception {
        api().perform(get("/api/conferences/limits"))
                .andExpect(status().isOk())
                .andExpect(header().string("Cache-Control", "max-age=3600, public"))
                .andExpect(jsonPath("$.defaultReservationHoldMinutes").value(15))
                .andExpect(jsonPath("$.minReservationHoldMinutes").value(1))
                .andExpect(jsonPath("$.maxReservationHoldMinutes").value(240))
                .andExpect(jsonPath("$.defaultOfferHoldHours").value(24))
                .andExpect(jsonPath("$.minOfferHoldHours").value(1))
                .andExpect(jsonPath("$.maxOfferHoldHours").value(336))
                .andExpect(jsonPath("$.defaultCancellationCutoffDays").value(7))
                .andExpect(jsonPath("$.minCancellationCutoffDays").value(0))
                .andExpect(jsonPath("$.maxCancellationCutoffDays").value(365));
    }

    @Test
    void the_cancellation_cut_off_may_be_set_anywhere_from_0_to_365_days() throws Exception {
        AdminApi api = api();
        for (int days : new int[] {0, 365}) {
            Map<String, Object> body = AdminApi.conference(AdminApi.uniqueSlug(), AdminApi.uniqueEmail());
            body.put("cancellationCutoffDays", days);
            Owner owner = api.create(body);
            api.perform(get(owner.path()).with(as(owner))).andExpect(jsonPath("$.cancellationCutoffDays").value(days));
        }
    }

    @Test
    void the_offer_hold_may_be_set_anywhere_from_1_hour_to_two_weeks() throws Exception {
        AdminApi api = api();
        for (int hours : new int[] {1, 336}) {
            Map<String, Object> body = AdminApi.conference(AdminApi.uniqueSlug(), AdminApi.uniqueEmail());
            body.put("offerHoldHours", hours);
            Owner owner = api.create(body);
            api.perform(get(owner.path()).with(as(owner))).andExpect(jsonPath("$.offerHoldHours").value(hours));
        }
    }

    @Test
    void access_codes_are_different_for_every_conference() throws Exception {
        AdminApi api = api();
        Owner first = api.createConference();
        Owner second = api.createConference();
        assertThat(first.accessCode()).isNotEqualTo(second.accessCode());
    }

    @Test
    void replaying_a_create_with_the_same_id_creates_nothing_and_does_not_disclose_the_code() throws Exception {
        AdminApi api = api();
        UUID id = UUID.randomUUID();
        Map<String, Object> body = AdminApi.conference(AdminApi.uniqueSlug(), AdminApi.uniqueEmail());
        body.put("id", id.toString());
        api.create(body);

        api.perform(api.withJson(post("/api/conferences"), body))
                .andExpect(status().isConflict())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.type").value("https://seatbooking.dev/problems/conference-exists"))
                .andExpect(jsonPath("$.accessCode").doesNotExist());
    }

    @Test
    void a_slug_can_be_taken_only_once() throws Exception {
        AdminApi api = api();
        String slug = AdminApi.uniqueSlug();
        Owner first = api.create(AdminApi.conference(slug, AdminApi.uniqueEmail()));

        api.perform(api.withJson(post("/api/conferences"), AdminApi.conference(slug, AdminApi.uniqueEmail())))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.type").value("https://seatbooking.dev/problems/slug-taken"))
                .andExpect(jsonPath("$.errors[0].field").value("slug"));

        Owner second = api.createConference();
        api.perform(api.withJson(put(second.path()).with(as(second)), AdminApi.conference(slug, second.email())))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.type").value("https://seatbooking.dev/problems/slug-taken"));
        // keeping one's own slug is fine
        api.perform(api.withJson(put(first.path()).with(as(first)), AdminApi.conference(slug, first.email())))
                .andExpect(status().isOk());
    }

    @Test
    void editing_replaces_the_details_and_moves_the_consistency_token_only_when_something_changed() throws Exception {
        AdminApi api = api();
        Owner owner = api.createConference();
        Map<String, Object> body = AdminApi.conference(AdminApi.uniqueSlug(), owner.email());
        body.put("name", "CQRS Summit 2026");
        body.put("endDate", "2026-09-03");
        body.put("reservationHoldMinutes", 30);
        body.put("offerHoldHours", 2);
        body.put("cancellationCutoffDays", 1);

        api.perform(api.withJson(put(owner.path()).with(as(owner)), body))
                .andExpect(status().isOk())
                .andExpect(header().string("Consistency-Token", owner.conferenceId() + ".2"))
                .andExpect(jsonPath("$.name").value("CQRS Summit 2026"))
                .andExpect(jsonPath("$.endDate").value("2026-09-03"))
                .andExpect(jsonPath("$.reservationHoldMinutes").value(30))
                .andExpect(jsonPath("$.offerHoldHours").value(2))
                .andExpect(jsonPath("$.cancellationCutoffDays").value(1));
        api.perform(api.withJson(put(owner.path()).with(as(owner)), body))
                .andExpect(status().isOk())
                .andExpect(header().string("Consistency-Token", owner.conferenceId() + ".2"));
    }

    @Test
    void publishing_and_unpublishing_change_the_state_and_are_idempotent() throws Exception {
        AdminApi api = api();
        Owner owner = api.createConference();

        api.perform(post(owner.path() + "/publish").with(as(owner)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.published").value(true))
                .andExpect(jsonPath("$.wasEverPublished").value(true))
                .andExpect(header().string("Consistency-Token", owner.conferenceId() + ".2"));
        api.perform(post(owner.path() + "/publish").with(as(owner)))
                .andExpect(status().isOk())
                .andExpect(header().string("Consistency-Token", owner.conferenceId() + ".2"));
        api.perform(post(owner.path() + "/unpublish").with(as(owner)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.published").value(false))
                .andExpect(jsonPath("$.wasEverPublished").value(true))
                .andExpect(header().string("Consistency-Token", owner.conferenceId() + ".3"));
        api.perform(post(owner.path() + "/unpublish").with(as(owner)))
                .andExpect(header().string("Consistency-Token", owner.conferenceId() + ".3"));
    }

    @Test
    void seat_types_are_added_listed_edited_and_deleted_while_never_published() throws Exception {
        AdminApi api = api();
        Owner owner = api.createConference();
        UUID clientId = UUID.randomUUID();
        Map<String, Object> general = AdminApi.seatType("General", 100, "199.00", "EUR");
        general.put("id", clientId.toString());

        api.perform(api.withJson(post(owner.path() + "/seat-types").with(as(owner)), general))
                .andExpect(status().isCreated())
                .andExpect(header().string("Location", owner.path() + "/seat-types/" + clientId))
                .andExpect(header().string("Consistency-Token", owner.conferenceId() + ".1")) // never published: no event
                .andExpect(jsonPath("$.id").value(clientId.toString()))
                .andExpect(jsonPath("$.quantity").value(100))
                .andExpect(jsonPath("$.sold").value(0))
                .andExpect(jsonPath("$.price.amount").value(199.00))
                .andExpect(jsonPath("$.price.currency").value("EUR"));
        api.perform(api.withJson(post(owner.path() + "/seat-types").with(as(owner)), general))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.type").value("https://seatbooking.dev/problems/seat-type-exists"));
        UUID workshop = api.addSeatType(owner, AdminApi.seatType("Workshop", 20, "0", "EUR"));

        api.perform(get(owner.path() + "/seat-types").with(as(owner)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[0].name").value("General"))
                .andExpect(jsonPath("$[1].name").value("Workshop"))
                .andExpect(jsonPath("$[1].price.amount").value(0));

        api.perform(api.withJson(put(owner.path() + "/seat-types/" + workshop).with(as(owner)),
                        AdminApi.seatType("Workshop", 10, "49.50", "EUR")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.quantity").value(10))
                .andExpect(jsonPath("$.price.amount").value(49.5));
        api.perform(get(owner.path() + "/seat-types/" + workshop).with(as(owner)))
                .andExpect(jsonPath("$.quantity").value(10));

        api.perform(delete(owner.path() + "/seat-types/" + workshop).with(as(owner)))
                .andExpect(status().isNoContent());
        api.perform(get(owner.path() + "/seat-types/" + workshop).with(as(owner)))
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$.type").value("https://seatbooking.dev/problems/not-found"));
        api.perform(get(owner.path()).with(as(owner)))
                .andExpect(jsonPath("$.seatTypes.length()").value(1));
    }

    @Test
    void seat_types_cannot_be_deleted_once_the_conference_was_published_even_if_unpublished_since() throws Exception {
        AdminApi api = api();
        Owner owner = api.createConference();
        UUID general = api.addSeatType(owner, AdminApi.seatType("General", 100, "199", "EUR"));
        api.perform(post(owner.path() + "/publish").with(as(owner))).andExpect(status().isOk());
        api.perform(post(owner.path() + "/unpublish").with(as(owner))).andExpect(status().isOk());

        api.perform(delete(owner.path() + "/seat-types/" + general).with(as(owner)))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.type").value("https://seatbooking.dev/problems/conference-was-published"));
        api.perform(get(owner.path() + "/seat-types/" + general).with(as(owner))).andExpect(status().isOk());
    }

    @Test
    void a_seat_quantity_can_grow_and_shrink_while_nothing_is_sold() throws Exception {
        AdminApi api = api();
        Owner owner = api.createConference();
        UUID general = api.addSeatType(owner, AdminApi.seatType("General", 100, "199", "EUR"));
        api.perform(post(owner.path() + "/publish").with(as(owner))).andExpect(status().isOk()); // v2 seat, v3 published

        int version = 3;
        for (int quantity : new int[]{150, 0, 5}) {
            api.perform(api.withJson(put(owner.path() + "/seat-types/" + general).with(as(owner)),
                            AdminApi.seatType("General", quantity, "199", "EUR")))
                    .andExpect(status().isOk())
                    .andExpect(header().string("Consistency-Token", owner.conferenceId() + "." + ++version))
                    .andExpect(jsonPath("$.quantity").value(quantity));
        }
    }

    @Test
    void all_seat_types_of_a_conference_are_priced_in_one_currency() throws Exception {
        AdminApi api = api();
        Owner owner = api.createConference();
        UUID general = api.addSeatType(owner, AdminApi.seatType("General", 100, "199", "EUR"));

        api.perform(api.withJson(post(owner.path() + "/seat-types").with(as(owner)),
                        AdminApi.seatType("VIP", 10, "500", "USD")))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.type").value("https://seatbooking.dev/problems/currency-mismatch"))
                .andExpect(jsonPath("$.errors[0].field").value("price.currency"));
        // the only seat type may change its currency
        api.perform(api.withJson(put(owner.path() + "/seat-types/" + general).with(as(owner)),
                        AdminApi.seatType("General", 100, "210", "USD")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.price.currency").value("USD"));
    }

    @Test
    void an_unknown_seat_type_is_not_found() throws Exception {
        AdminApi api = api();
        Owner owner = api.createConference();
        Owner other = api.createConference();
        UUID othersSeatType = api.addSeatType(other, AdminApi.seatType("General", 1, "1", "EUR"));

        for (UUID seatType : new UUID[]{UUID.randomUUID(), othersSeatType}) {
            api.perform(get(owner.path() + "/seat-types/" + seatType).with(as(owner)))
                    .andExpect(status().isNotFound());
            api.perform(api.withJson(put(owner.path() + "/seat-types/" + seatType).with(as(owner)),
                            AdminApi.seatType("General", 1, "1", "EUR")))
                    .andExpect(status().isNotFound());
            api.perform(delete(owner.path() + "/seat-types/" + seatType).with(as(owner)))
                    .andExpect(status().isNotFound());
        }
        api.perform(get(owner.path() + "/seat-types/not-a-uuid").with(as(owner)))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.type").value("https://seatbooking.dev/problems/malformed-request"));
    }

    @Test
    void a_new_conference_has_no_orders_nor_attendees() throws Exception {
        AdminApi api = api();
        Owner owner = api.createConference();
        api.perform(get(owner.path() + "/orders").with(as(owner)))
                .andExpect(status().isOk()).andExpect(jsonPath("$").isEmpty());
        api.perform(get(owner.path() + "/attendees").with(as(owner)))
                .andExpect(status().isOk()).andExpect(jsonPath("$").isEmpty());
    }

    @Test
    void errors_are_problem_details_without_stack_traces() throws Exception {
        AdminApi api = api();
        api.perform(post("/api/conferences").contentType(MediaType.APPLICATION_JSON).content("{not json"))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.type").value("https://seatbooking.dev/problems/malformed-request"))
                .andExpect(jsonPath("$.status").value(400))
                .andExpect(jsonPath("$.trace").doesNotExist())
                .andExpect(jsonPath("$.detail").value(startsWith("The request body")));
    }

    @Test
    void spring_mvcs_own_refusals_are_problems_of_the_same_vocabulary() throws Exception {
        AdminApi api = api();
        problem(api.perform(get("/api/no-such-thing")), 404, "not-found");
        problem(api.perform(delete("/api/conferences")), 405, "method-not-allowed");
        problem(api.perform(post("/api/conferences").contentType(MediaType.TEXT_PLAIN).content("x")), 415,
                "unsupported-media-type");
        // a client that asks for HTML still gets the problem, not an error page
        problem(api.perform(get("/api/no-such-thing").accept(MediaType.TEXT_HTML)), 404, "not-found");
        problem(api.perform(get("/api/conferences/" + UUID.randomUUID()).accept(MediaType.TEXT_HTML)), 401,
                "unauthorized");
        problem(api.perform(api.withJson(post("/api/conferences").accept(MediaType.TEXT_HTML), Map.of("slug", 5))),
                400, "malformed-request");
    }

    private static void problem(org.springframework.test.web.servlet.ResultActions result, int status, String code)
            throws Exception {
        result.andExpect(status().is(status))
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.type").value("https://seatbooking.dev/problems/" + code))
                .andExpect(jsonPath("$.code").value(code));
    }

    @Test
    void the_service_reports_its_health() throws Exception {
        api().perform(get("/actuator/health"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("UP"));
    }

    @Test
    void the_openapi_description_lists_the_admin_api() throws Exception {
        api().perform(get("/v3/api-docs"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.paths['/api/conferences'].post").exists())
                .andExpect(jsonPath("$.paths['/api/conferences/limits'].get").exists())
                .andExpect(jsonPath("$.paths['/api/conferences/{conferenceId}/seat-types/{seatTypeId}'].put").exists())
                .andExpect(jsonPath("$.components.securitySchemes.owner.scheme").value("basic"));
    }
}

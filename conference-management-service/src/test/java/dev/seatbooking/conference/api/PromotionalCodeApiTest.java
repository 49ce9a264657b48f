package dev.seatbooking.conference.api;

import dev.seatbooking.conference.support.AdminApi;
import dev.seatbooking.conference.support.AdminApi.Owner;
import dev.seatbooking.conference.support.IntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.ResultActions;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static dev.seatbooking.conference.support.AdminApi.as;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The owner's promotional codes through the admin API, against the real database: what each call answers, and every
 * refusal as an RFC 9457 problem naming the field to blame. (Credentials: {@code AdminAccessTest}; uses and the
 * usage limit's floor: {@code PromotionalCodeUsesTest}; announcements: {@code ConferenceEventsOutboxTest}.)
 */
class PromotionalCodeApiTest extends IntegrationTest {

    private AdminApi api;
    private Owner owner;
    private UUID general;
    private UUID workshop;

    @BeforeEach
    void conference() throws Exception {
        api = api();
        owner = api.createConference();
        general = api.addSeatType(owner, AdminApi.seatType("General", 10, "100", "EUR"));
        workshop = api.addSeatType(owner, AdminApi.seatType("Workshop", 5, "50", "EUR"));
    }

    @Test
    void creating_a_code_answers_with_it_its_location_and_a_consistency_token() throws Exception {
        Map<String, Object> body = AdminApi.amountCode("partner-2026", "25.50", "EUR");
        UUID id = UUID.randomUUID();
        body.put("id", id.toString());
        body.put("seatTypeIds", List.of(workshop.toString()));
        body.put("usageLimit", 20);
        body.put("validFrom", "2026-06-01T00:00:00Z");
        body.put("validUntil", "2026-08-31T22:00:00Z");
        body.put("exclusive", true);

        create(body)
                .andExpect(status().isCreated())
                .andExpect(header().string("Location", owner.path() + "/promotional-codes/" + id))
                .andExpect(header().string("Consistency-Token", owner.conferenceId() + ".1"))
                .andExpect(jsonPath("$.id").value(id.toString()))
                .andExpect(jsonPath("$.code").value("PARTNER-2026"))
                .andExpect(jsonPath("$.discount.kind").value("FIXED_AMOUNT"))
                .andExpect(jsonPath("$.discount.percent").doesNotExist())
                .andExpect(jsonPath("$.discount.amount.amount").value(25.5))
                .andExpect(jsonPath("$.discount.amount.currency").value("EUR"))
                .andExpect(jsonPath("$.allSeatTypes").value(false))
                .andExpect(jsonPath("$.seatTypeIds", hasSize(1)))
                .andExpect(jsonPath("$.seatTypeIds[0]").value(workshop.toString()))
                .andExpect(jsonPath("$.usageLimit").value(20))
                .andExpect(jsonPath("$.validFrom").value("2026-06-01T00:00:00Z"))
                .andExpect(jsonPath("$.validUntil").value("2026-08-31T22:00:00Z"))
                .andExpect(jsonPath("$.exclusive").value(true))
                .andExpect(jsonPath("$.enabled").value(true))
                .andExpect(jsonPath("$.held").value(0))
                .andExpect(jsonPath("$.used").value(0));

        api.perform(get(owner.path() + "/promotional-codes/" + id).with(as(owner)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.code").value("PARTNER-2026"));
    }

    @Test
    void the_list_shows_every_code_with_its_uses_and_unlimited_codes_for_every_seat_type() throws Exception {
        api.createCode(owner, AdminApi.percentCode("SPEAKER", 100));
        api.createCode(owner, AdminApi.amountCode("MINUS10", "10", "EUR"));

        api.perform(get(owner.path() + "/promotional-codes").with(as(owner)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$", hasSize(2)))
                .andExpect(jsonPath("$[0].code").value("SPEAKER"))
                .andExpect(jsonPath("$[0].discount.percent").value(100))
                .andExpect(jsonPath("$[0].allSeatTypes").value(true))
                .andExpect(jsonPath("$[0].seatTypeIds").doesNotExist())
                .andExpect(jsonPath("$[0].usageLimit").doesNotExist())
                .andExpect(jsonPath("$[0].held").value(0))
                .andExpect(jsonPath("$[1].code").value("MINUS10"));
        Owner other = api.createConference();
        api.perform(get(other.path() + "/promotional-codes").with(as(other))).andExpect(jsonPath("$", hasSize(0)));
    }

    @Test
    void a_code_text_is_unique_in_the_conference_in_any_case() throws Exception {
        api.createCode(owner, AdminApi.percentCode("EARLY-BIRD", 10));

        problem(create(AdminApi.percentCode("early-bird", 20)), 409, "promotional-code-exists", "code")
                .andExpect(jsonPath("$.detail").value(containsString("EARLY-BIRD")));
        problem(create(AdminApi.percentCode("Early-Bird", 20)), 409, "promotional-code-exists", "code");
        Owner other = api.createConference();
        api.createCode(other, AdminApi.percentCode("early-bird", 10));
    }

    @Test
    void a_replayed_create_creates_nothing_twice() throws Exception {
        Map<String, Object> body = AdminApi.percentCode("ONCE", 10);
        body.put("id", UUID.randomUUID().toString());
        create(body).andExpect(status().isCreated());
        body.put("code", "TWICE");

        problem(create(body), 409, "promotional-code-exists", "id");
        Owner other = api.createConference();
        problem(api.perform(api.withJson(post(other.path() + "/promotional-codes").with(as(other)), body)),
                409, "promotional-code-exists", "id");
        api.perform(get(owner.path() + "/promotional-codes").with(as(owner))).andExpect(jsonPath("$", hasSize(1)));
    }

    @Test
    void a_text_that_is_no_code_is_refused() throws Exception {
        for (String text : List.of("AB", "TEN PERCENT", "CAFÉ", "A".repeat(33), "", "10%")) {
            invalid(create(AdminApi.percentCode(text, 10)), "code");
        }
        Map<String, Object> none = AdminApi.percentCode("X", 10);
        none.remove("code");
        invalid(create(none), "code");
    }

    @Test
    void a_percentage_is_1_to_100_and_nothing_else() throws Exception {
        invalid(create(AdminApi.percentCode("ZERO", 0)), "discount.percent");
        invalid(create(AdminApi.percentCode("TOO-MUCH", 101)), "discount.percent");
        Map<String, Object> noPercent = AdminApi.percentCode("NONE", 10);
        discount(noPercent).remove("percent");
        invalid(create(noPercent), "discount.percent");
        Map<String, Object> withAmount = AdminApi.percentCode("BOTH", 10);
        discount(withAmount).put("amount", Map.of("amount", 5, "currency", "EUR"));
        invalid(create(withAmount), "discount.amount");
        create(AdminApi.percentCode("ALL-FREE", 100)).andExpect(status().isCreated());
        create(AdminApi.percentCode("ONE", 1)).andExpect(status().isCreated());
    }

    @Test
    void a_fixed_amount_is_more_than_zero_in_the_conference_currency() throws Exception {
        invalid(create(AdminApi.amountCode("ZERO", "0", "EUR")), "discount.amount.amount");
        invalid(create(AdminApi.amountCode("NEGATIVE", "-5", "EUR")), "discount.amount.amount");
        invalid(create(AdminApi.amountCode("FINE", "0.001", "EUR")), "discount.amount.amount");
        invalid(create(AdminApi.amountCode("NOWHERE", "5", "XXZ")), "discount.amount.currency");
        problem(create(AdminApi.amountCode("DOLLARS", "5", "USD")), 422, "currency-mismatch", "discount.amount.currency")
                .andExpect(jsonPath("$.detail").value(containsString("EUR")));
        Map<String, Object> noAmount = AdminApi.amountCode("NONE", "5", "EUR");
        discount(noAmount).remove("amount");
        invalid(create(noAmount), "discount.amount");
        Map<String, Object> withPercent = AdminApi.amountCode("BOTH", "5", "EUR");
        discount(withPercent).put("percent", 10);
        invalid(create(withPercent), "discount.percent");
        create(AdminApi.amountCode("EUROS", "0.01", "EUR")).andExpect(status().isCreated());
    }

    @Test
    void a_fixed_amount_binds_the_currency_of_seat_types_added_later() throws Exception {
        Owner empty = api.createConference();
        api.createCode(empty, AdminApi.amountCode("MINUS5", "5", "USD"));

        problem(api.perform(api.withJson(post(empty.path() + "/seat-types").with(as(empty)),
                AdminApi.seatType("General", 10, "100", "EUR"))), 422, "currency-mismatch", "price.currency")
                .andExpect(jsonPath("$.detail").value(containsString("promotional codes are in USD, not EUR")));
        UUID general = api.addSeatType(empty, AdminApi.seatType("General", 10, "100", "USD"));
        problem(api.perform(api.withJson(put(empty.path() + "/seat-types/" + general).with(as(empty)),
                AdminApi.seatType("General", 10, "100", "EUR"))), 422, "currency-mismatch", "price.currency");
    }

    @Test
    void the_scope_names_seat_types_of_this_conference_only() throws Exception {
        Owner other = api.createConference();
        UUID othersSeatType = api.addSeatType(other, AdminApi.seatType("Theirs", 10, "100", "EUR"));

        for (UUID seatType : List.of(UUID.randomUUID(), othersSeatType)) {
            Map<String, Object> body = AdminApi.percentCode("SCOPED", 10);
            body.put("seatTypeIds", List.of(general.toString(), seatType.toString()));
            problem(create(body), 422, "unknown-seat-type", "seatTypeIds")
                    .andExpect(jsonPath("$.seatTypeIds", hasSize(1)))
                    .andExpect(jsonPath("$.seatTypeIds[0]").value(seatType.toString()));
        }
        Map<String, Object> empty = AdminApi.percentCode("EMPTY", 10);
        empty.put("seatTypeIds", List.of());
        invalid(create(empty), "seatTypeIds");
        Map<String, Object> twice = AdminApi.percentCode("TWICE", 10);
        twice.put("seatTypeIds", List.of(general.toString(), general.toString()));
        invalid(create(twice), "seatTypeIds");
        api.perform(get(owner.path() + "/promotional-codes").with(as(owner))).andExpect(jsonPath("$", hasSize(0)));
    }

    @Test
    void a_seat_type_in_a_codes_scope_cannot_be_deleted() throws Exception {
        Map<String, Object> body = AdminApi.percentCode("WORKSHOP-HALF", 50);
        body.put("seatTypeIds", List.of(workshop.toString()));
        api.createCode(owner, body);

        problem(api.perform(delete(owner.path() + "/seat-types/" + workshop).with(as(owner))), 409,
                "seat-type-in-code-scope", null).andExpect(jsonPath("$.detail").value(containsString("WORKSHOP-HALF")));
        api.perform(delete(owner.path() + "/seat-types/" + general).with(as(owner))).andExpect(status().isNoContent());
    }

    @Test
    void a_validity_window_ends_after_it_starts_within_the_years_2000_to_9999() throws Exception {
        Map<String, Object> backwards = AdminApi.percentCode("BACKWARDS", 10);
        backwards.put("validFrom", "2026-06-02T00:00:00Z");
        backwards.put("validUntil", "2026-06-01T00:00:00Z");
        invalid(create(backwards), "validUntil");
        backwards.put("validUntil", "2026-06-02T00:00:00Z");
        invalid(create(backwards), "validUntil");
        Map<String, Object> far = AdminApi.percentCode("FAR", 10);
        far.put("validUntil", "+10000-01-01T00:00:00Z");
        invalid(create(far), "validUntil");
        far.put("validUntil", "1999-12-31T23:59:59Z");
        invalid(create(far), "validUntil");
        Map<String, Object> notAnInstant = AdminApi.percentCode("DAY", 10);
        notAnInstant.put("validFrom", "tomorrow");
        problem(create(notAnInstant), 400, "malformed-request", "validFrom");
        Map<String, Object> openEnded = AdminApi.percentCode("FROM-JUNE", 10);
        openEnded.put("validFrom", "2026-06-01T00:00:00Z");
        create(openEnded).andExpect(status().isCreated()).andExpect(jsonPath("$.validUntil").doesNotExist());
    }

    @Test
    void a_usage_limit_is_at_least_one_or_unlimited() throws Exception {
        Map<String, Object> body = AdminApi.percentCode("NEVER", 10);
        body.put("usageLimit", 0);
        invalid(create(body), "usageLimit");
        body.put("usageLimit", 1);
        create(body).andExpect(status().isCreated()).andExpect(jsonPath("$.usageLimit").value(1));
    }

    @Test
    void an_edit_replaces_everything_but_the_text() throws Exception {
        UUID id = api.createCode(owner, AdminApi.percentCode("partner", 10));
        Map<String, Object> edited = AdminApi.amountCode(null, "15", "EUR");
        edited.remove("code");
        edited.put("seatTypeIds", List.of(general.toString()));
        edited.put("usageLimit", 3);
        edited.put("exclusive", true);

        edit(id, edited)
                .andExpect(status().isOk())
                .andExpect(header().exists("Consistency-Token"))
                .andExpect(jsonPath("$.code").value("PARTNER"))
                .andExpect(jsonPath("$.discount.kind").value("FIXED_AMOUNT"))
                .andExpect(jsonPath("$.discount.amount.amount").value(15))
                .andExpect(jsonPath("$.seatTypeIds[0]").value(general.toString()))
                .andExpect(jsonPath("$.usageLimit").value(3))
                .andExpect(jsonPath("$.exclusive").value(true));
        edited.put("code", "Partner");
        edit(id, edited).andExpect(status().isOk());
        edited.put("code", "PARTNERS");
        problem(edit(id, edited), 422, "code-text-fixed", "code");
        edited.put("code", "not a code");
        invalid(edit(id, edited), "code");
        edited.remove("code");
        edited.put("id", UUID.randomUUID().toString());
        invalid(edit(id, edited), "id");
        api.perform(get(owner.path() + "/promotional-codes/" + id).with(as(owner)))
                .andExpect(jsonPath("$.code").value("PARTNER"));
    }

    @Test
    void an_edit_is_refused_as_a_create_is() throws Exception {
        UUID id = api.createCode(owner, AdminApi.percentCode("RULES", 10));

        invalid(edit(id, AdminApi.percentCode("RULES", 101)), "discount.percent");
        problem(edit(id, AdminApi.amountCode("RULES", "5", "GBP")), 422, "currency-mismatch", "discount.amount.currency");
        Map<String, Object> scoped = AdminApi.percentCode("RULES", 10);
        scoped.put("seatTypeIds", List.of(UUID.randomUUID().toString()));
        problem(edit(id, scoped), 422, "unknown-seat-type", "seatTypeIds");
        api.perform(get(owner.path() + "/promotional-codes/" + id).with(as(owner)))
                .andExpect(jsonPath("$.discount.percent").value(10))
                .andExpect(jsonPath("$.allSeatTypes").value(true));
    }

    @Test
    void a_code_is_disabled_and_enabled_again_idempotently() throws Exception {
        UUID id = api.createCode(owner, AdminApi.percentCode("SWITCH", 10));
        String path = owner.path() + "/promotional-codes/" + id;

        api.perform(post(path + "/disable").with(as(owner))).andExpect(status().isOk())
                .andExpect(jsonPath("$.enabled").value(false));
        api.perform(post(path + "/disable").with(as(owner))).andExpect(status().isOk())
                .andExpect(jsonPath("$.enabled").value(false));
        edit(id, AdminApi.percentCode("SWITCH", 15)).andExpect(jsonPath("$.enabled").value(false));
        api.perform(post(path + "/enable").with(as(owner))).andExpect(status().isOk())
                .andExpect(jsonPath("$.enabled").value(true))
                .andExpect(jsonPath("$.discount.percent").value(15));
    }

    @Test
    void an_unknown_code_or_another_conferences_is_not_found() throws Exception {
        Owner other = api.createConference();
        UUID theirs = api.createCode(other, AdminApi.percentCode("THEIRS", 10));

        for (UUID id : List.of(UUID.randomUUID(), theirs)) {
            String path = owner.path() + "/promotional-codes/" + id;
            problem(api.perform(get(path).with(as(owner))), 404, "not-found", null);
            problem(edit(id, AdminApi.percentCode("THEIRS", 20)), 404, "not-found", null);
            problem(api.perform(post(path + "/disable").with(as(owner))), 404, "not-found", null);
            problem(api.perform(post(path + "/enable").with(as(owner))), 404, "not-found", null);
        }
        api.perform(get(other.path() + "/promotional-codes/" + theirs).with(as(other)))
                .andExpect(jsonPath("$.discount.percent").value(10))
                .andExpect(jsonPath("$.enabled").value(true));
        problem(api.perform(get(owner.path() + "/promotional-codes/not-a-uuid").with(as(owner))), 400,
                "malformed-request", "codeId");
    }

    @Test
    void an_unknown_field_or_kind_is_malformed() throws Exception {
        Map<String, Object> unknownField = AdminApi.percentCode("FIELD", 10);
        unknownField.put("enabled", false);
        problem(create(unknownField), 400, "malformed-request", "enabled");
        Map<String, Object> unknownKind = AdminApi.percentCode("KIND", 10);
        discount(unknownKind).put("kind", "BOGOF");
        problem(create(unknownKind), 400, "malformed-request", "discount.kind");
        Map<String, Object> stringPercent = AdminApi.percentCode("STRING", 10);
        discount(stringPercent).put("percent", "10");
        problem(create(stringPercent), 400, "malformed-request", "discount.percent");
        Map<String, Object> noExclusive = AdminApi.percentCode("EXCL", 10);
        noExclusive.remove("exclusive");
        invalid(create(noExclusive), "exclusive");
        Map<String, Object> amount = AdminApi.percentCode("AMOUNT", 10);
        discount(amount).put("percent", new BigDecimal("10.5"));
        problem(create(amount), 400, "malformed-request", "discount.percent");
    }

    private ResultActions create(Map<String, Object> body) throws Exception {
        return api.perform(api.withJson(post(owner.path() + "/promotional-codes").with(as(owner)), body));
    }

    private ResultActions edit(UUID codeId, Map<String, Object> body) throws Exception {
        return api.perform(api.withJson(put(owner.path() + "/promotional-codes/" + codeId).with(as(owner)), body));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> discount(Map<String, Object> body) {
        return (Map<String, Object>) body.get("discount");
    }

    private static ResultActions invalid(ResultActions result, String field) throws Exception {
        return problem(result, 400, "validation-failed", field);
    }

    private static ResultActions problem(ResultActions result, int status, String code, String field) throws Exception {
        result.andExpect(status().is(status))
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.type").value("https://seatbooking.dev/problems/" + code))
                .andExpect(jsonPath("$.code").value(code))
                .andExpect(jsonPath("$.status").value(status))
                .andExpect(jsonPath("$.detail").isNotEmpty());
        if (field != null) result.andExpect(jsonPath("$.errors[*].field").value(hasItem(field)));
        return result;
    }
}

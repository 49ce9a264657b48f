package dev.seatbooking.conference.api;

import dev.seatbooking.conference.support.AdminApi.Owner;
import dev.seatbooking.conference.support.AdminApi;
import dev.seatbooking.conference.support.IntegrationTest;
import dev.seatbooking.web.validation.SingleLine;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.core.MethodParameter;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import org.springframework.test.web.servlet.ResultActions;

import java.lang.reflect.RecordComponent;
import java.net.URI;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;

import static dev.seatbooking.conference.support.AdminApi.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.hasItem;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Every field rule, broken one at a time, on create and on edit: 400, an RFC 9457 validation problem naming the
 * field, and nothing created or changed.
 */
class InputValidationTest extends IntegrationTest {

    /**
     * One broken rule: how to break a valid body, the field the problem must name and the problem's code
     * ({@code validation-failed} for a broken rule, {@code malformed-request} for a value of the wrong type or format).
     */
    record Case(String rule, Consumer<Map<String, Object>> breakIt, String field, String code) {
        Case(String rule, Consumer<Map<String, Object>> breakIt, String field) {
            this(rule, breakIt, field, VALIDATION_FAILED);
        }

        @Override
        public String toString() {
            return rule;
        }
    }

    static final String VALIDATION_FAILED = "validation-failed";
    static final String MALFORMED = "malformed-request";

    static Case set(String rule, String field, Object value) {
        return new Case(rule, body -> putPath(body, field, value), field);
    }

    /** A value Jackson cannot read as the field's type. */
    static Case wrongType(String rule, String field, Object value) {
        return new Case(rule, body -> putPath(body, field, value), field, MALFORMED);
    }

    @SuppressWarnings("unchecked")
    private static void putPath(Map<String, Object> body, String path, Object value) {
        int dot = path.indexOf('.');
        if (dot < 0) {
            body.put(path, value);
        } else {
            Map<String, Object> nested = new LinkedHashMap<>((Map<String, Object>) body.get(path.substring(0, dot)));
            putPath(nested, path.substring(dot + 1), value);
            body.put(path.substring(0, dot), nested);
        }
    }

    static List<Case> conferenceRules() {
        return List.of(
                // Registration keeps a conference's seats in the stream of its id, beside streams whose ids it derives
                // by name (version 3): the one of another conference's promotional code uses, say.
                set("id is not a name-based UUID", "id", UUID.nameUUIDFromBytes(
                        "promotional-code-uses:d3e0c0f1-0000-4000-8000-000000000001".getBytes()).toString()),
                set("slug is required", "slug", null),
                set("slug must not be blank", "slug", ""),
                set("slug has at most 64 characters", "slug", "a".repeat(65)),
                set("slug is lower case", "slug", "CQRS-summit"),
                set("slug has no spaces", "slug", "cqrs summit"),
                set("slug has no slashes", "slug", "cqrs/summit"),
                set("slug has no other punctuation", "slug", "cqrs?summit"),
                set("slug starts with a letter or digit", "slug", "-cqrs"),
                set("name is required", "name", null),
                set("name must not be blank", "name", "   "),
                set("name has at most 200 characters", "name", "n".repeat(201)),
                set("description is required", "description", null),
                set("description must not be blank", "description", ""),
                set("description has at most 4000 characters", "description", "d".repeat(4001)),
                set("location is required", "location", null),
                set("location has at most 500 characters", "location", "l".repeat(501)),
                set("tagline has at most 200 characters", "tagline", "t".repeat(201)),
                set("twitterSearch has at most 200 characters", "twitterSearch", "#".repeat(201)),
                set("startDate is required", "startDate", null),
                wrongType("startDate is a date", "startDate", "2026-13-01"),
                set("endDate is required", "endDate", null),
                wrongType("endDate is a date", "endDate", "next week"),
                new Case("endDate is not before startDate", body -> {
                    body.put("startDate", "2026-09-02");
                    body.put("endDate", "2026-09-01");
                }, "endDate"),
                set("ownerName is required", "ownerName", null),
                set("ownerName must not be blank", "ownerName", " "),
                set("ownerName has at most 200 characters", "ownerName", "o".repeat(201)),
                set("ownerEmail is required", "ownerEmail", null),
                set("ownerEmail is an email address", "ownerEmail", "not-an-email"),
                set("ownerEmail has a domain with a dot", "ownerEmail", "owner@localhost"),
                set("ownerEmail has no spaces", "ownerEmail", "ow ner@example.org"),
                set("ownerEmail has at most 254 characters", "ownerEmail", "o".repeat(243) + "@example.org"),
                wrongType("startDate is not a number of days since 1970", "startDate", 20_000),
                wrongType("startDate is not a date-time", "startDate", "2026-09-01T10:00:00"),
                wrongType("startDate is not an instant", "startDate", "2026-09-01T00:00:00Z"),
                wrongType("startDate is not an array", "startDate", List.of(2026, 9, 1)),
                wrongType("startDate has no sign", "startDate", "+2026-09-01"),
                wrongType("startDate is not before Christ", "startDate", "-0001-01-01"),
                wrongType("startDate has no five-digit year", "startDate", "+100000-01-01"),
                wrongType("startDate is a real day", "startDate", "2026-02-30"),
                wrongType("startDate is not empty", "startDate", ""),
                set("startDate is not in year 0", "startDate", "0000-01-01"),
                set("startDate is not before 2000", "startDate", "1999-12-31"),
                wrongType("endDate is not a number", "endDate", 20_001),
                wrongType("endDate is not a date-time", "endDate", "2026-09-02T18:00"),
                wrongType("endDate has no year past 9999", "endDate", "+10000-01-01"),
                wrongType("id is not empty", "id", ""),
                wrongType("id is not blank", "id", " "),
                wrongType("id is a UUID", "id", "42"),
                wrongType("name is text, not a number", "name", 5),
                wrongType("ownerEmail is text, not a boolean", "ownerEmail", true),
                wrongType("an unknown field is refused", "nmae", "CQRS Summit"),
                wrongType("reservationHoldMinutes is a number, not text", "reservationHoldMinutes", "15"),
                wrongType("reservationHoldMinutes is not a boolean", "reservationHoldMinutes", true),
                wrongType("reservationHoldMinutes is whole, even as 15.0", "reservationHoldMinutes",
                        new java.math.BigDecimal("15.0")),
                wrongType("reservationHoldMinutes fits an int", "reservationHoldMinutes",
                        new java.math.BigInteger("2147483648")),
                set("slug has no NUL", "slug", "cqrs\u0000"),
                set("name has no NUL", "name", "CQRS\u0000Summit"),
                set("name has no line break", "name", "CQRS\nSummit"),
                set("description has no NUL", "description", "Two days\u0000"),
                set("description has no escape character", "description", "Two \u001b[31mdays"),
                set("location has no NUL", "location", "\u0000"),
                set("location has no DEL", "location", "Redmond\u007f"),
                set("tagline has no NUL", "tagline", "Commands\u0000"),
                set("twitterSearch has no NUL", "twitterSearch", "#cqrs\u0000"),
                set("ownerName has no NUL", "ownerName", "Ada\u0000Owner"),
                set("ownerName has no C1 control", "ownerName", "Ada\u0085Owner"),
                set("ownerEmail has no NUL", "ownerEmail", "owner\u0000@example.org"),
                set("ownerEmail has no trailing NUL", "ownerEmail", "owner@example.org\u0000"),
                set("reservationHoldMinutes is at least 1", "reservationHoldMinutes", 0),
                set("reservationHoldMinutes is at most 240", "reservationHoldMinutes", 241),
                wrongType("reservationHoldMinutes is a number", "reservationHoldMinutes", "fifteen"),
                wrongType("reservationHoldMinutes is whole", "reservationHoldMinutes", new java.math.BigDecimal("15.5")),
                set("offerHoldHours is at least 1", "offerHoldHours", 0),
                set("offerHoldHours is not negative", "offerHoldHours", -24),
                set("offerHoldHours is at most 336", "offerHoldHours", 337),
                wrongType("offerHoldHours is a number", "offerHoldHours", "24"),
                wrongType("offerHoldHours is not a boolean", "offerHoldHours", true),
                wrongType("offerHoldHours is whole", "offerHoldHours", new java.math.BigDecimal("1.5")),
                wrongType("offerHoldHours is whole, even as 24.0", "offerHoldHours", new java.math.BigDecimal("24.0")),
                wrongType("offerHoldHours fits an int", "offerHoldHours", new java.math.BigInteger("2147483648")),
                set("cancellationCutoffDays is not negative", "cancellationCutoffDays", -1),
                set("cancellationCutoffDays is at most 365", "cancellationCutoffDays", 366),
                wrongType("cancellationCutoffDays is a number", "cancellationCutoffDays", "7"),
                wrongType("cancellationCutoffDays is whole", "cancellationCutoffDays", new java.math.BigDecimal("7.5")));
    }

    static List<Case> seatTypeRules() {
        return List.of(
                set("name is required", "name", null),
                set("name must not be blank", "name", ""),
                set("name has at most 70 characters", "name", "n".repeat(71)),
                set("description has at most 250 characters", "description", "d".repeat(251)),
                set("quantity is required", "quantity", null),
                set("quantity is not negative", "quantity", -1),
                set("quantity is at most 100000", "quantity", 100_001),
                wrongType("quantity is a number", "quantity", "ten"),
                wrongType("quantity is whole", "quantity", new java.math.BigDecimal("1.5")),
                set("price is required", "price", null),
                wrongType("quantity is a number, not text", "quantity", "10"),
                wrongType("quantity is whole, even as 1.0", "quantity", new java.math.BigDecimal("1.0")),
                wrongType("quantity fits an int", "quantity", new java.math.BigInteger("2147483648")),
                wrongType("quantity fits a long", "quantity", new java.math.BigInteger("9223372036854775808")),
                set("quantity is at most 100000, also at 2^31-1", "quantity", Integer.MAX_VALUE),
                wrongType("quantity is not empty", "quantity", ""),
                wrongType("id is not empty", "id", ""),
                wrongType("an unknown field is refused", "prize", 5),
                wrongType("an unknown field of the price is refused", "price.amout", "5"),
                wrongType("price amount is not a boolean", "price.amount", true),
                wrongType("price amount is not empty", "price.amount", ""),
                set("name has no NUL", "name", "VIP\u0000"),
                set("name has no tab", "name", "VIP\tPass"),
                set("description has no NUL", "description", "\u0000"),
                set("price currency has no NUL", "price.currency", "EU\u0000"),
                set("price amount is required", "price.amount", null),
                set("price amount is not negative", "price.amount", new java.math.BigDecimal("-0.01")),
                set("price amount is at most 1000000", "price.amount", new java.math.BigDecimal("1000000.01")),
                set("price amount has no more decimals than the currency", "price.amount", new java.math.BigDecimal("10.005")),
                wrongType("price amount is a number", "price.amount", "ten euros"),
                new Case("price amount in yen has no decimals", body -> {
                    putPath(body, "price.currency", "JPY");
                    putPath(body, "price.amount", new java.math.BigDecimal("100.5"));
                }, "price.amount"),
                set("price currency is required", "price.currency", null),
                set("price currency is upper case", "price.currency", "eur"),
                set("price currency has three letters", "price.currency", "EURO"),
                set("price currency is an ISO 4217 code", "price.currency", "ABC"),
                set("price currency can be paid in", "price.currency", "XXX"));
    }

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;

    private Owner owner;
    private UUID seatType;

    @BeforeEach
    void conference() throws Exception {
        owner = api().createConference();
        seatType = api().addSeatType(owner, AdminApi.seatType("General", 10, "100", "EUR"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("conferenceRules")
    void creating_a_conference_checks_that(Case rule) throws Exception {
        AdminApi api = api();
        Map<String, Object> body = AdminApi.conference(AdminApi.uniqueSlug(), AdminApi.uniqueEmail());
        rule.breakIt().accept(body);
        invalid(api.perform(api.withJson(post("/api/conferences"), body)), rule);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("conferenceRules")
    void editing_a_conference_checks_that(Case rule) throws Exception {
        AdminApi api = api();
        Map<String, Object> body = AdminApi.conference(AdminApi.uniqueSlug(), owner.email());
        body.put("name", "Changed");
        rule.breakIt().accept(body);
        invalid(api.perform(api.withJson(put(owner.path()).with(as(owner)), body)), rule);
        api.perform(get(owner.path()).with(as(owner))).andExpect(jsonPath("$.name").value("CQRS Summit"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("seatTypeRules")
    void adding_a_seat_type_checks_that(Case rule) throws Exception {
        AdminApi api = api();
        Map<String, Object> body = AdminApi.seatType("VIP", 5, "500", "EUR");
        rule.breakIt().accept(body);
        invalid(api.perform(api.withJson(post(owner.path() + "/seat-types").with(as(owner)), body)), rule);
        api.perform(get(owner.path() + "/seat-types").with(as(owner))).andExpect(jsonPath("$.length()").value(1));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("seatTypeRules")
    void editing_a_seat_type_checks_that(Case rule) throws Exception {
        AdminApi api = api();
        Map<String, Object> body = AdminApi.seatType("Changed", 5, "500", "EUR");
        rule.breakIt().accept(body);
        invalid(api.perform(api.withJson(put(owner.path() + "/seat-types/" + seatType).with(as(owner)), body)), rule);
        api.perform(get(owner.path() + "/seat-types/" + seatType).with(as(owner)))
                .andExpect(jsonPath("$.name").value("General"));
    }

    @Test
    void a_value_of_the_wrong_type_is_named_with_what_it_must_be() throws Exception {
        AdminApi api = api();
        Map<String, String> expected = Map.of(
                "startDate", "must be a date as yyyy-mm-dd",
                "id", "must be a UUID",
                "reservationHoldMinutes", "must be a whole number",
                "colour", "is not a field of this request");
        Map<String, Object> wrong = Map.of("startDate", 20_000, "id", "", "reservationHoldMinutes", 1.5, "colour", "red");
        for (var field : expected.entrySet()) {
            Map<String, Object> body = AdminApi.conference(AdminApi.uniqueSlug(), AdminApi.uniqueEmail());
            body.put(field.getKey(), wrong.get(field.getKey()));
            api.perform(api.withJson(post("/api/conferences"), body))
                    .andExpect(status().isBadRequest())
                    .andExpect(jsonPath("$.code").value(MALFORMED))
                    .andExpect(jsonPath("$.errors[0].field").value(field.getKey()))
                    .andExpect(jsonPath("$.errors[0].message").value(field.getValue()))
                    .andExpect(jsonPath("$.detail").value("'" + field.getKey() + "' " + field.getValue()));
        }
    }

    @Test
    void descriptions_may_have_several_lines() throws Exception {
        AdminApi api = api();
        Map<String, Object> body = AdminApi.conference(AdminApi.uniqueSlug(), AdminApi.uniqueEmail());
        body.put("description", "Day one:\r\n\tcommands\nDay two:\n\tqueries");
        Owner created = api.create(body);
        api.perform(get(created.path()).with(as(created)))
                .andExpect(jsonPath("$.description").value("Day one:\r\n\tcommands\nDay two:\n\tqueries"));
        Map<String, Object> seat = AdminApi.seatType("VIP", 5, "500", "EUR");
        seat.put("description", "Front row\nand lunch");
        api.addSeatType(created, seat);
    }

    @Test
    void a_control_character_in_a_query_parameter_is_400_naming_it() throws Exception {
        AdminApi api = api();
        // a URI, not a template: sent as written, %00 and all
        invalid(api.perform(api.withJson(post(URI.create("/api/conferences?note=a%00b")),
                AdminApi.conference(AdminApi.uniqueSlug(), AdminApi.uniqueEmail()))), "note");
        invalid(api.perform(get(URI.create(owner.path() + "/seat-types?x=%1b")).with(as(owner))), "x");
        invalid(api.perform(get(URI.create(owner.path() + "/orders?a%00b=1")).with(as(owner))), "a\\u0000b");
    }

    @Test
    void every_request_body_refuses_control_characters() {
        Set<Class<?>> bodies = new HashSet<>();
        for (HandlerMethod handler : mappings.getHandlerMethods().values()) {
            for (MethodParameter parameter : handler.getMethodParameters()) {
                if (parameter.hasParameterAnnotation(RequestBody.class)) collectRecords(parameter.getParameterType(), bodies);
            }
        }
        assertThat(bodies).contains(ConferenceRequest.class, SeatTypeRequest.class, PriceRequest.class,
                LocateRequest.class);
        assertThat(bodies).allSatisfy(type -> assertThat(type.isAnnotationPresent(SingleLine.class))
                .as(type.getSimpleName() + " is @SingleLine").isTrue());
    }

    private static void collectRecords(Class<?> type, Set<Class<?>> records) {
        if (!type.isRecord() || !records.add(type)) return;
        for (RecordComponent component : type.getRecordComponents()) collectRecords(component.getType(), records);
    }

    @Test
    void an_id_in_the_body_must_be_the_paths() throws Exception {
        AdminApi api = api();
        Map<String, Object> conference = AdminApi.conference(AdminApi.uniqueSlug(), owner.email());
        conference.put("id", UUID.randomUUID().toString());
        invalid(api.perform(api.withJson(put(owner.path()).with(as(owner)), conference)), "id");
        Map<String, Object> seat = AdminApi.seatType("General", 10, "100", "EUR");
        seat.put("id", UUID.randomUUID().toString());
        invalid(api.perform(api.withJson(put(owner.path() + "/seat-types/" + seatType).with(as(owner)), seat)), "id");
    }

    @Test
    void every_broken_rule_is_reported_at_once() throws Exception {
        AdminApi api = api();
        Map<String, Object> body = AdminApi.conference("Bad Slug", "nobody");
        body.remove("name");
        body.put("endDate", "2026-08-01");
        api.perform(api.withJson(post("/api/conferences"), body))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[*].field").value(hasItem("slug")))
                .andExpect(jsonPath("$.errors[*].field").value(hasItem("name")))
                .andExpect(jsonPath("$.errors[*].field").value(hasItem("endDate")))
                .andExpect(jsonPath("$.errors[*].field").value(hasItem("ownerEmail")))
                .andExpect(jsonPath("$.errors.length()").value(4));
    }

    @Test
    void a_body_that_is_not_json_or_missing_is_malformed() throws Exception {
        AdminApi api = api();
        api.perform(post("/api/conferences").contentType(MediaType.APPLICATION_JSON).content("[1, 2"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.type").value("https://seatbooking.dev/problems/malformed-request"));
        api.perform(post(owner.path() + "/seat-types").with(as(owner)).contentType(MediaType.APPLICATION_JSON))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.type").value("https://seatbooking.dev/problems/malformed-request"));
    }

    private static void invalid(ResultActions result, Case rule) throws Exception {
        invalid(result, rule.field(), rule.code());
    }

    private static void invalid(ResultActions result, String field) throws Exception {
        invalid(result, field, VALIDATION_FAILED);
    }

    private static void invalid(ResultActions result, String field, String code) throws Exception {
        result.andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.type").value("https://seatbooking.dev/problems/" + code))
                .andExpect(jsonPath("$.code").value(code))
                .andExpect(jsonPath("$.status").value(400))
                .andExpect(jsonPath("$.errors[*].field").value(hasItem(field)))
                .andExpect(jsonPath("$.errors[0].message").isNotEmpty());
    }
}

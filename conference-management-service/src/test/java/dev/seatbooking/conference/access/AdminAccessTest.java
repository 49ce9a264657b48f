package dev.seatbooking.conference.access;

import dev.seatbooking.conference.support.AdminApi.Owner;
import dev.seatbooking.conference.support.AdminApi;
import dev.seatbooking.conference.support.IntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Stream;

import static dev.seatbooking.conference.support.AdminApi.as;
import static dev.seatbooking.conference.support.AdminApi.basic;
import static dev.seatbooking.conference.support.AdminApi.from;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.startsWith;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.request;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Every admin endpoint refuses a request without the conference's owner credentials: none (401), a wrong code
 * (401), the owner's code with another email (401), another owner's valid credentials (403); and refuses them the
 * same way for a conference that does not exist, so the answers tell nothing about other conferences. Nothing is
 * read or changed by a refused request.
 */
class AdminAccessTest extends IntegrationTest {

    /** An admin endpoint: method, path under the conference, and a valid body if it takes one. */
    record Endpoint(HttpMethod method, String path, Map<String, Object> body) {
        @Override
        public String toString() {
            return method + " /api/conferences/{conferenceId}" + path;
        }

        String pattern() {
            return toString();
        }
    }

    static List<Endpoint> endpoints() {
        Map<String, Object> conference = AdminApi.conference("refused-" + UUID.randomUUID().toString().substring(0, 8),
                "intruder@example.org");
        Map<String, Object> seatType = AdminApi.seatType("Intruder", 1, "0", "EUR");
        Map<String, Object> code = AdminApi.percentCode("INTRUDER", 50);
        Map<String, Object> codeTerms = AdminApi.percentCode(null, 60);
        codeTerms.remove("code");
        return List.of(
                new Endpoint(HttpMethod.GET, "", null),
                new Endpoint(HttpMethod.PUT, "", conference),
                new Endpoint(HttpMethod.POST, "/publish", null),
                new Endpoint(HttpMethod.POST, "/unpublish", null),
                new Endpoint(HttpMethod.GET, "/seat-types", null),
                new Endpoint(HttpMethod.POST, "/seat-types", seatType),
                new Endpoint(HttpMethod.GET, "/seat-types/{seatTypeId}", null),
                new Endpoint(HttpMethod.PUT, "/seat-types/{seatTypeId}", seatType),
                new Endpoint(HttpMethod.DELETE, "/seat-types/{seatTypeId}", null),
                new Endpoint(HttpMethod.GET, "/orders", null),
                new Endpoint(HttpMethod.POST, "/orders/{orderId}/cancel", null),
                new Endpoint(HttpMethod.GET, "/attendees", null),
                new Endpoint(HttpMethod.GET, "/refunds", null),
                new Endpoint(HttpMethod.GET, "/waitlist", null),
                new Endpoint(HttpMethod.GET, "/dashboard", null),
                new Endpoint(HttpMethod.GET, "/exports/attendees.csv", null),
                new Endpoint(HttpMethod.GET, "/exports/orders.csv", null),
                new Endpoint(HttpMethod.GET, "/promotional-codes", null),
                new Endpoint(HttpMethod.POST, "/promotional-codes", code),
                new Endpoint(HttpMethod.GET, "/promotional-codes/{codeId}", null),
                new Endpoint(HttpMethod.PUT, "/promotional-codes/{codeId}", codeTerms),
                new Endpoint(HttpMethod.POST, "/promotional-codes/{codeId}/disable", null),
                new Endpoint(HttpMethod.POST, "/promotional-codes/{codeId}/enable", null));
    }

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;

    private Owner target;
    private UUID seatType;
    private UUID code;
    private Owner other;
    /** A confirmed order of the target conference, as registration's events would have listed it. */
    private final UUID order = UUID.randomUUID();

    @Autowired
    org.springframework.jdbc.core.JdbcTemplate jdbc;

    @BeforeEach
    void conferences() throws Exception {
        AdminApi api = api();
        target = api.createConference();
        seatType = api.addSeatType(target, AdminApi.seatType("General", 10, "100", "EUR"));
        code = api.createCode(target, AdminApi.percentCode("TARGET-10", 10));
        other = api.createConference();
        jdbc.update("INSERT INTO orders (order_id, conference_id, status, updated_at) VALUES (?, ?, 'CONFIRMED', now())",
                order, target.conferenceId());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("endpoints")
    void without_credentials_is_401_with_a_basic_challenge(Endpoint endpoint) throws Exception {
        refused(endpoint, target.conferenceId(), null, 401)
                .andExpect(header().string("WWW-Authenticate", startsWith("Basic realm=")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("endpoints")
    void with_a_wrong_access_code_is_401(Endpoint endpoint) throws Exception {
        refused(endpoint, target.conferenceId(), basic(target.email(), AccessCodeTestData.wrongCode(target.accessCode())), 401);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("endpoints")
    void with_the_owners_email_but_another_conferences_code_is_401(Endpoint endpoint) throws Exception {
        refused(endpoint, target.conferenceId(), basic(target.email(), other.accessCode()), 401);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("endpoints")
    void with_the_code_but_another_email_is_401(Endpoint endpoint) throws Exception {
        refused(endpoint, target.conferenceId(), basic(other.email(), target.accessCode()), 401);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("endpoints")
    void with_another_owners_credentials_is_403(Endpoint endpoint) throws Exception {
        refused(endpoint, target.conferenceId(), as(other), 403);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("endpoints")
    void a_conference_that_does_not_exist_is_refused_like_one_that_does(Endpoint endpoint) throws Exception {
        UUID unknown = UUID.randomUUID();
        refused(endpoint, unknown, null, 401);
        refused(endpoint, unknown, basic(target.email(), AccessCodeTestData.wrongCode(target.accessCode())), 401);
        refused(endpoint, unknown, as(other), 403);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("endpoints")
    void the_owner_gets_through(Endpoint endpoint) throws Exception {
        // Each case has a fixture of its own (a new conference with one seat type, not published), so the calls
        // that change it (adding a seat type, deleting the one it has) are asserted too.
        int status = api().perform(requestTo(endpoint, target.conferenceId(), as(target))).andReturn().getResponse().getStatus();
        assertThat(status).isBetween(200, 299);
    }

    @Test
    void every_endpoint_under_a_conference_is_owner_only_and_covered_here() {
        Set<String> mapped = new HashSet<>();
        for (Map.Entry<RequestMappingInfo, HandlerMethod> entry : mappings.getHandlerMethods().entrySet()) {
            for (String pattern : entry.getKey().getPatternValues()) {
                if (!pattern.startsWith("/api/conferences/{conferenceId}")) continue;
                assertThat(entry.getValue().hasMethodAnnotation(OwnerOnly.class)
                        || AnnotatedElementUtils.hasAnnotation(entry.getValue().getBeanType(), OwnerOnly.class))
                        .as(pattern + " is @OwnerOnly").isTrue();
                entry.getKey().getMethodsCondition().getMethods()
                        .forEach(method -> mapped.add(method + " " + pattern));
            }
        }
        assertThat(mapped).containsExactlyInAnyOrderElementsOf(endpoints().stream().map(Endpoint::pattern).toList());
    }

    @Test
    void the_owner_locates_the_conference_with_email_and_access_code() throws Exception {
        AdminApi api = api();
        api.perform(api.withJson(post("/api/conferences/locate"),
                        Map.of("email", target.email().toUpperCase(), "accessCode", target.accessCode().toLowerCase())))
                .andExpect(status().isOk())
                .andExpect(header().string("Location", target.path()))
                .andExpect(jsonPath("$.id").value(target.conferenceId().toString()))
                .andExpect(jsonPath("$.seatTypes[0].name").value("General"));
        api.perform(api.withJson(post("/api/conferences/locate"),
                        Map.of("email", target.email(), "accessCode", other.accessCode())))
                .andExpect(status().isUnauthorized())
                .andExpect(jsonPath("$.type").value("https://seatbooking.dev/problems/unauthorized"))
                .andExpect(jsonPath("$.id").doesNotExist());
        api.perform(api.withJson(post("/api/conferences/locate"), Map.of("email", target.email())))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("accessCode"));
        api.perform(api.withJson(post("/api/conferences/locate"),
                        Map.of("email", target.email(), "accessCode", target.accessCode(), "remember", true)))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.type").value("https://seatbooking.dev/problems/malformed-request"))
                .andExpect(jsonPath("$.errors[0].field").value("remember"));
    }

    @Test
    void after_a_few_failures_a_client_waits_before_trying_that_email_again_even_with_the_right_code() throws Exception {
        AdminApi api = api();
        String attacker = AdminApi.newClientAddress();
        String wrong = AccessCodeTestData.wrongCode(target.accessCode());
        for (int attempt = 0; attempt < 3; attempt++) {
            api.perform(get(target.path()).with(basic(target.email(), wrong)).with(from(attacker)))
                    .andExpect(status().isUnauthorized());
        }

        MvcResult right = api.perform(get(target.path()).with(as(target)).with(from(attacker)))
                .andExpect(status().isTooManyRequests())
                .andExpect(header().exists("Retry-After"))
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.type").value("https://seatbooking.dev/problems/too-many-requests"))
                .andExpect(jsonPath("$.code").value("too-many-requests"))
                .andReturn();
        MvcResult wrongAgain = api.perform(get(target.path()).with(basic(target.email(), wrong)).with(from(attacker)))
                .andExpect(status().isTooManyRequests())
                .andReturn();
        assertThat(wrongAgain.getResponse().getContentAsString())
                .as("right and wrong credentials get the same refusal: no oracle")
                .isEqualTo(right.getResponse().getContentAsString());
        assertThat(Integer.parseInt(wrongAgain.getResponse().getHeader("Retry-After"))).isBetween(1, 60);
        api.perform(api.withJson(post("/api/conferences/locate"),
                        Map.of("email", target.email(), "accessCode", target.accessCode())).with(from(attacker)))
                .andExpect(status().isTooManyRequests());
        // the owner, from another address, is not affected
        api.perform(get(target.path()).with(as(target))).andExpect(status().isOk());
    }

    @Test
    void a_conference_id_that_is_no_uuid_is_400_before_the_credentials_and_no_failed_sign_in() throws Exception {
        AdminApi api = api();
        String owners = AdminApi.newClientAddress();
        for (String id : List.of("not-a-uuid", "0x0", "-1", "1.5", "00000000-0000-0000-0000-00000000000g", "x".repeat(300))) {
            for (RequestPostProcessor credentials : List.of(as(target), basic(target.email(), "wrong"))) {
                api.perform(get("/api/conferences/" + id + "/seat-types").with(credentials).with(from(owners)))
                        .andExpect(status().isBadRequest())
                        .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                        .andExpect(jsonPath("$.type").value("https://seatbooking.dev/problems/malformed-request"))
                        .andExpect(jsonPath("$.errors[0].field").value("conferenceId"));
            }
        }
        // a dozen mistyped links counted no failure: the owner's client is not held back
        api.perform(get(target.path()).with(as(target)).with(from(owners))).andExpect(status().isOk());
    }

    @Test
    void failed_locates_count_towards_the_throttle_too() throws Exception {
        AdminApi api = api();
        String guesser = AdminApi.newClientAddress();
        for (int attempt = 0; attempt < 3; attempt++) {
            api.perform(api.withJson(post("/api/conferences/locate"),
                            Map.of("email", target.email(), "accessCode", AccessCodeTestData.randomCode()))
                            .with(from(guesser)))
                    .andExpect(status().isUnauthorized());
        }
        api.perform(get(target.path()).with(as(target)).with(from(guesser)))
                .andExpect(status().isTooManyRequests());
    }

    @Test
    void attackers_hammering_the_owners_email_do_not_lock_the_owner_out() throws Exception {
        AdminApi api = api();
        String wrong = AccessCodeTestData.wrongCode(target.accessCode());
        String attacker = AdminApi.newClientAddress();
        for (int attempt = 0; attempt < 50; attempt++) {
            int status = api.perform(get(target.path()).with(basic(target.email(), wrong)).with(from(attacker)))
                    .andReturn().getResponse().getStatus();
            assertThat(status).isIn(401, 429);
        }
        // and a crowd of other addresses, each failing until it is held back, empties the owner's overall rate
        for (int address = 0; address < 30; address++) {
            String another = AdminApi.newClientAddress();
            for (int attempt = 0; attempt < 4; attempt++) {
                api.perform(api.withJson(post("/api/conferences/locate"),
                        Map.of("email", target.email(), "accessCode", wrong)).with(from(another)));
            }
        }
        api.perform(get(target.path()).with(basic(target.email(), wrong)).with(from(attacker)))
                .andExpect(status().isTooManyRequests());

        // the owner, from an address that has not failed, gets in at once
        api.perform(get(target.path()).with(as(target)).with(from(AdminApi.newClientAddress())))
                .andExpect(status().isOk());
        api.perform(api.withJson(post("/api/conferences/locate"),
                        Map.of("email", target.email(), "accessCode", target.accessCode()))
                        .with(from(AdminApi.newClientAddress())))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.id").value(target.conferenceId().toString()));
    }

    @Test
    void an_email_with_a_control_character_is_not_trimmed_into_the_owners() throws Exception {
        AdminApi api = api();
        for (String email : List.of(target.email() + "\u0000", "\u0000" + target.email(), target.email() + "\t",
                target.email() + "\u007f")) {
            api.perform(get(target.path()).with(basic(email, target.accessCode())))
                    .andExpect(status().isUnauthorized())
                    .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                    .andExpect(jsonPath("$.type").value("https://seatbooking.dev/problems/unauthorized"));
        }
        api.perform(get(target.path()).with(basic(target.email(), target.accessCode() + "\u0000")))
                .andExpect(status().isUnauthorized());
    }

    @Test
    void a_locate_with_a_control_character_is_400_naming_the_field() throws Exception {
        AdminApi api = api();
        api.perform(api.withJson(post("/api/conferences/locate"),
                        Map.of("email", target.email() + "\u0000", "accessCode", target.accessCode())))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.type").value("https://seatbooking.dev/problems/validation-failed"))
                .andExpect(jsonPath("$.errors[0].field").value("email"));
        api.perform(api.withJson(post("/api/conferences/locate"),
                        Map.of("email", target.email(), "accessCode", target.accessCode() + "\u001f")))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("accessCode"));
    }

    @Test
    void unreadable_basic_credentials_are_401() throws Exception {
        AdminApi api = api();
        for (String header : List.of("Basic %%%", "Basic " + java.util.Base64.getEncoder().encodeToString("no-colon".getBytes()),
                "Bearer " + target.accessCode())) {
            api.perform(get(target.path()).header("Authorization", header))
                    .andExpect(status().isUnauthorized());
        }
    }

    private org.springframework.test.web.servlet.ResultActions refused(Endpoint endpoint, UUID conferenceId,
                                                                       RequestPostProcessor credentials,
                                                                       int expectedStatus) throws Exception {
        AdminApi api = api();
        var before = state();
        var result = api.perform(requestTo(endpoint, conferenceId, credentials))
                .andExpect(status().is(expectedStatus))
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
        MvcResult answer = result.andReturn();
        // "instance" repeats the path the client sent; nothing else may name anything
        var problem = (tools.jackson.databind.node.ObjectNode) json.readTree(answer.getResponse().getContentAsString());
        assertThat(problem.remove("instance")).isNotNull();
        String body = problem.toString();
        assertThat(body).doesNotContain(target.conferenceId().toString(), other.conferenceId().toString(),
                target.email(), other.email(), "CQRS Summit", seatType.toString(), code.toString(), "TARGET-10");
        assertThat(state()).as("nothing changed").isEqualTo(before);
        return result;
    }

    private MockHttpServletRequestBuilder requestTo(Endpoint endpoint, UUID conferenceId, RequestPostProcessor credentials) {
        MockHttpServletRequestBuilder request = request(endpoint.method(),
                "/api/conferences/" + conferenceId + endpoint.path()
                .replace("{seatTypeId}", seatType.toString()).replace("{codeId}", code.toString())
                .replace("{orderId}", order.toString()));
        if (endpoint.body() != null) request = api().withJson(request, endpoint.body());
        if (credentials != null) request = request.with(credentials);
        return request;
    }

    /** What the owner sees of the target conference. */
    private String state() throws Exception {
        AdminApi api = api();
        Function<String, String> read = path -> {
            try {
                return api.perform(get(target.path() + path).with(as(target))).andReturn().getResponse().getContentAsString();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        };
        return Stream.of("", "/orders", "/refunds", "/attendees", "/promotional-codes", "/waitlist").map(read).reduce("", String::concat);
    }
}

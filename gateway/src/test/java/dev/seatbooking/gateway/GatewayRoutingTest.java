package dev.seatbooking.gateway;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import static dev.seatbooking.gateway.GatewayClient.problem;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The gateway in front of a real HTTP stub service ({@link StubService}): what it forwards, what it answers itself,
 * and what it refuses to forward.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class GatewayRoutingTest {

    static final String TOKEN = "test-gateway-token";
    static final StubService service = StubService.started();
    static final Map<CutOffService.Failure, CutOffService> cutOff = cutOff();

    @DynamicPropertySource
    static void routes(DynamicPropertyRegistry registry) throws IOException {
        for (String route : new String[]{"management", "registration", "payments", "read"}) {
            registry.add("gateway.routes." + route, () -> service.url().toString());
        }
        registry.add("gateway.routes.down", StubService.nothingListening()::toString);
        cutOff.forEach((failure, service) -> registry.add("gateway.routes." + failure.name().toLowerCase(Locale.ROOT),
                () -> service.url().toString()));
        registry.add("gateway.timeout", () -> "3s");
        registry.add("seatbooking.gateway.token", () -> TOKEN);
    }

    @LocalServerPort
    int port;
    GatewayClient gateway;

    @BeforeEach
    void client() {
        gateway = new GatewayClient(port);
        service.forget();
    }

    @AfterAll
    static void stop() throws IOException {
        service.close();
        for (CutOffService failing : cutOff.values()) failing.close();
    }

    @Test
    void each_prefix_is_forwarded_to_its_service_under_api_with_query_and_body() {
        HttpResponse<String> answer = gateway.send("POST", "/api/registration/conferences/c1/orders?a=1&b=x%20y&c=%2B",
                "{\"seats\":[]}", "Content-Type", "application/json", "Order-Access-Code", "code-1");

        assertThat(answer.statusCode()).isEqualTo(200);
        StubService.Seen seen = service.last();
        assertThat(seen.method()).isEqualTo("POST");
        assertThat(seen.rawPath()).isEqualTo("/api/conferences/c1/orders");
        assertThat(seen.rawQuery()).isEqualTo("a=1&b=x%20y&c=%2B");
        assertThat(seen.body()).isEqualTo("{\"seats\":[]}");
        assertThat(seen.header("Order-Access-Code")).isEqualTo("code-1");
        assertThat(seen.header("Content-Type")).startsWith("application/json");
    }

    @Test
    void the_service_path_keeps_its_escapes_and_trailing_slash() {
        String[][] cases = {
                {"/api/read/conferences/dev%20days/", "/api/conferences/dev%20days/"},
                {"/api/read/conferences/caf%C3%A9", "/api/conferences/caf%C3%A9"},
                {"/api/read", "/api"},
        };
        for (String[] forwarded : cases) {
            gateway.get(forwarded[0]);
            assertThat(service.last().rawPath()).as(forwarded[0]).isEqualTo(forwarded[1]);
        }
    }

    /**
     * A service's "come back later" is the client's to see, at once: the forwarding client does not wait out the
     * {@code Retry-After} and ask again (Apache HttpClient's default for a request it deems idempotent).
     */
    @Test
    void an_answer_to_come_back_later_is_passed_on_at_once_and_the_service_asked_once() {
        String[][] cases = {{"DELETE", "/api/registration/busy", "429"}, {"GET", "/api/read/unavailable", "503"}};
        for (String[] sent : cases) {
            int before = service.requests();
            HttpResponse<String> answer = gateway.send(sent[0], sent[1], null);

            assertThat(answer.statusCode()).as(sent[1]).isEqualTo(Integer.parseInt(sent[2]));
            assertThat(answer.headers().firstValue("Retry-After")).as(sent[1]).hasValue("60");
            assertThat(service.requests() - before).as(sent[1]).isEqualTo(1);
        }
    }

    @Test
    void the_payment_processor_page_is_forwarded_as_it_is() {
        assertThat(gateway.get("/payment-processor/p1").statusCode()).isEqualTo(200);
        assertThat(service.last().rawPath()).isEqualTo("/payment-processor/p1");
    }

    @Test
    void the_processor_pages_form_is_forwarded_as_the_browser_sent_it() {
        HttpResponse<String> answer = gateway.send("POST", "/payment-processor/p1/accept?from=page",
                "returnUrl=%2F%23%2Forders%2Fo1&accept=", "Content-Type", "application/x-www-form-urlencoded");

        assertThat(answer.statusCode()).isEqualTo(200);
        StubService.Seen seen = service.last();
        assertThat(seen.rawPath()).isEqualTo("/payment-processor/p1/accept");
        assertThat(seen.rawQuery()).isEqualTo("from=page");
        // Spring Cloud Gateway writes a form anew from the parsed parameters (Tomcat has read the body by then)
        assertThat(Arrays.stream(seen.body().split("&")).filter(field -> !field.isEmpty()))
                .containsExactly("returnUrl=%2F%23%2Forders%2Fo1", "accept=");
    }

    @Test
    void a_location_naming_a_service_path_is_the_gateways_and_www_authenticate_is_dropped() {
        HttpResponse<String> created = gateway.send("POST", "/api/management/created", "{}");
        assertThat(created.statusCode()).isEqualTo(201);
        assertThat(created.headers().firstValue("Location")).hasValue("/api/management/things/1");

        HttpResponse<String> unauthorized = gateway.get("/api/management/secret");
        assertThat(unauthorized.statusCode()).isEqualTo(401);
        assertThat(unauthorized.headers().firstValue("WWW-Authenticate")).isEmpty();
        assertThat(unauthorized.body()).contains("unauthorized");
    }

    @Test
    void what_the_client_says_about_forwarding_is_replaced_by_what_the_gateway_knows() {
        gateway.get("/api/read/conferences",
                "X-Forwarded-For", "6.6.6.6", "X-Forwarded-Host", "evil.example", "X-Forwarded-Proto", "https",
                "Forwarded", "for=1.2.3.4", "X-Real-IP", "1.1.1.1", "Gateway-Token", "forged");

        StubService.Seen seen = service.last();
        assertThat(seen.header("X-Forwarded-For")).isEqualTo("127.0.0.1");
        assertThat(seen.header("Gateway-Token")).isEqualTo(TOKEN);
        assertThat(seen.headers()).doesNotContainKeys("x-forwarded-host", "x-forwarded-proto", "forwarded",
                "x-real-ip");
    }

    @Test
    void a_correlation_id_that_is_a_uuid_is_forwarded_and_any_other_is_replaced_by_a_new_one() {
        UUID given = UUID.randomUUID();
        gateway.get("/api/read/conferences", "Correlation-Id", given.toString());
        assertThat(service.last().header("Correlation-Id")).isEqualTo(given.toString());

        HttpResponse<String> answer = gateway.get("/api/read/conferences", "Correlation-Id", "not-a-uuid");
        assertThat(answer.statusCode()).isEqualTo(200);
        String replaced = service.last().header("Correlation-Id");
        assertThat(replaced).isNotEqualTo("not-a-uuid");
        assertThat(UUID.fromString(replaced)).isNotNull();

        gateway.get("/api/read/conferences");
        assertThat(UUID.fromString(service.last().header("Correlation-Id"))).isNotNull();
    }

    @Test
    void the_services_operations_endpoints_are_not_routed() {
        int before = service.requests();
        for (String path : new String[]{"/api/read/admin/projections/orders/rebuild", "/api/read/actuator/prometheus",
                "/api/payments/actuator", "/api/read/%61dmin/projections/orders/rebuild", "/api/read/ADMIN/projections"}) {
            problem(gateway.send("POST", path, ""), 404, "not-found");
            problem(gateway.get(path), 404, "not-found");
        }
        // an empty segment is refused before routing (Spring Security's firewall): a malformed request
        problem(gateway.send("POST", "/api/read//admin/projections/orders/rebuild", ""), 400, "malformed-request");
        assertThat(service.requests() - before).as("requests that reached the service").isZero();
    }

    @Test
    void a_path_that_could_name_something_else_once_normalised_is_refused() {
        for (String path : new String[]{"/api/read/%2e%2e/actuator/prometheus", "/api/read/./admin/x",
                "/api/read/admin;x=1/projections", "/payment-processor/%2E%2E/actuator/prometheus",
                "/payment-processor/p1/..;/..;/actuator", "/api/read/a%0Ab"}) {
            assertThat(gateway.get(path).statusCode()).as(path).isIn(400, 404);
        }
        problem(gateway.get("/api/read/%2e%2e/actuator/prometheus"), 400, "malformed-request");
        problem(gateway.get("/api/read/admin;x=1/projections"), 400, "malformed-request");
        assertThat(service.last()).as("the request that reached the service").isNull();
    }

    @Test
    void a_malformed_percent_escape_in_the_query_is_a_malformed_request_not_a_500() {
        problem(gateway.raw("/api/read/conferences?x=%zz"), 400, "malformed-request");
        problem(gateway.raw("/api/read/conferences?x=%"), 400, "malformed-request");
        problem(gateway.raw("/api/read/conferences?x=%4"), 400, "malformed-request");
        problem(gateway.raw("/payment-processor/p1?returnUrl=%zz"), 400, "malformed-request");
        assertThat(service.last()).isNull();
    }

    @Test
    void a_query_that_is_not_utf8_is_a_malformed_request_not_a_500() {
        problem(gateway.get("/api/read/conferences?x=%ff%fe"), 400, "malformed-request");
        assertThat(service.last()).isNull();
    }

    @Test
    void an_unknown_api_is_a_not_found_problem_that_is_valid_json_whatever_the_path() {
        JsonNode noRoute = problem(gateway.get("/api/nothing/here"), 404, "not-found");
        assertThat(noRoute.get("detail").asString()).contains("not a route");
        problem(gateway.get("/api/nothing/here", "Accept", "text/html"), 404, "not-found");

        JsonNode odd = problem(gateway.get("/api/a%22b%27c%7Bd/x"), 404, "not-found");
        assertThat(odd.get("detail").asString()).contains("a\"b'c{d");
        // a tab or a line break in the path is refused before routing (Spring Security's firewall), as valid JSON
        problem(gateway.get("/api/a%09b%0Ac/x"), 400, "malformed-request");
        problem(gateway.get("/api/"), 404, "not-found");
        problem(gateway.get("/api"), 404, "not-found");
    }

    @Test
    void an_unknown_static_file_is_a_not_found_problem_and_a_wrong_method_a_method_not_allowed_problem() {
        problem(gateway.get("/nothing-here.js"), 404, "not-found");
        problem(gateway.get("/nothing-here.html", "Accept", "text/html,application/xhtml+xml,*/*;q=0.8"), 404,
                "not-found");
        problem(gateway.get("/actuator/nothing"), 401, "unauthorized"); // the gateway's own ops endpoints
        problem(gateway.get("/nothing-here.js", "Accept", "application/xml"), 404, "not-found");
        problem(gateway.send("DELETE", "/index.html", null), 405, "method-not-allowed");
        assertThat(gateway.get("/").statusCode()).isEqualTo(200);
        assertThat(gateway.get("/actuator/health").body()).contains("\"status\":\"UP\"");
    }

    @Test
    void a_service_that_is_not_running_is_a_bad_gateway_problem() {
        JsonNode down = problem(gateway.get("/api/down/anything"), 502, "bad-gateway");
        assertThat(down.get("detail").asString()).contains("down");
    }

    /** Seen in the fault suite: registration killed while the gateway copied an answer's body, which was a 500. */
    @ParameterizedTest
    @ValueSource(strings = {"close", "reset"})
    void a_service_that_dies_in_the_middle_of_its_answer_is_a_bad_gateway_problem(String route) {
        JsonNode cutOff = problem(gateway.get("/api/" + route + "/orders/1"), 502, "bad-gateway");
        assertThat(cutOff.get("detail").asString()).contains("in the middle of its answer");
    }

    @Test
    void a_service_that_stops_sending_in_the_middle_of_its_answer_is_a_gateway_timeout_problem() {
        JsonNode stalled = problem(gateway.get("/api/stall/orders/1"), 504, "gateway-timeout");
        assertThat(stalled.get("detail").asString()).contains("stopped sending");
    }

    @Test
    void a_service_that_does_not_answer_in_time_is_a_gateway_timeout_problem() {
        try {
            problem(gateway.get("/api/read/slow"), 504, "gateway-timeout");
        } finally {
            service.release();
        }
    }

    private static Map<CutOffService.Failure, CutOffService> cutOff() {
        Map<CutOffService.Failure, CutOffService> services = new EnumMap<>(CutOffService.Failure.class);
        try {
            for (CutOffService.Failure failure : CutOffService.Failure.values()) {
                services.put(failure, new CutOffService(failure));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return services;
    }
}

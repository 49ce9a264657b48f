package dev.seatbooking.web;

import dev.seatbooking.web.fixture.EdgeTestApplication;
import dev.seatbooking.web.fixture.RawHttp;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.security.web.FilterChainProxy;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

@SpringBootTest(classes = EdgeTestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"seatbooking.gateway.token=gateway-secret", "seatbooking.ops.password=ops-secret",
                "management.endpoints.web.exposure.include=health,metrics"})
class WebEdgeTest {

    private static final JsonMapper JSON = JsonMapper.shared();
    private final HttpClient http = HttpClient.newHttpClient();

    @LocalServerPort
    int port;

    @Autowired
    FilterChainProxy securityFilters;

    // --- JSON bodies are read strictly ---

    @Test
    void a_valid_body_is_accepted() throws Exception {
        Answer answer = post("/api/bookings", """
                {"name":"Ada","day":"2027-03-01","amount":12.50,"lines":[{"seatType":"full","quantity":2}]}""");
        assertThat(answer.status).isEqualTo(200);
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "{\"name\":\"Ada\",\"nmae\":\"typo\"}",
            "{\"name\":\"Ada\",\"lines\":[{\"seatType\":\"full\",\"quantity\":1.5}]}",
            "{\"name\":\"Ada\",\"lines\":[{\"seatType\":\"full\",\"quantity\":\"2\"}]}",
            "{\"name\":\"Ada\",\"lines\":[{\"seatType\":\"full\",\"quantity\":2147483648}]}",
            "{\"name\":\"Ada\",\"lines\":[{\"seatType\":\"full\",\"quantity\":null}]}",
            "{\"name\":\"Ada\",\"day\":\"0000-01-01\"}",
            "{\"name\":\"Ada\",\"day\":\"-0001-01-01\"}",
            "{\"name\":\"Ada\",\"day\":\"+100000-01-01\"}",
            "{\"name\":\"Ada\",\"day\":20000}",
            "{\"name\":\"Ada\",\"day\":\"2027-03-01T10:00\"}",
            "{\"name\":\"Ada\",\"day\":\"2027-02-30\"}",
            "{\"name\":\"Ada\",\"amount\":1e999999999}",
            "{\"name\":\"Ada\",\"amount\":\"12,5\"}",
            "{\"name\":12}",
            "{\"name\":\"A\\u0000da\"}",
            "{\"name\":\"A\\u001bda\"}",
            "{\"name\":\"Ada\",\"name\":\"Bob\"}",
            "{\"name\":\"Ada\",\"venueId\":\"AAAAAAAAAAAAAAAAAAAAAA==\"}",
            "{\"name\":\"Ada\",\"venueId\":\" 3f2c1b9e-8a4d-4c6e-9f0a-1b2c3d4e5f60\"}",
            "{\"name\":\"Ada\",\"venueId\":\"\"}",
    })
    void badFieldsAreAValidationProblemNamingTheField(String body) throws Exception {
        Answer answer = post("/api/bookings", body);
        assertThat(answer.status).as(answer.body).isEqualTo(400);
        assertThat(answer.contentType).startsWith("application/problem+json");
        JsonNode problem = JSON.readTree(answer.body);
        assertThat(problem.path("type").asString()).startsWith("https://seatbooking.dev/problems/");
        assertThat(problem.path("code").asString()).isIn("validation-failed", "malformed-request");
        assertThat(problem.path("status").asInt()).isEqualTo(400);
        assertThat(answer.body).doesNotContain("dev.seatbooking", "java.", "tools.jackson", "\\u0000");
    }

    @Test
    void the_field_of_a_control_character_is_named() throws Exception {
        JsonNode problem = JSON.readTree(post("/api/bookings",
                "{\"name\":\"Ada\",\"lines\":[{\"seatType\":\"fu\\u0000ll\",\"quantity\":1}]}").body);
        assertThat(problem.path("code").asString()).isEqualTo("validation-failed");
        assertThat(problem.path("errors").get(0).path("field").asString()).isEqualTo("lines[0].seatType");
        assertThat(problem.path("errors").get(0).path("message").asString()).contains("control characters");
    }

    @Test
    void an_unknown_field_is_named() throws Exception {
        JsonNode problem = JSON.readTree(post("/api/bookings", "{\"name\":\"Ada\",\"nmae\":\"x\"}").body);
        assertThat(problem.path("errors").get(0).path("field").asString()).isEqualTo("nmae");
        assertThat(problem.path("errors").get(0).path("message").asString()).isEqualTo("is not a field of this request");
    }

    @Test
    void not_json_is_malformed() throws Exception {
        Answer answer = post("/api/bookings", "{\"name\":");
        assertThat(answer.status).isEqualTo(400);
        assertThat(JSON.readTree(answer.body).path("code").asString()).isEqualTo("malformed-request");
    }

    // --- query strings and parameters ---

    @ParameterizedTest
    @ValueSource(strings = {"?q=%zz", "?q=%", "?q=%2", "?q=a%00b", "?q=%1b", "?%00=x"})
    void broken_or_control_query_parameters_are_refused(String query) throws Exception {
        String answer = raw("GET /api/bookings/" + UUID.randomUUID() + query
                + " HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n");
        assertThat(RawHttp.status(answer)).as(answer).isEqualTo(400);
        assertThat(answer).containsIgnoringCase("Content-Type: application/problem+json");
    }

    @Test
    void a_malformed_id_is_a_problem_naming_it() throws Exception {
        Answer answer = get("/api/bookings/not-a-uuid");
        assertThat(answer.status).isEqualTo(400);
        JsonNode problem = JSON.readTree(answer.body);
        assertThat(problem.path("code").asString()).isEqualTo("malformed-request");
        assertThat(problem.path("errors").get(0).path("field").asString()).isEqualTo("id");
    }

    // --- every error of every layer is a problem ---

    @ParameterizedTest
    @ValueSource(strings = {"GET /nothing/here HTTP/1.1", "DELETE /api/whoami HTTP/1.1", "TRACE /api/whoami HTTP/1.1",
            "GET /api/a%2Fb HTTP/1.1", "GET /api/%00 HTTP/1.1", "GET /api/%zz HTTP/1.1", "GET /api/%2 HTTP/1.1",
            "GET /api/..;/whoami HTTP/1.1", "GET /api//whoami HTTP/1.1", "GET /api/%5C HTTP/1.1",
            "GET /error HTTP/1.1", "POST /error HTTP/1.1"})
    void errors_outside_the_controllers_are_problems_too(String requestLine) throws Exception {
        String answer = raw(requestLine + "\r\nHost: localhost\r\nConnection: close\r\n\r\n");
        assertThat(RawHttp.status(answer)).as(answer).isBetween(400, 499);
        assertThat(answer).containsIgnoringCase("Content-Type: application/problem+json");
        assertThat(answer).doesNotContain("<html", "Apache Tomcat", "Whitelabel");
    }

    @Test
    void an_oversized_header_is_a_problem() throws Exception {
        String answer = raw("GET /api/whoami HTTP/1.1\r\nHost: localhost\r\nX-Big: " + "a".repeat(20_000)
                + "\r\nConnection: close\r\n\r\n");
        assertThat(RawHttp.status(answer)).as(answer).isBetween(400, 499);
        assertThat(answer).containsIgnoringCase("Content-Type: application/problem+json");
    }

    @Test
    void an_oversized_request_line_is_a_problem() throws Exception {
        String answer = raw("GET /api/whoami?q=" + "a".repeat(20_000) + " HTTP/1.1\r\nHost: localhost\r\n"
                + "Connection: close\r\n\r\n");
        assertThat(RawHttp.status(answer)).as(answer).isBetween(400, 499);
        assertThat(answer).containsIgnoringCase("Content-Type: application/problem+json");
    }

    @Test
    void an_unexpected_error_tells_nothing_of_the_internals() throws Exception {
        Answer answer = get("/api/boom");
        assertThat(answer.status).isEqualTo(500);
        assertThat(answer.contentType).startsWith("application/problem+json");
        assertThat(answer.body).doesNotContain("secret internals", "IllegalStateException");
    }

    /** The database away or every connection busy: it passes, and the client is told when to come back. */
    @ParameterizedTest
    @ValueSource(strings = {"/api/no-connection", "/api/no-transaction", "/api/connection-lost", "/api/rollback-failed",
            "/api/commit-failed"})
    void no_database_connection_is_a_503_with_retry_after_not_a_500(String path) throws Exception {
        HttpResponse<String> response = http.send(request(path).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(503);
        assertThat(response.headers().firstValue("Retry-After")).contains("5");
        assertThat(response.headers().firstValue("Content-Type")).get().asString().startsWith("application/problem+json");
        assertThat(JSON.readTree(response.body()).path("code").asString()).isEqualTo("service-unavailable");
        assertThat(response.body()).doesNotContain("Hikari", "JDBC");
    }

    @Test
    void a_database_failure_that_waiting_does_not_cure_is_the_500_of_the_unexpected() throws Exception {
        Answer answer = get("/api/program-limit");
        assertThat(answer.status).isEqualTo(500);
        assertThat(answer.body).doesNotContain("index row", "PreparedStatementCallback");

        Answer refused = get("/api/commit-refused");
        assertThat(refused.status).isEqualTo(500);
        assertThat(refused.body).doesNotContain("deferred", "JDBC");
    }

    // --- forwarded headers and correlation ids only from the gateway ---

    @Test
    void forwarded_for_and_correlation_id_are_ignored_without_the_gateway_token() throws Exception {
        String correlation = UUID.randomUUID().toString();
        JsonNode me = JSON.readTree(send(request("/api/whoami").header("X-Forwarded-For", "203.0.113.9")
                .header("Correlation-Id", correlation).header("Gateway-Token", "wrong")).body);
        assertThat(me.path("address").asString()).isEqualTo("127.0.0.1");
        assertThat(me.path("forwardedFor").asString()).isEmpty();
        assertThat(me.path("correlationId").asString()).isEmpty();
    }

    @Test
    void the_gateways_forwarded_for_and_correlation_id_are_believed() throws Exception {
        String correlation = UUID.randomUUID().toString();
        JsonNode me = JSON.readTree(send(request("/api/whoami").header("X-Forwarded-For", "203.0.113.9")
                .header("Correlation-Id", correlation).header("Gateway-Token", "gateway-secret")).body);
        assertThat(me.path("address").asString()).isEqualTo("203.0.113.9");
        assertThat(me.path("correlationId").asString()).isEqualTo(correlation);
    }

    @Test
    void a_correlation_id_that_is_not_a_uuid_is_dropped_even_from_the_gateway() throws Exception {
        JsonNode me = JSON.readTree(send(request("/api/whoami").header("Correlation-Id", "<script>")
                .header("Gateway-Token", "gateway-secret")).body);
        assertThat(me.path("correlationId").asString()).isEmpty();
    }

    // --- ops endpoints and security headers ---

    @ParameterizedTest
    @ValueSource(strings = {"/api/admin/things", "/actuator", "/actuator/metrics"})
    void ops_endpoints_need_the_ops_credential(String path) throws Exception {
        Answer anonymous = get(path);
        assertThat(anonymous.status).isEqualTo(401);
        assertThat(anonymous.contentType).startsWith("application/problem+json");
        assertThat(send(request(path).header("Authorization", basic("ops", "wrong"))).status).isEqualTo(401);
        assertThat(send(request(path).header("Authorization", basic("ops", "ops-secret"))).status).isEqualTo(200);
    }

    @Test
    void health_probes_stay_open() throws Exception {
        assertThat(get("/actuator/health/liveness").status).isEqualTo(200);
    }

    @Test
    void every_answer_carries_the_security_headers() throws Exception {
        for (String path : new String[]{"/api/whoami", "/nothing", "/api/boom"}) {
            HttpResponse<String> response = http.send(request(path).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(response.headers().firstValue("Content-Security-Policy")).get().asString()
                    .contains("script-src 'self'", "frame-ancestors 'none'").doesNotContain("unsafe-eval");
            assertThat(response.headers().firstValue("X-Content-Type-Options")).contains("nosniff");
            assertThat(response.headers().firstValue("X-Frame-Options")).contains("DENY");
            assertThat(response.headers().firstValue("Referrer-Policy")).contains("same-origin");
            // none of them says how it may be cached: not stored
            assertThat(response.headers().firstValue("Cache-Control")).get().asString().contains("no-store");
        }
    }

    @Test
    void an_answer_that_says_how_it_may_be_cached_keeps_it_and_its_304_too() throws Exception {
        HttpResponse<String> answer = http.send(request("/api/catalogue").build(), HttpResponse.BodyHandlers.ofString());
        HttpResponse<String> unchanged = http.send(request("/api/catalogue").header("If-None-Match", "\"catalogue-1\"")
                .build(), HttpResponse.BodyHandlers.ofString());

        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(unchanged.statusCode()).isEqualTo(304);
        for (HttpResponse<String> response : List.of(answer, unchanged)) {
            assertThat(response.headers().allValues("Cache-Control")).as("%s", response.statusCode())
                    .containsExactly("max-age=3600, public");
            assertThat(response.headers().firstValue("Pragma")).isEmpty();
            assertThat(response.headers().firstValue("Expires")).isEmpty();
        }
    }

    @Test
    void public_requests_pass_only_the_security_headers_filter() {
        assertThat(securityFilters.getFilters("/api/bookings")).extracting(filter -> filter.getClass().getSimpleName())
                .containsExactly("WebAsyncManagerIntegrationFilter", "HeaderWriterFilter");
        assertThat(securityFilters.getFilters("/actuator/metrics")).extracting(filter -> filter.getClass().getSimpleName())
                .contains("BasicAuthenticationFilter", "AuthorizationFilter");
    }

    @Test
    void public_requests_are_timed_but_not_wrapped_in_spring_securitys_observations() throws Exception {
        Answer answer = get("/api/passed-through");
        assertThat(answer.status).isEqualTo(200);
        assertThat(answer.body).contains("FilterChainProxy", "HeaderWriterFilter", "ServerHttpObservationFilter")
                .doesNotContain("ObservationFilterChainDecorator");
    }

    // --- helpers ---

    private record Answer(int status, String contentType, String body) {
    }

    private HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create("http://localhost:" + port + path));
    }

    private Answer get(String path) throws Exception {
        return send(request(path));
    }

    private Answer post(String path, String json) throws Exception {
        return send(request(path).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)));
    }

    private Answer send(HttpRequest.Builder request) throws Exception {
        HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        return new Answer(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""),
                response.body());
    }

    private static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    private String raw(String request) throws IOException {
        return RawHttp.exchange(port, request);
    }
}

package dev.seatbooking.web;

import dev.seatbooking.web.fixture.EdgeTestApplication;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every check of a presented ops password is a bcrypt (about a tenth of a second of CPU), made before anything else
 * the request meets: a client may present only so many wrong ones (here 3 a minute) before it is held back, its
 * password no longer checked, the right one refused alike. Its own context: the hold is kept per client address, and
 * every test here comes from the same one.
 */
@SpringBootTest(classes = EdgeTestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"seatbooking.ops.password=ops-secret", "seatbooking.ops.sign-in.failures-per-client=3",
                "management.endpoints.web.exposure.include=health,metrics"})
class OpsSignInThrottleTest {

    private static final JsonMapper JSON = JsonMapper.shared();
    private final HttpClient http = HttpClient.newHttpClient();

    @LocalServerPort
    int port;

    @Test
    void a_client_that_keeps_presenting_wrong_ops_credentials_is_held_back_right_or_wrong() throws Exception {
        assertThat(get("/actuator/metrics", basic("ops", "ops-secret")).statusCode()).isEqualTo(200);
        for (int i = 0; i < 5; i++) {
            // No credentials: refused at no cost, not counted.
            assertThat(get("/api/admin/things", null).statusCode()).isEqualTo(401);
        }
        for (String path : new String[]{"/actuator/metrics", "/api/admin/things", "/actuator/metrics"}) {
            assertThat(get(path, basic("ops", "guess-" + path)).statusCode()).as(path).isEqualTo(401);
        }

        for (String credentials : new String[]{basic("ops", "another-guess"), basic("ops", "ops-secret")}) {
            HttpResponse<String> held = get("/actuator/metrics", credentials);
            assertThat(held.statusCode()).isEqualTo(429);
            assertThat(held.headers().firstValue("Retry-After")).get().satisfies(
                    seconds -> assertThat(Long.parseLong(seconds)).isBetween(1L, 60L));
            assertThat(held.headers().firstValue("Content-Type")).get().asString()
                    .startsWith("application/problem+json");
            JsonNode problem = JSON.readTree(held.body());
            assertThat(problem.path("code").asString()).isEqualTo("too-many-requests");
            assertThat(held.body()).doesNotContain("ops-secret", "java.", "dev.seatbooking");
        }
        // What needs no credential is not held back.
        assertThat(get("/actuator/health/liveness", null).statusCode()).isEqualTo(200);
        assertThat(get("/api/whoami", null).statusCode()).isEqualTo(200);
    }

    private HttpResponse<String> get(String path, String authorization) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path));
        if (authorization != null) request.header("Authorization", authorization);
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }
}

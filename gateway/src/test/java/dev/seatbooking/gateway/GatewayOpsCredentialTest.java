package dev.seatbooking.gateway;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

import static dev.seatbooking.gateway.GatewayClient.problem;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The ops credential at the public edge. Spring Security checks it in front of the routes, and with them in front of
 * the client's rate limit, and each check of a presented password is a bcrypt (about a tenth of a second of CPU):
 * made-up Basic credentials on the gateway's ops paths kept a core busy for every ten requests. Only the gateway's
 * own actuator needs it now, and a client presenting wrong ones is held back after a few (here 2); {@code
 * /api/admin/**}, which has no handler in the gateway, goes to the routes: a rate-limited "no such API".
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "gateway.rate-limit.burst=3", "gateway.rate-limit.requests-per-second=1",
        "seatbooking.ops.password=the-real-ops-password", "seatbooking.ops.sign-in.failures-per-client=2"})
class GatewayOpsCredentialTest {

    static final StubService service = StubService.started();

    @DynamicPropertySource
    static void routes(DynamicPropertyRegistry registry) {
        registry.add("gateway.routes.read", () -> service.url().toString());
    }

    @LocalServerPort
    int port;

    @AfterAll
    static void stop() {
        service.close();
    }

    @Test
    void guessing_the_ops_password_on_the_gateways_actuator_is_held_back_before_the_password_is_checked() {
        GatewayClient gateway = new GatewayClient(port);
        for (int i = 0; i < 2; i++) {
            problem(gateway.get("/actuator/prometheus", "Authorization", basic("ops", "guess-" + i)), 401,
                    "unauthorized");
        }
        for (String password : new String[]{"guess-2", "the-real-ops-password"}) {
            HttpResponse<String> held = gateway.get("/actuator/prometheus", "Authorization", basic("ops", password));
            problem(held, 429, "too-many-requests");
            assertThat(held.headers().firstValue("Retry-After")).isPresent();
        }
        assertThat(gateway.get("/actuator/health/liveness").statusCode()).isEqualTo(200);
    }

    @Test
    void api_admin_is_no_api_of_the_gateway_and_counts_against_the_rate_limit_not_the_ops_password() {
        GatewayClient gateway = new GatewayClient(port);
        int notFound = 0;
        HttpResponse<String> limited = null;
        for (int i = 0; i < 20 && limited == null; i++) {
            HttpResponse<String> answer = gateway.get("/api/admin/projections/orders/rebuild",
                    "Authorization", basic("ops", "guess-" + i));
            if (answer.statusCode() == 429) {
                limited = answer;
            } else {
                problem(answer, 404, "not-found");
                notFound++;
            }
        }
        assertThat(notFound).isGreaterThanOrEqualTo(3);
        assertThat(limited).as("a 429 from the rate limit").isNotNull();
        assertThat(service.requests()).as("requests that reached a service").isZero();
    }

    private static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }
}

package dev.seatbooking.gateway;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.net.http.HttpResponse;

import static dev.seatbooking.gateway.GatewayClient.problem;
import static org.assertj.core.api.Assertions.assertThat;

/** The API's rate limit per client address, made tiny here: 3 at once, then one a second. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "gateway.rate-limit.burst=3", "gateway.rate-limit.requests-per-second=1"})
class GatewayRateLimitTest {

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
    void past_its_burst_a_client_gets_a_too_many_requests_problem_with_retry_after_and_the_service_is_not_asked() {
        GatewayClient gateway = new GatewayClient(port);
        // Each request names another client in X-Forwarded-For: made up, so not believed. The bucket refills one a
        // second, so on a slow machine a few more than the burst may pass before one is refused.
        int allowed = 0;
        HttpResponse<String> limited = null;
        for (int i = 0; i < 50 && limited == null; i++) {
            HttpResponse<String> answer = gateway.get("/api/read/conferences", "X-Forwarded-For", "10.0.0." + i);
            if (answer.statusCode() == 429) {
                limited = answer;
            } else {
                assertThat(answer.statusCode()).isEqualTo(200);
                allowed++;
            }
        }
        assertThat(allowed).isGreaterThanOrEqualTo(3);
        assertThat(limited).isNotNull();
        problem(limited, 429, "too-many-requests");
        assertThat(limited.headers().firstValue("Retry-After")).hasValueSatisfying(
                seconds -> assertThat(Integer.parseInt(seconds)).isBetween(1, 2));
        assertThat(service.requests()).as("requests that reached the service").isEqualTo(allowed);

        // the static front end is not limited
        assertThat(gateway.get("/").statusCode()).isEqualTo(200);
    }

    @Test
    void an_ipv6_client_is_counted_by_its_slash64_and_an_ipv4_client_by_its_address() {
        assertThat(ClientRateLimit.clientKey("2001:db8:1:2:aaaa::1"))
                .isEqualTo(ClientRateLimit.clientKey("2001:db8:1:2:bbbb::2"))
                .isNotEqualTo(ClientRateLimit.clientKey("2001:db8:1:3::1"));
        assertThat(ClientRateLimit.clientKey("192.0.2.1")).isEqualTo("192.0.2.1");
    }
}

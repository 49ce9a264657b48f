package dev.seatbooking.gateway;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;

import static dev.seatbooking.gateway.GatewayClient.problem;
import static org.assertj.core.api.Assertions.assertThat;

/** The API's rate limit per client address, made tiny here: 3 at once, then one a second. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "gateway.rate-limit.burst=3", "gateway.rate-limit.requests-per-second=1"})
class GatewayRateLimitTest {

    static final StubService service = start();

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
    void pastItsBurstAClientGetsATooManyRequestsProblemWithRetryAfterAndTheServiceIsNotAsked() {
        GatewayClient gateway = new GatewayClient(port);
        for (int i = 0; i < 3; i++) {
            assertThat(gateway.get("/api/read/conferences", "X-Forwarded-For", "10.0.0." + i).statusCode())
                    .isEqualTo(200);
        }
        // a made-up X-Forwarded-For is not another client
        HttpResponse<String> limited = gateway.get("/api/read/conferences", "X-Forwarded-For", "10.0.0.9");
        problem(limited, 429, "too-many-requests");
        assertThat(limited.headers().firstValue("Retry-After")).hasValueSatisfying(
                seconds -> assertThat(Integer.parseInt(seconds)).isBetween(1, 2));
        assertThat(service.requests()).isEqualTo(3);

        // the static front end is not limited
        assertThat(gateway.get("/").statusCode()).isEqualTo(200);
    }

    private static StubService start() {
        try {
            return new StubService();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

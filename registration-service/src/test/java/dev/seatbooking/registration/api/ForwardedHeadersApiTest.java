package dev.seatbooking.registration.api;

import dev.seatbooking.registration.support.RegistrantClient;
import dev.seatbooking.registration.support.RegistrantClient.Response;
import dev.seatbooking.registration.support.TestService;
import dev.seatbooking.testinfra.TestPostgres;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The service believes no forwarded-for header on its own, wherever it runs (ADR 9: only the gateway's, with its
 * token). Spring Boot believes them by default on a cloud platform it detects (Kubernetes, say), through Tomcat's
 * RemoteIpValve, which trusts any private or loopback peer: the instance here runs as if on Kubernetes. A client that
 * sends made-up X-Forwarded-For headers straight to the service must still be counted as the address it connects
 * from, so rotating them does not escape the per-client throttle.
 */
class ForwardedHeadersApiTest {

    private static final int PER_CLIENT = 3;

    private static TestService service;

    @BeforeAll
    static void start() {
        service = TestService.start(TestPostgres.newDatabase("registration_forwarded"), TestService.newTopicPrefix(),
                Map.of("spring.main.cloud-platform", "kubernetes",
                        "registration.access-throttle.failures-per-order", 100,
                        "registration.access-throttle.failures-per-client", PER_CLIENT));
    }

    @AfterAll
    static void stop() {
        if (service != null) service.close();
    }

    @Test
    void rotating_made_up_forwarded_headers_does_not_escape_the_per_client_throttle() {
        RegistrantClient prober = RegistrantClient.from("127.0.0.20", service.port());
        List<Integer> statuses = new ArrayList<>();
        for (int attempt = 1; attempt <= PER_CLIENT + 2; attempt++) {
            Response guess = prober.send("GET", "/api/orders/" + UUID.randomUUID(), null, Map.of(
                    RegistrantClient.ACCESS_CODE, "WRONGCODE1", "X-Forwarded-For", "203.0.113." + attempt));
            statuses.add(guess.status());
        }
        assertThat(statuses).as("every guess counted against the one client that sent them")
                .containsExactly(404, 404, 404, 429, 429);
    }
}

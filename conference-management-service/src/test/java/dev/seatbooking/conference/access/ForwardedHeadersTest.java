package dev.seatbooking.conference.access;

import dev.seatbooking.conference.support.AdminApi;
import dev.seatbooking.conference.support.AdminApi.Owner;
import dev.seatbooking.conference.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.env.Environment;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The service believes no forwarded-for header: a client sending made-up ones straight to the service is counted
 * as the address it connects from, so rotating them does not escape the sign-in throttle (nor lets anyone name
 * the owner's address to slow it down). Over real HTTP: MockMvc has no Tomcat that could believe the headers.
 */
class ForwardedHeadersTest extends IntegrationTest {

    @LocalServerPort
    int port;

    @Autowired
    Environment environment;

    @Test
    void rotating_made_up_forwarded_headers_does_not_escape_the_throttle() throws Exception {
        Owner owner = api().createConference();
        String wrong = "Basic " + Base64.getEncoder().encodeToString((owner.email() + ":"
                + AccessCodeTestData.wrongCode(owner.accessCode())).getBytes(StandardCharsets.UTF_8));
        List<Integer> statuses = new ArrayList<>();
        try (HttpClient http = HttpClient.newHttpClient()) {
            for (int attempt = 1; attempt <= 5; attempt++) {
                HttpRequest guess = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + owner.path()))
                        .header("Authorization", wrong)
                        .header("X-Forwarded-For", "203.0.113." + attempt)
                        .header("X-Real-IP", "203.0.113." + attempt)
                        .header("Forwarded", "for=198.51.100." + attempt)
                        .GET().build();
                statuses.add(http.send(guess, HttpResponse.BodyHandlers.discarding()).statusCode());
            }
        }
        assertThat(statuses).as("all five guesses counted against one client").containsExactly(401, 401, 401, 429, 429);
    }

    @Test
    void the_service_is_configured_to_believe_no_forwarded_headers() {
        assertThat(environment.getProperty("server.forward-headers-strategy")).isEqualToIgnoringCase("none");
    }
}

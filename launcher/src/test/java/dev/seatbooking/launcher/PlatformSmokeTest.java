package dev.seatbooking.launcher;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The launcher starts everything; the demo conference reaches the read model and is seen through the gateway. */
@ExtendWith(TestPlatform.class)
class PlatformSmokeTest {

    private static final HttpClient http = HttpClient.newHttpClient();
    private static Platform platform;

    @BeforeAll
    static void start() {
        platform = TestPlatform.get();
    }

    @Test
    void the_demo_conference_is_on_the_read_model_through_the_gateway() throws Exception {
        HttpResponse<String> list = get(platform.gatewayUrl() + "/api/read/conferences");
        assertThat(list.statusCode()).isEqualTo(200);
        assertThat(list.body()).contains("\"slug\":\"" + DemoConference.SLUG + "\"");

        HttpResponse<String> page = get(platform.gatewayUrl() + "/api/read/conferences/" + DemoConference.SLUG);
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("Conference pass", "Workshop day", "Community pass", "\"availableQuantity\"");
    }

    @Test
    void the_gateway_routes_each_prefix_to_its_service() throws Exception {
        // Conference Management's admin API wants the owner's credentials: its answer, not the read model's.
        HttpResponse<String> admin = get(platform.gatewayUrl() + "/api/management/conferences/" + DemoConference.ID);
        assertThat(admin.statusCode()).isEqualTo(401);
        assertThat(admin.headers().firstValue("WWW-Authenticate")).isEmpty();

        HttpResponse<String> unknownOrder = get(platform.gatewayUrl() + "/api/payments/orders/" + DemoConference.ID);
        assertThat(unknownOrder.statusCode()).isEqualTo(404);
        assertThat(unknownOrder.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));

        HttpResponse<String> noRoute = get(platform.gatewayUrl() + "/api/nothing/here");
        assertThat(noRoute.statusCode()).isEqualTo(404);
        assertThat(noRoute.body()).contains("not a route");
    }

    @Test
    void the_web_front_end_is_served_and_every_service_is_healthy() throws Exception {
        HttpResponse<String> index = get(platform.gatewayUrl() + "/");
        assertThat(index.statusCode()).isEqualTo(200);
        assertThat(index.body()).contains("<title>");
        for (String service : platform.serviceNames()) {
            HttpResponse<String> health = get(platform.serviceUrl(service) + "/actuator/health");
            assertThat(health.statusCode()).as(service).isEqualTo(200);
            assertThat(health.body()).as(service).contains("\"status\":\"UP\"");
        }
    }

    @Test
    void a_confirmed_order_is_mailed_and_shown_in_the_mailbox() throws Exception {
        UUID orderId = UUID.randomUUID();
        HttpResponse<String> placed = send("POST", "/api/registration/conferences/" + DemoConference.ID + "/orders",
                null, """
                {"orderId":"%s","seats":[{"seatTypeId":"%s","quantity":1}]}"""
                        .formatted(orderId, DemoConference.SEAT_TYPES[2].id())); // the free Community pass
        assertThat(placed.statusCode()).as(placed.body()).isEqualTo(201);
        Matcher code = Pattern.compile("\"accessCode\"\\s*:\\s*\"([^\"]+)\"").matcher(placed.body());
        assertThat(code.find()).as(placed.body()).isTrue();
        String accessCode = code.group(1);
        String email = "smoke-" + orderId + "@example.org";
        assertThat(send("PUT", "/api/registration/orders/" + orderId + "/registrant", accessCode, """
                {"firstName":"Ada","lastName":"Lovelace","email":"%s"}""".formatted(email)).statusCode()).isEqualTo(202);
        // confirmed once its seats are reserved and it is priced (free): asked again until then
        await().atMost(Duration.ofSeconds(60)).until(() -> send("POST", "/api/registration/orders/" + orderId
                + "/confirmation", accessCode, null).statusCode() == 202);

        await().atMost(Duration.ofSeconds(60)).until(() -> platform.mailbox().stream()
                .anyMatch(mail -> mail.startsWith("Your order is confirmed") && mail.contains(orderId.toString())));
        String mail = platform.mailbox().stream().filter(m -> m.contains(orderId.toString())).findFirst().orElseThrow();
        assertThat(mail).contains("Hello,", "Community pass", accessCode, "/#/orders/" + orderId + "/seats");
        HttpResponse<String> page = get(platform.mailboxUrl());
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("Mailbox", "Your order is confirmed", email);
    }

    private static HttpResponse<String> send(String method, String path, String accessCode, String json)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(platform.gatewayUrl() + path))
                .timeout(Duration.ofSeconds(30))
                .method(method, json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json));
        if (json != null) request.header("Content-Type", "application/json");
        if (accessCode != null) request.header("Order-Access-Code", accessCode);
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    static HttpResponse<String> get(String url) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }
}

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

import static org.assertj.core.api.Assertions.assertThat;

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

    static HttpResponse<String> get(String url) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }
}

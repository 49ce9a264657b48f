package dev.seatbooking.launcher;

import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The data survives a restart of the launcher: a second start on the same data directory finds the demo conference
 * (not created again: same owner access code) and an order placed before, in PostgreSQL and on the read model fed
 * from Kafka; {@code --fresh} starts from nothing.
 */
class PlatformRestartTest {

    private static final HttpClient http = HttpClient.newHttpClient();

    @Test
    void a_restart_keeps_the_data_and_fresh_starts_over() throws Exception {
        System.setProperty("org.springframework.boot.logging.LoggingSystem", "none");
        Path dataDir = Path.of("target", "restart-test-data");
        LauncherSettings free = LauncherSettings.forTest(dataDir);
        LauncherSettings first = new LauncherSettings(dataDir, true, 0, 0, 0, 0, 0, free.postgresPort(),
                free.kafkaPort(), free.controllerPort(), true);

        UUID orderId = UUID.randomUUID();
        String accessCode;
        String orderCode;
        try (Platform platform = PlatformStarts.oneAtATime(() -> Platform.start(first))) {
            accessCode = platform.demo().accessCode();
            HttpResponse<String> placed = send(platform.gatewayUrl() + "/api/registration/conferences/"
                    + DemoConference.ID + "/orders", """
                    {"orderId":"%s","seats":[{"seatTypeId":"%s","quantity":3}]}"""
                    .formatted(orderId, DemoConference.SEAT_TYPES[0].id()));
            assertThat(placed.statusCode()).isEqualTo(201);
            String token = placed.headers().firstValue("Consistency-Token").orElseThrow();
            java.util.regex.Matcher code = java.util.regex.Pattern.compile("\"accessCode\"\\s*:\\s*\"([^\"]+)\"")
                    .matcher(placed.body());
            assertThat(code.find()).as(placed.body()).isTrue();
            orderCode = code.group(1);
            assertThat(get(platform.gatewayUrl() + "/api/read/draft-orders/" + orderId, token, orderCode).statusCode())
                    .isEqualTo(200);
        }

        // Same data directory, new ports for the services: everything is still there.
        LauncherSettings again = new LauncherSettings(dataDir, false, 0, 0, 0, 0, 0, FreePorts.next(),
                FreePorts.next(), FreePorts.next(), true);
        try (Platform platform = PlatformStarts.oneAtATime(() -> Platform.start(again))) {
            assertThat(platform.demo().accessCode()).as("the demo conference was not created again")
                    .isEqualTo(accessCode);
            HttpResponse<String> order = get(platform.gatewayUrl() + "/api/read/draft-orders/" + orderId, null, orderCode);
            assertThat(order.statusCode()).isEqualTo(200);
            assertThat(order.body()).contains(orderId.toString(), "\"requested\":3");
        }

        LauncherSettings fresh = new LauncherSettings(dataDir, true, 0, 0, 0, 0, 0, FreePorts.next(),
                FreePorts.next(), FreePorts.next(), false);
        try (Platform platform = PlatformStarts.oneAtATime(() -> Platform.start(fresh))) {
            assertThat(get(platform.gatewayUrl() + "/api/read/conferences", null, null).body()).isEqualTo("[]");
        }
    }

    private static HttpResponse<String> send(String url, String json) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static HttpResponse<String> get(String url, String token, String orderCode) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30)).GET();
        if (token != null) request.header("Consistency-Token", token);
        if (orderCode != null) request.header("Order-Access-Code", orderCode);
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}

package dev.seatbooking.launcher;

import dev.seatbooking.testinfra.fuzz.ApiFuzzer;
import dev.seatbooking.testinfra.fuzz.DatabaseFingerprint;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.postgresql.ds.PGSimpleDataSource;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Issue 11's proof through the one public port: every operation of every service's OpenAPI document, sent through the
 * gateway with the fuzzer's hostile requests. No 5xx, every error a problem, no bad request accepted, and nothing
 * changed in any of the four databases. The fuzzer sends from 127.0.0.2, another client for the gateway and the
 * throttles, so that what it trips holds back no other test.
 */
@ExtendWith(TestPlatform.class)
class GatewayFuzzTest {

    private static final Map<String, String> ROUTES = Map.of("conference-management", "management",
            "registration", "registration", "payments", "payments", "read-model", "read");
    private static final Map<String, String> DATABASES = Map.of("conference-management", "conference",
            "registration", "registration", "payments", "payments", "read-model", "readmodel",
            "notifications", "notifications");
    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void every_operation_of_every_service_through_the_gateway_refuses_hostile_input_and_changes_nothing() throws Exception {
        Platform platform = TestPlatform.get();
        UUID orderId = UUID.randomUUID();
        String accessCode = placeOrder(platform, orderId);
        await().atMost(Duration.ofSeconds(60)).until(() -> read(platform, orderId, accessCode) == 200);
        Map<String, Map<String, String>> before = settledFingerprints(platform);

        int requests = 0;
        for (String service : platform.serviceNames()) {
            String route = ROUTES.get(service);
            if (route == null) continue; // no API behind the gateway (notifications)
            String document = get(platform.serviceUrl(service) + "/v3/api-docs").body();
            ApiFuzzer.Report report = ApiFuzzer.against(platform.gatewayUrl(), document)
                    .route(path -> path.startsWith("/api/") ? "/api/" + route + path.substring(4) : path)
                    .from("127.0.0.2")
                    .value("conferenceId", DemoConference.ID.toString())
                    .value("seatTypeId", DemoConference.SEAT_TYPES[0].id().toString())
                    .value("orderId", orderId.toString())
                    .header("Order-Access-Code", accessCode)
                    // A fresh join does not read the entry's code (it hands one out): a mutated header is no bad
                    // request there, and the join would be taken (registration's own fuzz test skips it too).
                    .skip("POST /api/conferences/{conferenceId}/waitlist", "Waitlist-Access-Code")
                    .build().run();
            assertThat(report.findings()).as(service + ":\n" + String.join("\n",
                    report.findings().stream().map(Object::toString).toList())).isEmpty();
            requests += report.requests();
        }
        assertThat(requests).isGreaterThan(1_000);
        assertThat(fingerprints(platform)).isEqualTo(before);
        // the registrant's order is as it was, and opens with its code
        assertThat(read(platform, orderId, accessCode)).isEqualTo(200);
    }

    private String placeOrder(Platform platform, UUID orderId) throws Exception {
        HttpResponse<String> placed = http.send(HttpRequest.newBuilder(URI.create(platform.gatewayUrl()
                        + "/api/registration/conferences/" + DemoConference.ID + "/orders"))
                .header("Content-Type", "application/json").timeout(Duration.ofSeconds(30))
                .POST(HttpRequest.BodyPublishers.ofString("""
                        {"orderId":"%s","seats":[{"seatTypeId":"%s","quantity":1}]}"""
                        .formatted(orderId, DemoConference.SEAT_TYPES[0].id()))).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(placed.statusCode()).as(placed.body()).isEqualTo(201);
        Matcher code = Pattern.compile("\"accessCode\"\\s*:\\s*\"([^\"]+)\"").matcher(placed.body());
        assertThat(code.find()).as(placed.body()).isTrue();
        return code.group(1);
    }

    private int read(Platform platform, UUID orderId, String accessCode) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(platform.gatewayUrl() + "/api/read/draft-orders/" + orderId))
                .header("Order-Access-Code", accessCode).timeout(Duration.ofSeconds(30)).build(),
                HttpResponse.BodyHandlers.ofString()).statusCode();
    }

    /** The databases once the order's reservation, projections and relays have come to rest. */
    private Map<String, Map<String, String>> settledFingerprints(Platform platform) {
        Map<String, Map<String, String>> last = new LinkedHashMap<>();
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500)).until(() -> {
            Map<String, Map<String, String>> now = fingerprints(platform);
            boolean settled = now.equals(last);
            last.clear();
            last.putAll(now);
            return settled;
        });
        return last;
    }

    private Map<String, Map<String, String>> fingerprints(Platform platform) throws Exception {
        Map<String, Map<String, String>> all = new LinkedHashMap<>();
        for (String service : platform.serviceNames()) {
            PGSimpleDataSource dataSource = new PGSimpleDataSource();
            dataSource.setURL(platform.jdbcUrl(DATABASES.get(service)));
            dataSource.setUser(EmbeddedPostgresServer.USER);
            dataSource.setPassword(EmbeddedPostgresServer.PASSWORD);
            all.put(service, DatabaseFingerprint.of(dataSource, Set.of()));
        }
        return all;
    }

    private HttpResponse<String> get(String url) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30)).build(),
                HttpResponse.BodyHandlers.ofString());
    }
}

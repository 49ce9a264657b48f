package dev.seatbooking.launcher.processes;

import tools.jackson.databind.json.JsonMapper;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Base64;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A conference owner on the organiser pages, through the gateway only: creates a conference with one seat type,
 * publishes it, and waits until registrants can see it on the read model with its availability.
 */
public final class Organiser {

    public record Conference(UUID id, String slug, UUID seatTypeId) {
    }

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Duration WAIT = Duration.ofSeconds(90);

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String gateway;

    public Organiser(String gatewayUrl) {
        this.gateway = gatewayUrl;
    }

    /** A conference of {@code seats} seats of one type and a reservation hold of {@code holdMinutes}, published. */
    public Conference publishedConference(int seats, int holdMinutes) throws Exception {
        UUID id = UUID.randomUUID();
        String slug = "faults-" + id.toString().substring(0, 8);
        String owner = "owner-" + slug + "@example.com";
        LocalDate start = LocalDate.now().plusDays(30);
        HttpResponse<String> created = send("POST", "/api/management/conferences", """
                {"id":"%s","slug":"%s","name":"Faults %s","tagline":"One process per service",
                 "description":"Made by the fault suite.","location":"Utrecht","startDate":"%s",
                 "endDate":"%s","ownerName":"Owner","ownerEmail":"%s","reservationHoldMinutes":%d}"""
                .formatted(id, slug, slug, start, start.plusDays(1), owner, holdMinutes), null);
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        String basic = "Basic " + Base64.getEncoder().encodeToString((owner + ":" + JSON.readTree(created.body())
                .get("accessCode").asString()).getBytes(StandardCharsets.UTF_8));
        UUID seatTypeId = UUID.randomUUID();
        HttpResponse<String> seatType = send("POST", "/api/management/conferences/" + id + "/seat-types", """
                {"id":"%s","name":"Pass","description":"Both days","quantity":%d,"price":{"amount":100.00,"currency":"EUR"}}"""
                .formatted(seatTypeId, seats), basic);
        assertThat(seatType.statusCode()).as(seatType.body()).isEqualTo(201);
        HttpResponse<String> published = send("POST", "/api/management/conferences/" + id + "/publish", "", basic);
        assertThat(published.statusCode()).as(published.body()).isEqualTo(200);
        await().atMost(WAIT).ignoreExceptions().until(() -> {
            HttpResponse<String> read = send("GET", "/api/read/conferences/" + slug, null, null);
            return read.statusCode() == 200 && JSON.readTree(read.body()).get("availabilityVersion").asLong() > 0;
        });
        return new Conference(id, slug, seatTypeId);
    }

    private HttpResponse<String> send(String method, String path, String json, String authorization) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(gateway + path)).timeout(Duration.ofSeconds(30));
        if (json == null) {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        } else {
            request.header("Content-Type", "application/json").method(method, json.isEmpty()
                    ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json));
        }
        if (authorization != null) request.header("Authorization", authorization);
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}

package dev.seatbooking.launcher;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Base64;
import java.util.Properties;
import java.util.UUID;

/**
 * The demo conference: created through Conference Management's API on the first start only (remembered in
 * {@code demo-conference.properties} in the data directory, with the owner's access code), given seat types and
 * published; its events then reach registration and the read model like any conference's.
 */
final class DemoConference {

    static final UUID ID = UUID.fromString("d3e0c0f1-0000-4000-8000-000000000001");
    static final String SLUG = "cqrs-summit";
    static final String NAME = "CQRS Journey Summit";
    static final String OWNER_EMAIL = "owner@cqrs-summit.example";

    record SeatType(UUID id, String name, String description, int quantity, String price) {
    }

    static final SeatType[] SEAT_TYPES = {
            new SeatType(UUID.fromString("d3e0c0f1-0000-4000-8000-000000000011"), "Conference pass",
                    "Both conference days, talks and lunch", 100, "250.00"),
            new SeatType(UUID.fromString("d3e0c0f1-0000-4000-8000-000000000012"), "Workshop day",
                    "The hands-on workshop before the conference", 20, "120.00"),
            new SeatType(UUID.fromString("d3e0c0f1-0000-4000-8000-000000000013"), "Community pass",
                    "Free entry for volunteers and students", 10, "0.00"),
    };

    /** What the launcher prints: where to see it and how its owner signs in. */
    record Demo(UUID id, String slug, String ownerEmail, String accessCode, String publishToken) {
    }

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private DemoConference() {
    }

    /** Creates and publishes the demo conference unless a previous start did. */
    static Demo ensure(Path dataDir, String managementUrl) throws IOException, InterruptedException {
        Path file = dataDir.resolve("demo-conference.properties");
        Properties remembered = new Properties();
        if (Files.exists(file)) {
            try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                remembered.load(reader);
            }
            if (Boolean.parseBoolean(remembered.getProperty("published"))) {
                return new Demo(ID, SLUG, OWNER_EMAIL, remembered.getProperty("accessCode"), null);
            }
        }
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        String accessCode = remembered.getProperty("accessCode");
        if (accessCode == null) {
            LocalDate start = LocalDate.now().plusDays(60);
            String conference = """
                    {"id":"%s","slug":"%s","name":"%s","tagline":"Commands, events and seats that are never sold twice",
                     "description":"Two days on CQRS, event sourcing and the Contoso conference system, rebuilt.",
                     "location":"Amsterdam","startDate":"%s","endDate":"%s","ownerName":"Demo Owner",
                     "ownerEmail":"%s","reservationHoldMinutes":15}"""
                    .formatted(ID, SLUG, NAME, start, start.plusDays(1), OWNER_EMAIL);
            HttpResponse<String> created = send(http, post(managementUrl + "/api/conferences", conference, null));
            if (created.statusCode() != 201) {
                throw new IllegalStateException("Creating the demo conference answered " + created.statusCode() + ": "
                        + created.body() + " (delete the data directory to start fresh)");
            }
            accessCode = JSON.readTree(created.body()).get("accessCode").asString();
            remembered.setProperty("accessCode", accessCode);
            remembered.setProperty("ownerEmail", OWNER_EMAIL);
            remembered.setProperty("slug", SLUG);
            store(file, remembered);
        }
        String basic = "Basic " + Base64.getEncoder().encodeToString((OWNER_EMAIL + ":" + accessCode)
                .getBytes(StandardCharsets.UTF_8));
        String base = managementUrl + "/api/conferences/" + ID;
        for (SeatType seatType : SEAT_TYPES) {
            String body = """
                    {"id":"%s","name":"%s","description":"%s","quantity":%d,"price":{"amount":%s,"currency":"EUR"}}"""
                    .formatted(seatType.id(), seatType.name(), seatType.description(), seatType.quantity(),
                            seatType.price());
            HttpResponse<String> added = send(http, post(base + "/seat-types", body, basic));
            if (added.statusCode() != 201 && added.statusCode() != 409) {
                throw new IllegalStateException("Adding seat type " + seatType.name() + " answered "
                        + added.statusCode() + ": " + added.body());
            }
        }
        HttpResponse<String> published = send(http, post(base + "/publish", "", basic));
        if (published.statusCode() != 200) {
            throw new IllegalStateException("Publishing the demo conference answered " + published.statusCode() + ": "
                    + published.body());
        }
        remembered.setProperty("published", "true");
        store(file, remembered);
        return new Demo(ID, SLUG, OWNER_EMAIL, accessCode,
                published.headers().firstValue("Consistency-Token").orElse(null));
    }

    /**
     * Waits until the read model shows the demo conference with the seats registration has made available: then a
     * registrant can order. Uses the publication's consistency token where there is one.
     */
    static void awaitOnReadModel(String readModelUrl, Demo demo, Duration timeout) throws InterruptedException {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        long deadline = System.nanoTime() + timeout.toNanos();
        String last = "no answer";
        while (System.nanoTime() < deadline) {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(readModelUrl + "/api/conferences/" + demo.slug()))
                    .timeout(Duration.ofSeconds(15));
            if (demo.publishToken() != null) request.header("Consistency-Token", demo.publishToken());
            try {
                HttpResponse<String> answer = send(http, request.GET().build());
                last = answer.statusCode() + " " + answer.body();
                if (answer.statusCode() == 200) {
                    JsonNode conference = JSON.readTree(answer.body());
                    if (conference.get("availabilityVersion").asLong() > 0) return;
                }
            } catch (IOException e) {
                last = e.toString();
            }
            Thread.sleep(250);
        }
        throw new IllegalStateException("The demo conference did not appear on the read model within " + timeout
                + "; last answer: " + last);
    }

    private static HttpRequest post(String url, String json, String authorization) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url))
                .timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json")
                .POST(json.isEmpty() ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json));
        if (authorization != null) request.header("Authorization", authorization);
        return request.build();
    }

    private static HttpResponse<String> send(HttpClient http, HttpRequest request)
            throws IOException, InterruptedException {
        return http.send(request, HttpResponse.BodyHandlers.ofString());
    }

    private static void store(Path file, Properties properties) throws IOException {
        try (Writer writer = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            properties.store(writer, "The demo conference the launcher created; its owner signs in with these");
        }
    }
}

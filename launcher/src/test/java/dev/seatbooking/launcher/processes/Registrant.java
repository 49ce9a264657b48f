package dev.seatbooking.launcher.processes;

import tools.jackson.databind.JsonNode;
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
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A client of the platform through its gateway only, as the web page is: a conference owner creates and publishes a
 * conference; a registrant orders seats, gives their details, pays at the simulated processor and waits for the
 * confirmation on the read model.
 */
final class Registrant {

    record Conference(UUID id, String slug, UUID seatTypeId) {
    }

    record Order(UUID id, String accessCode, String consistencyToken) {
    }

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Duration WAIT = Duration.ofSeconds(90);

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String gateway;

    Registrant(String gatewayUrl) {
        this.gateway = gatewayUrl;
    }

    /** A conference with {@code seats} seats of one type, published, and on the read model with its availability. */
    Conference publishedConference(int seats) throws Exception {
        return publishedConference(seats, 15);
    }

    /** The same, with its reservation hold of {@code holdMinutes}. */
    Conference publishedConference(int seats, int holdMinutes) throws Exception {
        UUID id = UUID.randomUUID();
        String slug = "processes-" + id.toString().substring(0, 8);
        String owner = "owner-" + slug + "@example.com";
        LocalDate start = LocalDate.now().plusDays(30);
        HttpResponse<String> created = send("POST", "/api/management/conferences", """
                {"id":"%s","slug":"%s","name":"Processes %s","tagline":"One process per service",
                 "description":"Made by the multi-process test.","location":"Utrecht","startDate":"%s",
                 "endDate":"%s","ownerName":"Owner","ownerEmail":"%s","reservationHoldMinutes":%d}"""
                .formatted(id, slug, slug, start, start.plusDays(1), owner, holdMinutes), null);
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        String basic = "Basic " + Base64.getEncoder().encodeToString((owner + ":" + json(created).get("accessCode")
                .asString()).getBytes(StandardCharsets.UTF_8));
        UUID seatTypeId = UUID.randomUUID();
        HttpResponse<String> seatType = send("POST", "/api/management/conferences/" + id + "/seat-types", """
                {"id":"%s","name":"Pass","description":"Both days","quantity":%d,"price":{"amount":100.00,"currency":"EUR"}}"""
                .formatted(seatTypeId, seats), basic);
        assertThat(seatType.statusCode()).as(seatType.body()).isEqualTo(201);
        HttpResponse<String> published = send("POST", "/api/management/conferences/" + id + "/publish", "", basic);
        assertThat(published.statusCode()).as(published.body()).isEqualTo(200);
        await().atMost(WAIT).ignoreExceptions().until(() -> {
            HttpResponse<String> read = send("GET", "/api/read/conferences/" + slug, null, null);
            return read.statusCode() == 200 && json(read).get("availabilityVersion").asLong() > 0;
        });
        return new Conference(id, slug, seatTypeId);
    }

    Order placeOrder(Conference conference, int seats) throws Exception {
        UUID orderId = UUID.randomUUID();
        HttpResponse<String> placed = send("POST", "/api/registration/conferences/" + conference.id() + "/orders", """
                {"orderId":"%s","seats":[{"seatTypeId":"%s","quantity":%d}]}"""
                .formatted(orderId, conference.seatTypeId(), seats), null);
        assertThat(placed.statusCode()).as(placed.body()).isEqualTo(201);
        return new Order(orderId, json(placed).get("accessCode").asString(),
                placed.headers().firstValue("Consistency-Token").orElse(null));
    }

    /** Gives the registrant's details, pays the priced total at the simulated processor, and waits for CONFIRMED. */
    void payAndAwaitConfirmation(Order order) throws Exception {
        awaitDraftState(order, "RESERVATION_COMPLETED");
        JsonNode priced = awaitRead("/api/read/priced-orders/" + order.id(), order);
        HttpResponse<String> registrant = send("PUT", "/api/registration/orders/" + order.id() + "/registrant",
                """
                {"firstName":"Ada","lastName":"Lovelace","email":"ada@example.com"}""", null, order);
        assertThat(registrant.statusCode()).as(registrant.body()).isBetween(200, 204);

        UUID paymentId = UUID.randomUUID();
        String payment = """
                {"paymentId":"%s","orderId":"%s","conferenceId":"%s","description":"Order %s",
                 "amount":{"amount":%s,"currency":"%s"}}"""
                .formatted(paymentId, order.id(), priced.get("conferenceId").asString(), order.id(),
                        priced.get("total").get("amount").toString(), priced.get("total").get("currency").asString());
        // Payments learns of the order from registration's events: right after it was priced it may not yet.
        AtomicReference<HttpResponse<String>> started = new AtomicReference<>();
        await().atMost(WAIT).until(() -> {
            started.set(send("POST", "/api/payments/payments", payment, null, order));
            return started.get().statusCode() != 404;
        });
        assertThat(started.get().statusCode()).as(started.get().body()).isEqualTo(201);
        String payerUrl = json(started.get()).get("payerUrl").asString();
        String secret = payerUrl.substring(payerUrl.indexOf("secret=") + "secret=".length()).split("&")[0];
        HttpResponse<String> accepted = http.send(request("/api/payments/payment-processor/" + paymentId + "/accept")
                .header("Processor-Secret", secret).POST(HttpRequest.BodyPublishers.noBody()).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(202);
        awaitDraftState(order, "CONFIRMED");
    }

    void awaitDraftState(Order order, String state) {
        await().atMost(WAIT).ignoreExceptions().untilAsserted(() ->
                assertThat(awaitRead("/api/read/draft-orders/" + order.id(), order).get("state").asString())
                        .isEqualTo(state));
    }

    private JsonNode awaitRead(String path, Order order) {
        AtomicReference<JsonNode> read = new AtomicReference<>();
        await().atMost(WAIT).ignoreExceptions().until(() -> {
            HttpResponse<String> answer = send("GET", path, null, null, order);
            if (answer.statusCode() != 200) return false;
            read.set(json(answer));
            return true;
        });
        return read.get();
    }

    private HttpResponse<String> send(String method, String path, String json, String authorization) throws Exception {
        return send(method, path, json, authorization, null);
    }

    private HttpResponse<String> send(String method, String path, String json, String authorization, Order order)
            throws Exception {
        HttpRequest.Builder request = request(path);
        if (json == null) {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        } else {
            request.header("Content-Type", "application/json").method(method, json.isEmpty()
                    ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json));
        }
        if (authorization != null) request.header("Authorization", authorization);
        if (order != null) request.header("Order-Access-Code", order.accessCode());
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create(gateway + path)).timeout(Duration.ofSeconds(30));
    }

    private static JsonNode json(HttpResponse<String> response) {
        return JSON.readTree(response.body());
    }
}

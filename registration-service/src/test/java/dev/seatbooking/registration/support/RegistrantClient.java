package dev.seatbooking.registration.support;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.NullNode;

import java.io.IOException;
import java.net.InetAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;

/** A registrant's front end speaking to the REST API over real HTTP. Thread-safe. */
public final class RegistrantClient {

    public static final String ACCESS_CODE = "Order-Access-Code";

    /** An HTTP answer with its body as JSON (a null node when empty or not JSON). */
    public record Response(int status, Map<String, List<String>> headers, String text, JsonNode body) {
        public Optional<String> header(String name) {
            return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name))
                    .flatMap(e -> e.getValue().stream()).findFirst();
        }

        public String contentType() {
            return header("Content-Type").orElse("");
        }

        public String problemType() {
            return body.path("type").asString();
        }
    }

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final Supplier<String> baseUrl;
    private final HttpClient http;

    /** @param baseUrl e.g. {@code http://localhost:8082}; asked anew for every request (a restarted service moves) */
    public RegistrantClient(Supplier<String> baseUrl) {
        this(baseUrl, null);
    }

    private RegistrantClient(Supplier<String> baseUrl, InetAddress localAddress) {
        this.baseUrl = baseUrl;
        HttpClient.Builder builder = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5));
        if (localAddress != null) builder.localAddress(localAddress);
        this.http = builder.build();
    }

    /**
     * A client with an address of its own, to the service on this port: {@code 127.0.0.x} are all this machine's
     * (Linux answers the whole 127/8 on loopback), yet the service sees each as another client.
     */
    public static RegistrantClient from(String loopbackAddress, int port) {
        try {
            return new RegistrantClient(() -> "http://127.0.0.1:" + port, InetAddress.getByName(loopbackAddress));
        } catch (java.net.UnknownHostException e) {
            throw new IllegalArgumentException(loopbackAddress, e);
        }
    }

    public RegistrantClient(String baseUrl) {
        this(() -> baseUrl);
    }

    public static Map<String, Object> seats(Object... seatTypeAndQuantity) {
        var seats = new java.util.ArrayList<Map<String, Object>>();
        for (int i = 0; i < seatTypeAndQuantity.length; i += 2) {
            Map<String, Object> seat = new LinkedHashMap<>();
            seat.put("seatTypeId", seatTypeAndQuantity[i]);
            seat.put("quantity", seatTypeAndQuantity[i + 1]);
            seats.add(seat);
        }
        return Map.of("seats", seats);
    }

    public Response placeOrder(UUID conferenceId, UUID orderId, Object... seatTypeAndQuantity) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("orderId", orderId);
        body.putAll(seats(seatTypeAndQuantity));
        return send("POST", "/api/conferences/" + conferenceId + "/orders", json(body), Map.of());
    }

    public Response getOrder(UUID orderId, String accessCode) {
        return send("GET", "/api/orders/" + orderId, null, access(accessCode));
    }

    public Response post(String path, Object body, String accessCode) {
        return send("POST", path, body == null ? null : json(body), access(accessCode));
    }

    public Response put(String path, Object body, String accessCode) {
        return send("PUT", path, json(body), access(accessCode));
    }

    public Response get(String path, String accessCode) {
        return send("GET", path, null, access(accessCode));
    }

    public Response delete(String path, String accessCode) {
        return send("DELETE", path, null, access(accessCode));
    }

    /** Any request, with a raw body (may be malformed on purpose). */
    public Response send(String method, String path, String body, Map<String, String> headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl.get() + path))
                .timeout(Duration.ofSeconds(60))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body));
        boolean typed = headers.keySet().stream().anyMatch("Content-Type"::equalsIgnoreCase);
        if (body != null && !typed) request.header("Content-Type", "application/json");
        request.header("Accept", "application/json, application/problem+json");
        headers.forEach(request::header);
        try {
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Response(response.statusCode(), response.headers().map(), response.body(), parse(response.body()));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public static String json(Object body) {
        return JSON.writeValueAsString(body);
    }

    private static Map<String, String> access(String accessCode) {
        return accessCode == null ? Map.of() : Map.of(ACCESS_CODE, accessCode);
    }

    private static JsonNode parse(String text) {
        if (text == null || text.isBlank()) return NullNode.getInstance();
        try {
            return JSON.readTree(text);
        } catch (RuntimeException notJson) {
            return NullNode.getInstance();
        }
    }
}

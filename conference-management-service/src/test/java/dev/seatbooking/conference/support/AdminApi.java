package dev.seatbooking.conference.support;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Builds requests and valid bodies. Every request comes from a client address of its own unless the test names
 * one, so that failed sign-ins of one test never throttle another.
 */
public final class AdminApi {

    /** A conference's id and its owner's credentials. */
    public record Owner(UUID conferenceId, String email, String accessCode) {
        public String path() {
            return "/api/conferences/" + conferenceId;
        }
    }

    private static final AtomicInteger CLIENTS = new AtomicInteger();

    private final MockMvc mvc;
    private final JsonMapper json;

    AdminApi(MockMvc mvc, JsonMapper json) {
        this.mvc = mvc;
        this.json = json;
    }

    public static String newClientAddress() {
        int n = CLIENTS.incrementAndGet();
        return "10." + (n >> 16 & 255) + "." + (n >> 8 & 255) + "." + (n & 255);
    }

    public static RequestPostProcessor from(String clientAddress) {
        return request -> {
            request.setRemoteAddr(clientAddress);
            return request;
        };
    }

    public static RequestPostProcessor basic(String user, String password) {
        String token = Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
        return request -> {
            request.addHeader(HttpHeaders.AUTHORIZATION, "Basic " + token);
            return request;
        };
    }

    public static RequestPostProcessor as(Owner owner) {
        return basic(owner.email(), owner.accessCode());
    }

    public static String uniqueSlug() {
        return "conf-" + UUID.randomUUID().toString().substring(0, 13);
    }

    /** A valid conference body; put, replace or remove (null) fields to vary it. */
    public static Map<String, Object> conference(String slug, String ownerEmail) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("slug", slug);
        body.put("name", "CQRS Summit");
        body.put("description", "Two days of event sourcing");
        body.put("location", "Redmond");
        body.put("tagline", "Commands and queries, apart");
        body.put("twitterSearch", "#cqrs");
        body.put("startDate", "2026-09-01");
        body.put("endDate", "2026-09-02");
        body.put("ownerName", "Ada Owner");
        body.put("ownerEmail", ownerEmail);
        body.put("reservationHoldMinutes", 20);
        body.put("offerHoldHours", 48);
        body.put("cancellationCutoffDays", 10);
        return body;
    }

    public static Map<String, Object> seatType(String name, int quantity, String amount, String currency) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("name", name);
        body.put("description", name + " access");
        body.put("quantity", quantity);
        Map<String, Object> price = new LinkedHashMap<>();
        price.put("amount", amount == null ? null : new java.math.BigDecimal(amount));
        price.put("currency", currency);
        body.put("price", price);
        return body;
    }

    /** A valid promotional code body: a percentage off every seat type, unlimited, combinable; vary it as needed. */
    public static Map<String, Object> percentCode(String code, int percent) {
        Map<String, Object> discount = new LinkedHashMap<>();
        discount.put("kind", "PERCENTAGE");
        discount.put("percent", percent);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("code", code);
        body.put("discount", discount);
        body.put("exclusive", false);
        return body;
    }

    /** A fixed-amount promotional code body. */
    public static Map<String, Object> amountCode(String code, String amount, String currency) {
        Map<String, Object> body = percentCode(code, 1);
        Map<String, Object> price = new LinkedHashMap<>();
        price.put("amount", new java.math.BigDecimal(amount));
        price.put("currency", currency);
        Map<String, Object> discount = new LinkedHashMap<>();
        discount.put("kind", "FIXED_AMOUNT");
        discount.put("amount", price);
        body.put("discount", discount);
        return body;
    }

    /** Creates a promotional code as the owner and returns its id. */
    public UUID createCode(Owner owner, Map<String, Object> body) throws Exception {
        return createdId(owner, "/promotional-codes", body);
    }

    /** Posts {@code body} as the owner to a collection under the conference; returns the id of what it created. */
    private UUID createdId(Owner owner, String collection, Map<String, Object> body) throws Exception {
        String response = perform(post(owner.path() + collection).with(as(owner))
                .contentType(MediaType.APPLICATION_JSON).content(write(body)))
                .andExpect(status().isCreated())
                .andReturn().getResponse().getContentAsString();
        return UUID.fromString(json.readTree(response).get("id").asString());
    }

    public static String uniqueEmail() {
        return "owner-" + UUID.randomUUID().toString().substring(0, 8) + "@example.org";
    }

    /** Creates a conference from {@code body} and returns its owner. */
    public Owner create(Map<String, Object> body) throws Exception {
        String response = perform(post("/api/conferences").contentType(MediaType.APPLICATION_JSON).content(write(body)))
                .andExpect(status().isCreated())
                .andReturn().getResponse().getContentAsString();
        JsonNode created = json.readTree(response);
        return new Owner(UUID.fromString(created.get("conference").get("id").asString()),
                (String) body.get("ownerEmail"), created.get("accessCode").asString());
    }

    public Owner createConference() throws Exception {
        return create(conference(uniqueSlug(), uniqueEmail()));
    }

    /** Adds a seat type as the owner and returns its id. */
    public UUID addSeatType(Owner owner, Map<String, Object> body) throws Exception {
        return createdId(owner, "/seat-types", body);
    }

    /** Performs the request from a new client address (unless it names one). */
    public ResultActions perform(MockHttpServletRequestBuilder request) throws Exception {
        return mvc.perform(request.with(r -> {
            if ("127.0.0.1".equals(r.getRemoteAddr())) r.setRemoteAddr(newClientAddress());
            return r;
        }));
    }

    public MockHttpServletRequestBuilder withJson(MockHttpServletRequestBuilder request, Object body) {
        return request.contentType(MediaType.APPLICATION_JSON).content(write(body));
    }

    public String write(Object body) {
        return json.writeValueAsString(body);
    }

    public JsonNode read(ResultActions result) throws Exception {
        return json.readTree(result.andReturn().getResponse().getContentAsString());
    }
}

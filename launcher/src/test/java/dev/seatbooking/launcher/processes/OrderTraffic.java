package dev.seatbooking.launcher.processes;

import org.awaitility.core.ConditionTimeoutException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Predicate;

import static org.awaitility.Awaitility.await;

/**
 * The burst a fault is made in: a few clients ordering one or two seats each on one hot conference through the
 * gateway (more demand than seats), and paying every {@code payEvery}-th order they got at the simulated processor.
 * A request whose answer did not come (no connection, a 5xx, a 429) is sent again as the web page's user would send
 * it again: the same client-chosen order id and seats (registration answers a repeated placement with the same
 * 201, nothing appended), the same payment id (payments answers its repeat alike). A repeat that succeeds where the
 * first answer was lost gets no access code (registration gives it only to a repeat that shows it), so that order is
 * accepted but not paid: as for the page's user who closed the tab.
 */
final class OrderTraffic {

    /** What the clients saw: the orders whose placement was answered 2xx, and those paid at the processor. */
    record Outcome(Set<UUID> accepted, Set<UUID> paid, int retries, int refused, int abandoned) {
    }

    private static final JsonMapper JSON = JsonMapper.builder().build();
    /** How long a client keeps sending one request again: longer than any fault's outage and restart. */
    private static final Duration REQUEST_DEADLINE = Duration.ofMinutes(4);
    private static final Duration RETRY_EVERY = Duration.ofMillis(500);

    private final String gateway;
    private final Organiser.Conference conference;
    private final int payEvery;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final Set<UUID> accepted = ConcurrentHashMap.newKeySet();
    private final Set<UUID> paid = ConcurrentHashMap.newKeySet();
    private final AtomicInteger retries = new AtomicInteger();
    private final AtomicInteger refused = new AtomicInteger();
    private final AtomicInteger abandoned = new AtomicInteger();
    private final ExecutorService executor;
    private final List<Future<?>> clients = new ArrayList<>();

    private OrderTraffic(String gateway, Organiser.Conference conference, int clients, int payEvery) {
        this.gateway = gateway;
        this.conference = conference;
        this.payEvery = payEvery;
        this.executor = Executors.newFixedThreadPool(clients);
    }

    /** Starts {@code clients} clients, each placing {@code ordersPerClient} orders one after the other. */
    static OrderTraffic start(String gatewayUrl, Organiser.Conference conference, int clients, int ordersPerClient,
                              int payEvery) {
        OrderTraffic traffic = new OrderTraffic(gatewayUrl, conference, clients, payEvery);
        for (int c = 0; c < clients; c++) {
            traffic.clients.add(traffic.executor.submit(() -> traffic.client(ordersPerClient)));
        }
        return traffic;
    }

    int accepted() {
        return accepted.size();
    }

    /** Waits for every client to finish its orders (and their payments), and says what they saw. */
    Outcome finish(Duration timeout) throws Exception {
        executor.shutdown();
        if (!executor.awaitTermination(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            executor.shutdownNow();
            throw new IllegalStateException("The clients did not finish within " + timeout);
        }
        for (Future<?> client : clients) client.get();
        return new Outcome(Set.copyOf(accepted), Set.copyOf(paid), retries.get(), refused.get(), abandoned.get());
    }

    private void client(int orders) {
        for (int i = 0; i < orders; i++) {
            UUID orderId = UUID.randomUUID();
            try {
                String accessCode = place(orderId, 1 + i % 2);
                if (accessCode != null && i % payEvery == 0) pay(orderId, accessCode);
            } catch (ConditionTimeoutException e) {
                abandoned.incrementAndGet();
            }
        }
    }

    /** The order's access code if it was accepted and the answer said it; null otherwise. */
    private String place(UUID orderId, int seats) {
        HttpResponse<String> placed = answered(post("/api/registration/conferences/" + conference.id() + "/orders", """
                {"orderId":"%s","seats":[{"seatTypeId":"%s","quantity":%d}]}"""
                .formatted(orderId, conference.seatTypeId(), seats), null), ok -> true);
        if (placed.statusCode() / 100 != 2) {
            refused.incrementAndGet();
            return null;
        }
        accepted.add(orderId);
        JsonNode code = JSON.readTree(placed.body()).get("accessCode");
        return code == null || code.isNull() ? null : code.asString();
    }

    /** As the page: the reserved order's price from the read model, the registrant, the payment, the processor. */
    private void pay(UUID orderId, String accessCode) {
        JsonNode draft = read("/api/read/draft-orders/" + orderId, accessCode,
                order -> !order.get("state").asString().equals("PENDING_RESERVATION"));
        if (!draft.get("state").asString().equals("RESERVATION_COMPLETED")) return;
        JsonNode priced = read("/api/read/priced-orders/" + orderId, accessCode, order -> order.hasNonNull("total"));
        HttpResponse<String> registrant = answered(request("/api/registration/orders/" + orderId + "/registrant",
                accessCode).header("Content-Type", "application/json").PUT(HttpRequest.BodyPublishers.ofString("""
                {"firstName":"Ada","lastName":"Lovelace","email":"ada-%s@example.com"}""".formatted(orderId)))
                .build(), ok -> true); // a registrant of their own each: notifications mails one person a few times an hour
        if (registrant.statusCode() / 100 != 2) return;
        UUID paymentId = UUID.randomUUID();
        // Payments learns of the order from registration's events: right after it was priced it may not yet (404).
        HttpResponse<String> started = answered(post("/api/payments/payments", """
                {"paymentId":"%s","orderId":"%s","conferenceId":"%s","description":"Order %s",
                 "amount":{"amount":%s,"currency":"%s"}}"""
                .formatted(paymentId, orderId, conference.id(), orderId, priced.get("total").get("amount").toString(),
                        priced.get("total").get("currency").asString()), accessCode), answer -> answer != 404);
        if (started.statusCode() != 201) return;
        JsonNode link = JSON.readTree(started.body()).get("payerUrl");
        // An initiated payment's answer always has the payer's link: without it no payer could go on.
        if (link == null || !link.isString()) {
            throw new IllegalStateException("Payments started payment " + paymentId + " without a link for the payer: "
                    + started.body());
        }
        String payerUrl = link.asString();
        String secret = payerUrl.substring(payerUrl.indexOf("secret=") + "secret=".length()).split("&")[0];
        HttpResponse<String> accepted = answered(request("/api/payments/payment-processor/" + paymentId + "/accept",
                null).header("Processor-Secret", secret).POST(HttpRequest.BodyPublishers.noBody()).build(),
                ok -> true);
        if (accepted.statusCode() == 202) paid.add(orderId);
    }

    /** Reads an order's view until it exists and {@code until} holds, as the page polls it. */
    private JsonNode read(String path, String accessCode, Predicate<JsonNode> until) {
        AtomicReference<JsonNode> read = new AtomicReference<>();
        HttpRequest get = request(path, accessCode).GET().build();
        await().atMost(REQUEST_DEADLINE).pollInterval(Duration.ofMillis(200)).until(() -> {
            HttpResponse<String> answer = sendOnce(get);
            if (answer == null || answer.statusCode() != 200) return false;
            read.set(JSON.readTree(answer.body()));
            return until.test(read.get());
        });
        return read.get();
    }

    /**
     * Sends the request until an answer comes that is neither a 5xx nor a 429 (nor refused by {@code final}), the
     * same request each time.
     */
    private HttpResponse<String> answered(HttpRequest request, Predicate<Integer> isFinal) {
        AtomicReference<HttpResponse<String>> answer = new AtomicReference<>();
        AtomicInteger attempts = new AtomicInteger();
        await().atMost(REQUEST_DEADLINE).pollDelay(Duration.ZERO).pollInterval(RETRY_EVERY).until(() -> {
            if (attempts.getAndIncrement() > 0) retries.incrementAndGet();
            HttpResponse<String> response = sendOnce(request);
            if (response == null || response.statusCode() >= 500 || response.statusCode() == 429
                    || !isFinal.test(response.statusCode())) return false;
            answer.set(response);
            return true;
        });
        return answer.get();
    }

    private HttpResponse<String> sendOnce(HttpRequest request) throws InterruptedException {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException noAnswer) {
            return null;
        }
    }

    private HttpRequest post(String path, String json, String accessCode) {
        return request(path, accessCode).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)).build();
    }

    private HttpRequest.Builder request(String path, String accessCode) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(gateway + path)).timeout(Duration.ofSeconds(30));
        if (accessCode != null) request.header("Order-Access-Code", accessCode);
        return request;
    }
}

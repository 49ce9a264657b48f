package dev.seatbooking.launcher.benchmark;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.OptionalLong;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * The registrant's web page's requests (gateway/src/main/resources/static/js), through the gateway: place an order,
 * read its views in the read model with consistency tokens ({@code reads.js}'s readAtLeast: the read model holds a
 * request until it has applied the token's version), give the registrant, start a payment, show the payment page (the
 * payment and the priced order), accept it at the simulated processor with the payer link's secret. Asynchronous, so that a few threads carry every order in flight.
 */
final class WebPage {

    /** An order as placed: its access code and the consistency token the answer carried. */
    record Placed(UUID orderId, String accessCode, String token) {
    }

    /** The request was answered otherwise than the page expects. */
    static final class Unexpected extends RuntimeException {
        Unexpected(String what, HttpResponse<String> answer) {
            super(what + ": " + answer.statusCode() + " " + answer.body());
        }

        Unexpected(String what) {
            super(what);
        }
    }

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String ACCESS = "Order-Access-Code";
    private static final String TOKEN = "Consistency-Token";
    /** As long as the page waits for a view (readOrder's 60 s). */
    private static final Duration READ_DEADLINE = Duration.ofSeconds(60);
    /**
     * payments learns of an order from registration's events: a payment started before that is a 404, and the page
     * asks again every half second (it gives up after 20; here after a minute, as a backlog may be longer).
     */
    private static final Duration PAYMENT_RETRY = Duration.ofMillis(500);
    private static final int PAYMENT_ATTEMPTS = 120;

    private final String gateway;
    private final HttpClient http;
    private final Executor retryDelay;
    /** Requests sent, by what for and the answer's status: how much each order asks of the platform. */
    private final Map<String, LongAdder> requests = new ConcurrentHashMap<>();

    WebPage(String gatewayUrl, HttpClient http) {
        this.gateway = gatewayUrl;
        this.http = http;
        this.retryDelay = CompletableFuture.delayedExecutor(PAYMENT_RETRY.toMillis(), TimeUnit.MILLISECONDS,
                http.executor().orElseThrow());
    }

    /** Places a one-type order (blocking: the caller is a client thread); null if it was not answered 201. */
    Placed place(UUID conferenceId, UUID seatTypeId, UUID orderId, int seats) throws InterruptedException {
        HttpResponse<String> answer;
        try {
            answer = http.send(post("/api/registration/conferences/" + conferenceId + "/orders", """
                    {"orderId":"%s","seats":[{"seatTypeId":"%s","quantity":%d}]}"""
                    .formatted(orderId, seatTypeId, seats)).build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException noAnswer) {
            return null;
        }
        count("place order", answer);
        if (answer.statusCode() != 201) return null;
        return new Placed(orderId, JSON.readTree(answer.body()).get("accessCode").asString(),
                answer.headers().firstValue(TOKEN).orElseThrow());
    }

    /**
     * The order's page: waits until the draft order is no longer pending reservation, asking at once for the version
     * after the placement's (order.js: just placed, the order is pending at that version); the draft order.
     */
    CompletableFuture<JsonNode> awaitReservation(Placed order) {
        return readAtLeast("/api/read/draft-orders/" + order.orderId(), order, nextVersion(order.token()),
                draft -> !draft.get("state").asString().equals("PENDING_RESERVATION"), deadline());
    }

    /** The priced order, read with the token of the draft order the page showed. */
    CompletableFuture<JsonNode> pricedOrder(Placed order, JsonNode draft) {
        return readAtLeast("/api/read/priced-orders/" + order.orderId(), order,
                order.orderId() + "." + draft.get("version").asLong(), priced -> true, deadline());
    }

    /**
     * The page's payment: the registrant, the payment (again while payments does not know the order yet), the
     * processor's accept; then, as the payment page, waits until the read model shows the order confirmed.
     */
    CompletableFuture<JsonNode> payAndAwaitConfirmation(Placed order, JsonNode priced) {
        String registrant = "/api/registration/orders/" + order.orderId() + "/registrant";
        // a registrant of their own each: notifications mails one person a few times an hour at most
        return send("registrant", put(registrant, order.accessCode(), """
                {"firstName":"Ada","lastName":"Lovelace","email":"ada-%s@example.com"}""".formatted(order.orderId())))
                .thenCompose(assigned -> {
                    if (assigned.statusCode() / 100 != 2) throw failed(new Unexpected("registrant", assigned));
                    String token = assigned.headers().firstValue(TOKEN).orElseThrow();
                    UUID paymentId = UUID.randomUUID();
                    return startPayment(order, priced, paymentId, PAYMENT_ATTEMPTS)
                            .thenCompose(started -> paymentPage(order, paymentId, token).thenApply(shown -> started))
                            .thenCompose(started -> accept(paymentId, started))
                            .thenCompose(accepted -> readAtLeast("/api/read/draft-orders/" + order.orderId(), order,
                                    token, draft -> draft.get("state").asString().equals("CONFIRMED"), deadline()));
                });
    }

    private CompletableFuture<HttpResponse<String>> startPayment(Placed order, JsonNode priced, UUID paymentId,
                                                                 int attemptsLeft) {
        JsonNode total = priced.get("total");
        HttpRequest request = post("/api/payments/payments", """
                {"paymentId":"%s","orderId":"%s","conferenceId":"%s","description":"Order %s",
                 "amount":{"amount":%s,"currency":"%s"}}""".formatted(paymentId, order.orderId(),
                priced.get("conferenceId").asString(), order.orderId(), total.get("amount").toString(),
                total.get("currency").asString())).header(ACCESS, order.accessCode()).build();
        return send("start payment", request).thenCompose(answer -> {
            if (answer.statusCode() == 201) return CompletableFuture.completedFuture(answer);
            if (answer.statusCode() != 404 || attemptsLeft <= 1) {
                throw new CompletionException(new Unexpected("start payment", answer));
            }
            return CompletableFuture.supplyAsync(() -> null, retryDelay)
                    .thenCompose(later -> startPayment(order, priced, paymentId, attemptsLeft - 1));
        });
    }

    /** payment.js: the payment and, beside it, the priced order (how the amount came about). */
    private CompletableFuture<JsonNode> paymentPage(Placed order, UUID paymentId, String token) {
        CompletableFuture<HttpResponse<String>> payment = send("read payment",
                request("/api/payments/payments/" + paymentId).header(ACCESS, order.accessCode()).GET().build());
        CompletableFuture<JsonNode> priced = readAtLeast("/api/read/priced-orders/" + order.orderId(), order, token,
                view -> true, deadline());
        return payment.thenCombine(priced, (answer, view) -> {
            if (answer.statusCode() != 200) throw new CompletionException(new Unexpected("read payment", answer));
            return view;
        });
    }

    private CompletableFuture<HttpResponse<String>> accept(UUID paymentId, HttpResponse<String> started) {
        String payerUrl = JSON.readTree(started.body()).get("payerUrl").asString();
        String secret = payerUrl.substring(payerUrl.indexOf("secret=") + "secret=".length()).split("&")[0];
        return send("processor accept", request("/api/payments/payment-processor/" + paymentId + "/accept")
                .header("Processor-Secret", secret).POST(HttpRequest.BodyPublishers.noBody()).build())
                .thenApply(accepted -> {
                    if (accepted.statusCode() != 202) throw new CompletionException(new Unexpected("accept", accepted));
                    return accepted;
                });
    }

    /**
     * reads.js's readAtLeast: asks with the token until the view is there, fresh, and {@code accept}s it; while it is
     * not yet what {@code accept} wants, asks for the version after the one it showed (the read model holds the
     * request until the stream moves on). A 404 is "not projected yet" unless the read model says it had reached the
     * token's version.
     */
    private CompletableFuture<JsonNode> readAtLeast(String path, Placed order, String token, Predicate<JsonNode> accept,
                                                    long deadline) {
        HttpRequest request = request(path).header(ACCESS, order.accessCode()).header(TOKEN, token).GET().build();
        return send("read " + path.split("/")[3], request).thenCompose(answer -> {
            String consistency = answer.headers().firstValue("Consistency").orElse("");
            String next = token;
            OptionalLong comeBackIn = comeBackIn(answer);
            if (comeBackIn.isPresent() && System.nanoTime() < deadline) {
                // The read model busy: ask again when it says (reads.js does the same).
                Executor later = CompletableFuture.delayedExecutor(comeBackIn.getAsLong(), TimeUnit.SECONDS);
                return CompletableFuture.supplyAsync(() -> null, later)
                        .thenCompose(ignored -> readAtLeast(path, order, token, accept, deadline));
            }
            if (answer.statusCode() == 200) {
                JsonNode view = JSON.readTree(answer.body());
                boolean stale = consistency.equals("stale");
                if (!stale && accept.test(view)) return CompletableFuture.completedFuture(view);
                if (!stale && view.has("version")) next = order.orderId() + "." + (view.get("version").asLong() + 1);
            } else if (answer.statusCode() != 404 || consistency.equals("reached")) {
                throw new CompletionException(new Unexpected("read " + path, answer));
            }
            if (System.nanoTime() > deadline) throw failed(new Unexpected("read " + path + ": timed out"));
            return readAtLeast(path, order, next, accept, deadline);
        });
    }

    /** A 503 that says when to come back ({@code Retry-After}, seconds): that many seconds, at most 30. */
    private static OptionalLong comeBackIn(HttpResponse<String> answer) {
        if (answer.statusCode() != 503) return OptionalLong.empty();
        try {
            long seconds = Long.parseLong(answer.headers().firstValue("Retry-After").orElse("").trim());
            return seconds > 0 ? OptionalLong.of(Math.min(seconds, 30)) : OptionalLong.empty();
        } catch (NumberFormatException e) {
            return OptionalLong.empty();
        }
    }

    private CompletableFuture<HttpResponse<String>> send(String what, HttpRequest request) {
        return http.sendAsync(request, HttpResponse.BodyHandlers.ofString()).thenApply(answer -> count(what, answer));
    }

    private HttpResponse<String> count(String what, HttpResponse<String> answer) {
        requests.computeIfAbsent(what + " " + answer.statusCode(), k -> new LongAdder()).increment();
        return answer;
    }

    /** The requests sent so far, by what for and status, and starts counting again. */
    Map<String, Long> takeRequestCounts() {
        Map<String, Long> counts = new TreeMap<>();
        requests.forEach((what, n) -> counts.put(what, n.sumThenReset()));
        return counts;
    }

    private static CompletionException failed(Unexpected why) {
        return new CompletionException(why);
    }

    /** reads.js's nextVersion: {@code <stream>.<version + 1>}. */
    static String nextVersion(String token) {
        int dot = token.lastIndexOf('.');
        return token.substring(0, dot) + "." + (Long.parseLong(token.substring(dot + 1)) + 1);
    }

    private static long deadline() {
        return System.nanoTime() + READ_DEADLINE.toNanos();
    }

    private HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create(gateway + path)).timeout(Duration.ofSeconds(60))
                .header("Accept", "application/json");
    }

    private HttpRequest.Builder post(String path, String json) {
        return request(path).header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json));
    }

    private HttpRequest put(String path, String accessCode, String json) {
        return request(path).header(ACCESS, accessCode).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(json)).build();
    }
}

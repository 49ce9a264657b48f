package dev.seatbooking.gateway;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A real HTTP server on a loopback port standing in for a service behind the gateway: it remembers the last request
 * it got (method, raw path and query, headers, body) and answers by path:
 * <ul>
 *     <li>{@code /api/created} → 201 with {@code Location: /api/things/1};</li>
 *     <li>{@code /api/secret} → 401 with {@code WWW-Authenticate: Basic};</li>
 *     <li>{@code /api/busy} → 429 with {@code Retry-After: 60}, {@code /api/unavailable} → 503 with
 *     {@code Retry-After: 60};</li>
 *     <li>{@code /api/slow} → waits until {@link #release()} (at most 10 s), then 200;</li>
 *     <li>anything else → 200 {@code {"echo":"<path>"}}.</li>
 * </ul>
 */
final class StubService implements AutoCloseable {

    /** One request as the service got it; header names in lower case. */
    record Seen(String method, String rawPath, String rawQuery, Map<String, List<String>> headers, String body) {

        String header(String name) {
            List<String> values = headers.get(name.toLowerCase(Locale.ROOT));
            return values == null ? null : String.join(",", values);
        }
    }

    private final HttpServer server;
    private final AtomicReference<Seen> last = new AtomicReference<>();
    private final AtomicInteger requests = new AtomicInteger();
    private volatile CountDownLatch slow = new CountDownLatch(1);

    /** A stub service started now, for a test class's static field (which cannot throw IOException). */
    static StubService started() {
        try {
            return new StubService();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    StubService() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", this::handle);
        server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        server.start();
    }

    URI url() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    /** A URL where nothing listens. */
    static URI nothingListening() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return URI.create("http://127.0.0.1:" + socket.getLocalPort());
        }
    }

    Seen last() {
        return last.get();
    }

    int requests() {
        return requests.get();
    }

    void forget() {
        last.set(null);
    }

    void release() {
        slow.countDown();
        slow = new CountDownLatch(1);
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            Map<String, List<String>> headers = new TreeMap<>();
            exchange.getRequestHeaders().forEach((name, values) -> headers.put(name.toLowerCase(Locale.ROOT), values));
            URI uri = exchange.getRequestURI();
            last.set(new Seen(exchange.getRequestMethod(), uri.getRawPath(), uri.getRawQuery(), headers, body));
            requests.incrementAndGet();
            switch (uri.getRawPath()) {
                case "/api/created" -> {
                    exchange.getResponseHeaders().add("Location", "/api/things/1");
                    answer(exchange, 201, "{}");
                }
                case "/api/secret" -> {
                    exchange.getResponseHeaders().add("WWW-Authenticate", "Basic realm=\"owners\"");
                    answer(exchange, 401, "{\"code\":\"unauthorized\"}");
                }
                case "/api/busy", "/api/unavailable" -> {
                    exchange.getResponseHeaders().add("Retry-After", "60");
                    answer(exchange, uri.getRawPath().equals("/api/busy") ? 429 : 503, "{\"code\":\"busy\"}");
                }
                case "/api/slow" -> {
                    await(slow);
                    answer(exchange, 200, "{}");
                }
                default -> answer(exchange, 200, "{\"echo\":\"" + uri.getRawPath() + "\"}");
            }
        }
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void answer(HttpExchange exchange, int status, String json) throws IOException {
        byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    @Override
    public void close() {
        release();
        server.stop(0);
    }
}

package dev.seatbooking.gateway;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import static dev.seatbooking.gateway.GatewayClient.problem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Audit (resource exhaustion, per-client caps): the read model holds a query that carries a consistency token for up
 * to {@code consistency-wait} (5 s; and a refused order read for the whole bound on purpose), e.g. anyone's
 * {@code GET /api/read/conferences?consistencyToken=<random uuid>.1}. The gateway forwards on Tomcat's 200 platform
 * threads, blocking, and limits a client only by its request rate (burst 200, then 50 a second): one client's burst
 * of held queries takes every gateway thread, and at 50 a second × 5 s it keeps them. The client's requests in
 * progress are capped ({@code gateway.rate-limit.in-flight}, {@link ClientInFlightLimit}): the service holds that
 * many, the rest are refused at once. Here the stub's {@code /api/slow} stands for the read model's wait; the default
 * limits.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class OneClientHoldsEveryWorkerTest {

    static final StubService service = StubService.started();

    @DynamicPropertySource
    static void routes(DynamicPropertyRegistry registry) {
        registry.add("gateway.routes.read", () -> service.url().toString());
    }

    @LocalServerPort
    int port;

    @Autowired
    GatewayProperties properties;

    @AfterAll
    static void stop() {
        service.close();
    }

    @Test
    void one_client_with_its_burst_of_held_queries_does_not_lock_everyone_else_out() throws Exception {
        HttpClient attacker = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        List<CompletableFuture<HttpResponse<String>>> held = new ArrayList<>();
        try {
            for (int i = 0; i < 200; i++) {
                held.add(attacker.sendAsync(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
                        + "/api/read/slow")).timeout(Duration.ofSeconds(30)).build(),
                        HttpResponse.BodyHandlers.ofString()));
            }
            // each of them held by the service or answered
            await().atMost(Duration.ofSeconds(20))
                    .until(() -> service.requests() + held.stream().filter(CompletableFuture::isDone).count() >= 200);
            int reachedTheService = service.requests();

            // another client (another loopback address): a plain, fast read
            long started = System.nanoTime();
            String answer = get("127.0.0.2", "/api/read/conferences", Duration.ofSeconds(3));
            long millis = (System.nanoTime() - started) / 1_000_000;

            assertThat(answer).as("another client's GET /api/read/conferences while one client holds %d "
                    + "requests in the read model's wait (answered after %d ms)", service.requests(), millis)
                    .startsWith("HTTP/1.1 200");
            assertThat(reachedTheService).as("the client's requests the service holds")
                    .isEqualTo(properties.rateLimit().inFlight());
            List<HttpResponse<String>> refused = held.stream().filter(f -> f.isDone() && !f.isCompletedExceptionally())
                    .map(CompletableFuture::join).toList();
            assertThat(refused).hasSize(200 - properties.rateLimit().inFlight()).allSatisfy(refusal -> {
                problem(refusal, 429, "too-many-requests");
                assertThat(refusal.headers().firstValue("Retry-After")).hasValue("1");
            });
        } finally {
            service.release();
            held.forEach(f -> f.cancel(true));
        }
    }

    /** A GET from a socket bound to {@code localAddress}; the status line, or what happened instead. */
    private String get(String localAddress, String path, Duration timeout) throws IOException {
        try (Socket socket = new Socket()) {
            socket.bind(new InetSocketAddress(InetAddress.getByName(localAddress), 0));
            socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 2000);
            socket.setSoTimeout((int) timeout.toMillis());
            socket.getOutputStream().write(("GET " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n")
                    .getBytes(StandardCharsets.ISO_8859_1));
            byte[] head = new byte[64];
            int n = socket.getInputStream().read(head);
            return n <= 0 ? "(closed without an answer)" : new String(head, 0, n, StandardCharsets.ISO_8859_1);
        } catch (SocketTimeoutException e) {
            return "(no answer within " + timeout.toSeconds() + " s)";
        }
    }
}

package dev.seatbooking.gateway;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A real HTTP client (the JDK's: it sends a path exactly as given, no normalising) to the gateway under test, and
 * what the tests check of a problem.
 */
final class GatewayClient {

    private static final JsonMapper json = JsonMapper.builder().build();
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private final int port;
    private final String base;

    GatewayClient(int port) {
        this.port = port;
        this.base = "http://127.0.0.1:" + port;
    }

    HttpResponse<String> get(String pathAndQuery, String... headers) {
        return send("GET", pathAndQuery, null, headers);
    }

    HttpResponse<String> send(String method, String pathAndQuery, String body, String... headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + pathAndQuery))
                .timeout(Duration.ofSeconds(20))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body));
        if (headers.length > 0) request.headers(headers);
        try {
            return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new AssertionError(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    /**
     * A GET of a request target exactly as given, which {@link java.net.URI} would refuse ({@code ?x=%zz}): HTTP/1.0
     * on a socket, so that the answer ends when the connection does.
     */
    Raw raw(String target) {
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port)) {
            socket.setSoTimeout(20_000);
            socket.getOutputStream().write(("GET " + target + " HTTP/1.0\r\nHost: 127.0.0.1\r\n\r\n")
                    .getBytes(StandardCharsets.ISO_8859_1));
            String answer = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            int end = answer.indexOf("\r\n\r\n");
            String[] head = answer.substring(0, end).split("\r\n");
            String contentType = null;
            for (String line : head) {
                if (line.toLowerCase(Locale.ROOT).startsWith("content-type:")) contentType = line.substring(13).trim();
            }
            return new Raw(Integer.parseInt(head[0].split(" ")[1]), contentType, answer.substring(end + 4));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** An answer to {@link #raw}. */
    record Raw(int status, String contentType, String body) {
    }

    /** Asserts the answer is an application/problem+json problem of this status and code, and returns it. */
    static JsonNode problem(HttpResponse<String> response, int status, String code) {
        return problem(new Raw(response.statusCode(), response.headers().firstValue("Content-Type").orElse(null),
                response.body()), status, code);
    }

    static JsonNode problem(Raw response, int status, String code) {
        assertThat(response.status()).as(response.body()).isEqualTo(status);
        assertThat(response.contentType()).as(response.body()).startsWith("application/problem+json");
        JsonNode problem = json.readTree(response.body());
        assertThat(problem.get("status").asInt()).isEqualTo(status);
        assertThat(problem.get("code").asString()).isEqualTo(code);
        assertThat(problem.get("type").asString()).isEqualTo("https://seatbooking.dev/problems/" + code);
        assertThat(problem.get("title").asString()).isNotBlank();
        return problem;
    }
}

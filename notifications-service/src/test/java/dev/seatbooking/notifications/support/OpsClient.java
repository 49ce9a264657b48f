package dev.seatbooking.notifications.support;

import dev.seatbooking.testinfra.TestCredentials;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

/**
 * Calls the service's operations endpoints over real HTTP, through the real security filter chain: with the ops
 * credential ({@link #OPS}), with another {@code Authorization} value, or with none ({@link #ANONYMOUS}).
 */
public record OpsClient(int port) {

    public static final String OPS = TestCredentials.opsAuthorization();
    public static final String ANONYMOUS = null;

    private static final HttpClient http = HttpClient.newHttpClient();

    public HttpResponse<String> get(String path) {
        return get(path, OPS);
    }

    public HttpResponse<String> get(String path, String authorization) {
        return send(request(path, authorization).GET());
    }

    public HttpResponse<String> post(String path) {
        return post(path, OPS);
    }

    public HttpResponse<String> post(String path, String authorization) {
        return send(request(path, authorization).POST(HttpRequest.BodyPublishers.noBody()));
    }

    private HttpRequest.Builder request(String path, String authorization) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path));
        return authorization == null ? request : request.header("Authorization", authorization);
    }

    private static HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}

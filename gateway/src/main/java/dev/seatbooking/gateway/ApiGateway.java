package dev.seatbooking.gateway;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Forwards {@code /api/{route}/rest} to {@code <route's URL>/api/rest}, method, headers, query and body as they
 * came, and the answer back as it came (status, headers, body). Routes by prefix, because the services' own paths
 * overlap ({@code /api/conferences} is both Conference Management's admin API and the read model's queries):
 * <ul>
 *     <li>{@code /api/management/...} → conference-management-service</li>
 *     <li>{@code /api/registration/...} → registration-service</li>
 *     <li>{@code /api/payments/...} → payments-service</li>
 *     <li>{@code /api/read/...} → read-model-service</li>
 *     <li>{@code /payment-processor/...} → payments-service as is (the simulated processor's own page)</li>
 * </ul>
 * {@code Location} headers that name a service path are rewritten to the gateway's; {@code WWW-Authenticate} is
 * dropped so that a wrong owner access code is a message on the page, not the browser's sign-in dialog.
 */
@RestController
class ApiGateway {

    private static final Logger log = LoggerFactory.getLogger(ApiGateway.class);

    /** Hop-by-hop headers, and those the HTTP client sets itself. */
    private static final Set<String> NOT_FORWARDED = Set.of("connection", "keep-alive", "proxy-authenticate",
            "proxy-authorization", "te", "trailer", "transfer-encoding", "upgrade", "host", "content-length", "expect",
            "http2-settings", "correlation-id");
    private static final Set<String> NOT_RETURNED = Set.of("connection", "keep-alive", "transfer-encoding",
            "content-length", "www-authenticate", "date", "upgrade", "trailer");

    private final GatewayProperties properties;
    private final HttpClient client;

    ApiGateway(GatewayProperties properties) {
        this.properties = properties;
        this.client = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5))
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    @RequestMapping("/api/{route}/**")
    void api(@PathVariable String route, HttpServletRequest request, HttpServletResponse response) throws IOException {
        URI base = properties.routes().get(route);
        if (base == null) {
            problem(response, HttpStatus.NOT_FOUND, "No such API",
                    "/api/" + route + "/ is not a route of the gateway; routes: " + properties.routes().keySet());
            return;
        }
        String rest = request.getRequestURI().substring(("/api/" + route).length());
        forward(route, base, "/api" + rest, "/api/" + route, request, response);
    }

    @RequestMapping("/payment-processor/**")
    void paymentProcessorPage(HttpServletRequest request, HttpServletResponse response) throws IOException {
        URI base = properties.routes().get(GatewayProperties.PAYMENTS);
        forward(GatewayProperties.PAYMENTS, base, request.getRequestURI(), "", request, response);
    }

    private void forward(String route, URI base, String path, String locationPrefix, HttpServletRequest request,
                         HttpServletResponse response) throws IOException {
        String query = request.getQueryString();
        URI target = URI.create(strip(base.toString()) + path + (query == null ? "" : "?" + query));
        byte[] body = request.getInputStream().readAllBytes();
        HttpRequest.Builder forwarded = HttpRequest.newBuilder(target)
                .timeout(properties.timeout())
                .method(request.getMethod(), body.length == 0 ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofByteArray(body));
        for (String name : Collections.list(request.getHeaderNames())) {
            String lower = name.toLowerCase(Locale.ROOT);
            if (NOT_FORWARDED.contains(lower) || lower.startsWith("x-forwarded-")) continue;
            for (String value : Collections.list(request.getHeaders(name))) forwarded.header(name, value);
        }
        forwarded.header(CorrelationIdFilter.HEADER, String.valueOf(MDC.get(CorrelationIdFilter.MDC_KEY)));
        String forwardedFor = request.getHeader("X-Forwarded-For");
        forwarded.header("X-Forwarded-For", forwardedFor == null ? request.getRemoteAddr()
                : forwardedFor + ", " + request.getRemoteAddr());
        forwarded.header("X-Forwarded-Proto", request.getScheme());
        forwarded.header("X-Forwarded-Host", String.valueOf(request.getHeader("Host")));

        HttpResponse<InputStream> answer;
        try {
            answer = client.send(forwarded.build(), HttpResponse.BodyHandlers.ofInputStream());
        } catch (HttpTimeoutException e) {
            problem(response, HttpStatus.GATEWAY_TIMEOUT, "The service did not answer in time",
                    "The " + route + " service did not answer within " + properties.timeout().toSeconds() + " s.");
            return;
        } catch (ConnectException e) {
            problem(response, HttpStatus.BAD_GATEWAY, "The service is not running",
                    "The " + route + " service does not answer at " + base + ".");
            return;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            problem(response, HttpStatus.SERVICE_UNAVAILABLE, "Shutting down", "The gateway is stopping.");
            return;
        } catch (IOException e) {
            log.warn("{} {} failed: {}", request.getMethod(), target, e.toString());
            problem(response, HttpStatus.BAD_GATEWAY, "The service failed to answer",
                    "The " + route + " service closed the connection.");
            return;
        }
        response.setStatus(answer.statusCode());
        for (Map.Entry<String, List<String>> header : answer.headers().map().entrySet()) {
            String lower = header.getKey().toLowerCase(Locale.ROOT);
            if (NOT_RETURNED.contains(lower) || lower.startsWith(":")) continue;
            for (String value : header.getValue()) {
                if (lower.equals("location") && !locationPrefix.isEmpty() && value.startsWith("/api/")) value = locationPrefix + value.substring(4);
                response.addHeader(header.getKey(), value);
            }
        }
        try (InputStream in = answer.body(); OutputStream out = response.getOutputStream()) {
            in.transferTo(out);
        }
    }

    private static String strip(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }

    private static void problem(HttpServletResponse response, HttpStatus status, String title, String detail)
            throws IOException {
        response.setStatus(status.value());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        String json = "{\"type\":\"about:blank\",\"title\":\"" + escape(title) + "\",\"status\":" + status.value()
                + ",\"detail\":\"" + escape(detail) + "\"}";
        response.getOutputStream().write(json.getBytes(StandardCharsets.UTF_8));
    }

    private static String escape(String text) {
        return text.replace("\\", "\\\\").replace("\"", "\\\"");
    }
}

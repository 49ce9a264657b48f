package dev.seatbooking.gateway;

import dev.seatbooking.web.problem.Problems;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.DefaultHttpRequestRetryStrategy;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManager;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.core5.http.HttpRequest;
import org.apache.hc.core5.http.HttpResponse;
import org.apache.hc.core5.http.Method;
import org.apache.hc.core5.http.protocol.HttpContext;
import org.apache.hc.core5.util.TimeValue;
import org.apache.hc.core5.util.Timeout;
import org.springframework.cloud.gateway.server.mvc.common.MvcUtils;
import org.springframework.cloud.gateway.server.mvc.handler.GatewayRouterFunctions;
import org.springframework.cloud.gateway.server.mvc.handler.HandlerFunctions;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.client.ClientHttpRequestFactory;
import org.springframework.http.client.HttpComponentsClientHttpRequestFactory;
import org.springframework.web.servlet.function.HandlerFilterFunction;
import org.springframework.web.servlet.function.RequestPredicates;
import org.springframework.web.servlet.function.RouterFunction;
import org.springframework.web.servlet.function.RouterFunctions;
import org.springframework.web.servlet.function.ServerRequest;
import org.springframework.web.servlet.function.ServerResponse;
import org.springframework.util.StringUtils;
import org.springframework.web.util.UriComponentsBuilder;
import org.springframework.web.util.UriUtils;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.BiFunction;
import java.util.function.Function;

import static org.springframework.cloud.gateway.server.mvc.filter.BeforeFilterFunctions.uri;

/**
 * The gateway's routes (Spring Cloud Gateway Server WebMVC). By prefix, one per service, because the services' own
 * paths overlap ({@code /api/conferences} is both Conference Management's admin API and the read model's queries):
 * <ul>
 *     <li>{@code /api/{route}/rest} → {@code <gateway.routes.{route}>/api/rest} (management, registration, payments,
 *     read);</li>
 *     <li>{@code /payment-processor/...} → the payments service as it is (the simulated processor's own page);</li>
 *     <li>any other {@code /api/...} → 404 problem "No such API".</li>
 * </ul>
 * Every route: the client's limits ({@link #clientLimits}), then the {@link RequestGuard}, then the forward,
 * whose request headers {@link EdgeHeaders} sets. On the way back a {@code Location} naming a service path gets the
 * route's prefix, and {@code WWW-Authenticate} is dropped so that a wrong owner access code is a message on the page,
 * not the browser's sign-in dialog; a service that does not answer is a problem ({@link UpstreamFailure}).
 */
@Configuration(proxyBeanMethods = false)
class GatewayRoutes {

    static final String PAYMENT_PROCESSOR = "/payment-processor";

    /** {@code api/{route}}: the leading segments that name the route, not the service's path. */
    private static final int ROUTE_SEGMENTS = 2;

    /** Connections to each service at most: as many as the gateway has request threads (Tomcat's default 200). */
    static final int MAX_CONNECTIONS = 200;

    @Bean
    RouterFunction<ServerResponse> routes(GatewayProperties properties) {
        HandlerFilterFunction<ServerResponse, ServerResponse> limits = clientLimits(properties.rateLimit());
        Map<String, URI> routes = new TreeMap<>(properties.routes());
        RouterFunction<ServerResponse> all = null;
        for (Map.Entry<String, URI> route : routes.entrySet()) {
            RouterFunction<ServerResponse> api = apiRoute(route.getKey(), route.getValue(), properties.timeout(), limits);
            all = all == null ? api : all.and(api);
        }
        URI payments = routes.get(GatewayProperties.PAYMENTS);
        if (payments != null) {
            all = all.and(GatewayRouterFunctions.route("payment-processor")
                    .route(RequestPredicates.path(PAYMENT_PROCESSOR + "/**"), HandlerFunctions.http())
                    .filter(limits)
                    .filter(RequestGuard.asIs())
                    .before(uri(payments))
                    .after(withoutWwwAuthenticate())
                    .onError(Exception.class, new UpstreamFailure(GatewayProperties.PAYMENTS, payments, properties.timeout()))
                    .build());
        }
        RouterFunction<ServerResponse> noSuchApi = RouterFunctions.route()
                .route(RequestPredicates.path("/api/**"), request -> noSuchApi(request, routes.keySet()))
                .filter(limits)
                .build();
        return all == null ? noSuchApi : all.and(noSuchApi);
    }

    private static RouterFunction<ServerResponse> apiRoute(
            String name, URI base, Duration timeout, HandlerFilterFunction<ServerResponse, ServerResponse> limits) {
        String prefix = "/api/" + name;
        return GatewayRouterFunctions.route(name)
                .route(RequestPredicates.path(prefix + "/**"), HandlerFunctions.http())
                .filter(limits)
                .filter(RequestGuard.api())
                .before(uri(base))
                .before(toServicePath())
                .after(locationUnder(prefix))
                .after(withoutWwwAuthenticate())
                .onError(Exception.class, new UpstreamFailure(name, base, timeout))
                .build();
    }

    /**
     * A client address's limits, the first filter of every route (the first added is the outermost): its requests in
     * progress ({@link ClientInFlightLimit}), then its rate ({@link ClientRateLimit}). Outermost, the count of requests
     * in progress spans everything the route does, and the answer it returns is the one Spring MVC writes. Only the
     * API and the payment processor's page: the static front end and the actuator are answered at once, from the
     * gateway itself, and hold a thread for no time worth counting.
     */
    private static HandlerFilterFunction<ServerResponse, ServerResponse> clientLimits(GatewayProperties.RateLimit limit) {
        return new ClientInFlightLimit(limit.inFlight()).andThen(new ClientRateLimit(limit));
    }

    /**
     * {@code /api/{route}/rest} → {@code /api/rest}, query untouched: what Spring Cloud Gateway's
     * {@code stripPrefix(2)} then {@code prefixPath("/api")} do (empty segments dropped, a trailing slash kept), in one
     * step, because each of them copies the whole request (its headers too) and every forwarded request paid twice.
     */
    static Function<ServerRequest, ServerRequest> toServicePath() {
        return request -> {
            MvcUtils.addOriginalRequestUrl(request, request.uri());
            String path = request.uri().getRawPath();
            String[] segments = StringUtils.tokenizeToStringArray(path, "/");
            StringBuilder servicePath = new StringBuilder("/api");
            for (int i = ROUTE_SEGMENTS; i < segments.length; i++) {
                servicePath.append('/').append(segments[i]);
            }
            if (segments.length > ROUTE_SEGMENTS && path.endsWith("/")) servicePath.append('/');
            URI forwarded = UriComponentsBuilder.fromUri(request.uri()).replacePath(servicePath.toString())
                    .build(true).toUri();
            return ServerRequest.from(request).uri(forwarded).build();
        };
    }

    /**
     * Drops a service's {@code WWW-Authenticate}. (Not Spring Cloud Gateway's {@code removeResponseHeader}: that
     * removes from every answer, and the gateway's own problem answers have read-only headers.)
     */
    static BiFunction<ServerRequest, ServerResponse, ServerResponse> withoutWwwAuthenticate() {
        return (request, response) -> {
            if (response.headers().containsHeader(HttpHeaders.WWW_AUTHENTICATE)) {
                response.headers().remove(HttpHeaders.WWW_AUTHENTICATE);
            }
            return response;
        };
    }

    /** A {@code Location: /api/...} of the service is {@code /api/{route}/...} at the gateway. */
    static BiFunction<ServerRequest, ServerResponse, ServerResponse> locationUnder(String prefix) {
        return (request, response) -> {
            String location = response.headers().getFirst(HttpHeaders.LOCATION);
            if (location != null && location.startsWith("/api/")) {
                response.headers().set(HttpHeaders.LOCATION, prefix + location.substring("/api".length()));
            }
            return response;
        };
    }

    /** The route name is the client's, decoded: it may hold any character, which Jackson escapes. */
    private static ServerResponse noSuchApi(ServerRequest request, Iterable<String> routes) {
        String path = request.requestPath().pathWithinApplication().value();
        String route = path.length() > "/api/".length() ? path.substring("/api/".length()).split("/", 2)[0] : "";
        try {
            route = UriUtils.decode(route, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException malformed) {
            // named as it came
        }
        return GatewayResponses.response(GatewayResponses.problem(HttpStatus.NOT_FOUND, Problems.NOT_FOUND, "No such API",
                "/api/" + route + "/ is not a route of the gateway; routes: " + routes));
    }

    /**
     * The client the forwards go out with: Apache HttpClient's classic client, which reads and writes on the request's
     * own thread over pooled keep-alive connections (the JDK's client handed every exchange to its selector and worker
     * threads, a third of the gateway's CPU per request). HTTP/1.1 (the services speak nothing else), never following a
     * redirect (the browser is to see it), bodies passed as they are (no content decompression), no cookies, a retry
     * only of a read whose pooled connection the service had closed ({@link StaleConnectionRetry});
     * {@code gateway.timeout} for an answer. A connection idle for a second is checked before it is reused, so a
     * restarted service costs no request.
     */
    @Bean
    ClientHttpRequestFactory gatewayClientHttpRequestFactory(GatewayProperties properties) {
        CloseableHttpClient client = HttpClients.custom()
                .setConnectionManager(connectionManager(properties))
                .setDefaultRequestConfig(RequestConfig.custom()
                        .setResponseTimeout(Timeout.of(properties.timeout())).build())
                .setRetryStrategy(new StaleConnectionRetry())
                .disableRedirectHandling()
                .disableContentCompression()
                .disableCookieManagement()
                .disableAuthCaching()
                .evictExpiredConnections()
                .build();
        return new HttpComponentsClientHttpRequestFactory(client);
    }

    /**
     * Up to {@link #MAX_CONNECTIONS} kept-alive connections to each service, and room for all of them at once: a pool
     * whose total is smaller closes an idle connection to one service whenever another needs a new one. Under load
     * the read model's held read-your-writes queries fill it, so the gateway closed and reopened connections by the
     * thousand (1.7-1.8 per order in the end-to-end benchmark, 0.07-0.09 since), each a TCP handshake and a new Tomcat
     * connection in the service.
     */
    static PoolingHttpClientConnectionManager connectionManager(GatewayProperties properties) {
        ConnectionConfig connections = ConnectionConfig.custom()
                .setConnectTimeout(Timeout.ofSeconds(5))
                .setSocketTimeout(Timeout.of(properties.timeout()))
                .setValidateAfterInactivity(TimeValue.ofSeconds(1))
                .build();
        return PoolingHttpClientConnectionManagerBuilder.create()
                .setDefaultConnectionConfig(connections)
                .setMaxConnTotal(MAX_CONNECTIONS * Math.max(1, properties.routes().size()))
                .setMaxConnPerRoute(MAX_CONNECTIONS)
                .build();
    }

    /**
     * A read ({@code GET}, {@code HEAD}, {@code OPTIONS}) is sent again once, at once, when the pooled connection it
     * went out on turns out closed by the service; a request that may change something never is, so the gateway
     * never makes a service do anything twice. An answer is never retried: Apache HttpClient's default strategy
     * sends an idempotent request again after a 429 or 503, waiting out the answer's {@code Retry-After} (a minute
     * for an order's access-code throttle) while the client waits; such an answer is the client's to see.
     */
    private static final class StaleConnectionRetry extends DefaultHttpRequestRetryStrategy {

        StaleConnectionRetry() {
            super(1, TimeValue.ZERO_MILLISECONDS);
        }

        @Override
        public boolean retryRequest(HttpResponse response, int execCount, HttpContext context) {
            return false;
        }

        @Override
        protected boolean handleAsIdempotent(HttpRequest request) {
            return Method.GET.isSame(request.getMethod()) || Method.HEAD.isSame(request.getMethod())
                    || Method.OPTIONS.isSame(request.getMethod());
        }
    }
}

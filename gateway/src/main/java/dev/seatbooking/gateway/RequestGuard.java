package dev.seatbooking.gateway;

import org.springframework.web.servlet.function.HandlerFilterFunction;
import org.springframework.web.servlet.function.HandlerFunction;
import org.springframework.web.servlet.function.ServerRequest;
import org.springframework.web.servlet.function.ServerResponse;
import org.springframework.web.util.UriUtils;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * What the gateway refuses to forward, before anything is forwarded (a query string that cannot be decoded was
 * already refused by web-support's {@code RequestSanityFilter}, in front of every route):
 * <ul>
 *     <li>a path that could name something else once the service's server has decoded and normalised it: a
 *     {@code .} or {@code ..} segment (also percent-encoded), a {@code ;} path parameter, an encoded {@code /} or
 *     {@code \}, a control character — 400 {@code malformed-request};</li>
 *     <li>the services' operations endpoints: {@code /api/{service}/admin/...} and {@code /api/{service}/actuator/...}
 *     — 404, as if they did not exist (they need the ops credential and are reached on the services' own ports, never
 *     through the public gateway).</li>
 * </ul>
 */
final class RequestGuard implements HandlerFilterFunction<ServerResponse, ServerResponse> {

    /** First path segments after {@code /api/{service}/} that the gateway never routes. */
    static final Set<String> OPS_SEGMENTS = Set.of("admin", "actuator");

    /** How many leading segments of the path name the route ({@code api/{service}}); what follows is the service's. */
    private final int routeSegments;

    private RequestGuard(int routeSegments) {
        this.routeSegments = routeSegments;
    }

    /** For {@code /api/{service}/...}: also keeps the services' operations endpoints out of reach. */
    static RequestGuard api() {
        return new RequestGuard(2);
    }

    /** For a route forwarded as it is ({@code /payment-processor/...}). */
    static RequestGuard asIs() {
        return new RequestGuard(-1);
    }

    @Override
    public ServerResponse filter(ServerRequest request, HandlerFunction<ServerResponse> next) throws Exception {
        List<String> segments;
        try {
            segments = decodedSegments(request.servletRequest().getRequestURI());
        } catch (IllegalArgumentException e) {
            return GatewayResponses.malformed("The path " + e.getMessage());
        }
        if (routeSegments >= 0 && segments.size() > routeSegments
                && OPS_SEGMENTS.contains(segments.get(routeSegments).toLowerCase(Locale.ROOT))) {
            return GatewayResponses.notFound("The gateway does not route operations endpoints");
        }
        return next.handle(request);
    }


    /**
     * The path's non-empty segments, percent-decoded (empty ones are dropped, as Spring Cloud Gateway's
     * {@code stripPrefix} drops them).
     *
     * @throws IllegalArgumentException saying what is wrong with the path
     */
    static List<String> decodedSegments(String rawPath) {
        List<String> segments = new ArrayList<>();
        for (String raw : rawPath.split("/")) {
            if (raw.isEmpty()) continue;
            if (raw.indexOf(';') >= 0) throw new IllegalArgumentException("has a path parameter (;)");
            String segment = decode(raw);
            if (segment.equals(".") || segment.equals("..")) throw new IllegalArgumentException("has a dot segment");
            for (int i = 0; i < segment.length(); i++) {
                char c = segment.charAt(i);
                if (c == '/' || c == '\\') throw new IllegalArgumentException("has an encoded slash");
                if (c < 0x20 || c == 0x7f) throw new IllegalArgumentException("has a control character");
            }
            segments.add(segment);
        }
        return segments;
    }

    private static String decode(String raw) {
        try {
            return UriUtils.decode(raw, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException malformed) {
            throw new IllegalArgumentException("has a malformed percent-escape");
        }
    }
}

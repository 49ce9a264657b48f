package dev.seatbooking.web.edge;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Headers a client can make up are believed only from the gateway. A request that carries the gateway's token
 * ({@value #TOKEN_HEADER}, compared in constant time with {@code seatbooking.gateway.token}) came through the gateway,
 * which overwrites {@code X-Forwarded-For} with the address its client connected from: that becomes the request's
 * remote address, so throttles count the real client. Every other request — sent to a service's port directly —
 * has its forwarding headers and its {@code Correlation-Id} hidden (a new correlation id is made for it), and its
 * remote address is the one it connected from. A correlation id is only ever taken if it is a UUID.
 */
public class GatewayTrustFilter extends OncePerRequestFilter {

    public static final String TOKEN_HEADER = "Gateway-Token";
    public static final String CORRELATION_HEADER = "Correlation-Id";
    private static final Set<String> FORWARDING = Set.of("x-forwarded-for", "x-forwarded-host", "x-forwarded-proto",
            "x-forwarded-port", "x-forwarded-prefix", "forwarded", "x-real-ip");
    private static final Pattern ADDRESS = Pattern.compile("[0-9A-Fa-f.:]{2,45}");

    private final byte[] token;

    /** @param token the gateway's token; empty: no request is trusted */
    public GatewayTrustFilter(String token) {
        this.token = token == null || token.isBlank() ? null : token.getBytes(StandardCharsets.UTF_8);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        boolean fromGateway = fromGateway(request.getHeader(TOKEN_HEADER));
        String client = fromGateway ? forwardedClient(request) : null;
        chain.doFilter(new Edge(request, fromGateway, client), response);
    }

    private boolean fromGateway(String presented) {
        return token != null && presented != null
                && MessageDigest.isEqual(token, presented.getBytes(StandardCharsets.UTF_8));
    }

    /** The gateway sends one address; anything else is not used. */
    private static String forwardedClient(HttpServletRequest request) {
        String forwarded = request.getHeader("X-Forwarded-For");
        if (forwarded == null) return null;
        String first = forwarded.split(",", 2)[0].trim();
        return ADDRESS.matcher(first).matches() ? first : null;
    }

    @Override
    protected boolean shouldNotFilterAsyncDispatch() {
        return false;
    }

    private static final class Edge extends HttpServletRequestWrapper {
        private final boolean fromGateway;
        private final String client;

        Edge(HttpServletRequest request, boolean fromGateway, String client) {
            super(request);
            this.fromGateway = fromGateway;
            this.client = client;
        }

        private boolean hidden(String name) {
            String lower = name.toLowerCase(Locale.ROOT);
            if (lower.equals(TOKEN_HEADER.toLowerCase(Locale.ROOT))) return true;
            if (lower.equals(CORRELATION_HEADER.toLowerCase(Locale.ROOT))) {
                return !fromGateway || !isUuid(super.getHeader(name));
            }
            return !fromGateway && FORWARDING.contains(lower);
        }

        @Override
        public String getHeader(String name) {
            return hidden(name) ? null : super.getHeader(name);
        }

        @Override
        public Enumeration<String> getHeaders(String name) {
            return hidden(name) ? Collections.emptyEnumeration() : super.getHeaders(name);
        }

        @Override
        public Enumeration<String> getHeaderNames() {
            List<String> names = Collections.list(super.getHeaderNames()).stream().filter(n -> !hidden(n)).toList();
            return Collections.enumeration(names);
        }

        @Override
        public String getRemoteAddr() {
            return client != null ? client : super.getRemoteAddr();
        }

        @Override
        public String getRemoteHost() {
            return client != null ? client : super.getRemoteHost();
        }
    }

    static boolean isUuid(String value) {
        if (value == null || value.length() != 36) return false;
        try {
            UUID.fromString(value);
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}

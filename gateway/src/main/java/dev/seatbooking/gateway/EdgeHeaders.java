package dev.seatbooking.gateway;

import org.springframework.cloud.gateway.server.mvc.filter.HttpHeadersFilter.RequestHttpHeadersFilter;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.function.ServerRequest;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The gateway is the platform's edge: what a client says about forwarding is not believed, and what the gateway
 * knows is said to the service. On every forwarded request, after Spring Cloud Gateway's own header filters:
 * <ul>
 *     <li>the client's {@code Forwarded}, {@code X-Forwarded-*}, {@code X-Real-IP} and {@code Gateway-Token} are
 *     dropped;</li>
 *     <li>{@code X-Forwarded-For} is the client's address as the gateway's socket sees it (set, not appended);</li>
 *     <li>{@code Gateway-Token} is the configured secret (none when it is empty), so that the service believes
 *     that {@code X-Forwarded-For};</li>
 *     <li>{@code Correlation-Id} is the request's correlation id ({@link CorrelationIdFilter}).</li>
 * </ul>
 */
@Component
class EdgeHeaders implements RequestHttpHeadersFilter, Ordered {

    static final String X_FORWARDED_FOR = "X-Forwarded-For";

    private final GatewayToken token;

    EdgeHeaders(GatewayToken token) {
        this.token = token;
    }

    /** After Spring Cloud Gateway's filters (hop-by-hop, forwarded), so that nothing removes what is set here. */
    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE;
    }

    @Override
    public HttpHeaders apply(HttpHeaders headers, ServerRequest request) {
        HttpHeaders forwarded = new HttpHeaders();
        forwarded.putAll(headers);
        List<String> clientSaid = new ArrayList<>();
        for (String name : forwarded.headerNames()) {
            String lower = name.toLowerCase(Locale.ROOT);
            if (lower.startsWith("x-forwarded-") || lower.equals("forwarded") || lower.equals("x-real-ip")) {
                clientSaid.add(name);
            }
        }
        clientSaid.forEach(forwarded::remove);
        forwarded.remove(GatewayToken.HEADER);
        forwarded.set(X_FORWARDED_FOR, request.servletRequest().getRemoteAddr());
        if (token.present()) forwarded.set(GatewayToken.HEADER, token.token());
        Object correlationId = request.servletRequest().getAttribute(CorrelationIdFilter.ATTRIBUTE);
        if (correlationId != null) forwarded.set(CorrelationIdFilter.HEADER, correlationId.toString());
        return forwarded;
    }
}

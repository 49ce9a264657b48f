package dev.seatbooking.gateway;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.MDC;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;
import java.util.UUID;

/**
 * Every request through the gateway has a correlation id: the browser's {@value #HEADER} header when it is a UUID
 * (the front end sends a new one per call), otherwise a new one — a bad id is replaced, never refused. It is in the
 * logging MDC while the request is handled and is what the gateway forwards to the service (see
 * {@link EdgeHeaders}), which does the same with it and carries it into the messages it causes.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class CorrelationIdFilter extends OncePerRequestFilter {

    static final String HEADER = "Correlation-Id";
    static final String MDC_KEY = "correlationId";
    /** The request's correlation id, for the forwarded request's header. */
    static final String ATTRIBUTE = CorrelationIdFilter.class.getName() + ".id";

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String id = idOf(request.getHeader(HEADER));
        request.setAttribute(ATTRIBUTE, id);
        try (var correlation = MDC.putCloseable(MDC_KEY, id)) {
            chain.doFilter(request, response);
        }
    }

    /** The given id in UUID's canonical form, or a new one. */
    static String idOf(String given) {
        if (given != null && given.length() == 36) {
            try {
                return UUID.fromString(given).toString();
            } catch (IllegalArgumentException notAUuid) {
                // replaced below
            }
        }
        return UUID.randomUUID().toString();
    }
}

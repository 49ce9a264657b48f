package dev.seatbooking.eventsourcing.spring;

import dev.seatbooking.eventsourcing.correlation.Correlation;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.core.Ordered;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Every HTTP request runs with a correlation id: the caller's {@value Correlation#HEADER} header (the gateway and
 * the front end send one), or a new one; it is in the logging MDC while the request is handled and answered in the
 * same header.
 */
public class CorrelationIdFilter extends OncePerRequestFilter implements Ordered {

    private static final Pattern ACCEPTABLE = Pattern.compile("[A-Za-z0-9._-]{1,100}");

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String given = request.getHeader(Correlation.HEADER);
        String id = given != null && ACCEPTABLE.matcher(given).matches() ? given : UUID.randomUUID().toString();
        response.setHeader(Correlation.HEADER, id);
        try (var correlation = Correlation.open(id)) {
            chain.doFilter(request, response);
        }
    }

    @Override
    public int getOrder() {
        // After the web edge's gateway-trust filter (HIGHEST_PRECEDENCE), which hides a correlation id not from the gateway.
        return Ordered.HIGHEST_PRECEDENCE + 10;
    }
}

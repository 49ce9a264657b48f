package dev.seatbooking.web.edge;

import dev.seatbooking.web.json.StrictJson;
import dev.seatbooking.web.problem.ProblemResponses;
import dev.seatbooking.web.problem.Problems;
import dev.seatbooking.web.problem.Problems.FieldProblem;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpStatus;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Refuses, before anything reads them, query strings and form parameters that cannot be what a client meant: a
 * {@code %} that starts no escape ({@code ?x=%zz}, {@code ?x=%}), which would fail deep inside whatever decodes it,
 * and control characters in a parameter's name or value (PostgreSQL refuses NUL; the rest have no business in a
 * parameter). Each is a 400 problem naming the parameter.
 */
public class RequestSanityFilter extends OncePerRequestFilter {

    private static final Pattern BROKEN_ESCAPE = Pattern.compile("%(?![0-9A-Fa-f]{2})");

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String refusedType = refusedContentType(request);
        if (refusedType != null) {
            ProblemResponses.write(response, Problems.problem(HttpStatus.UNSUPPORTED_MEDIA_TYPE,
                    Problems.UNSUPPORTED_MEDIA_TYPE, refusedType));
            return;
        }
        String query = request.getQueryString();
        if (query != null && BROKEN_ESCAPE.matcher(query).find()) {
            ProblemResponses.write(response, Problems.malformed(
                    "The query string holds a '%' that starts no escape (%XX)",
                    new FieldProblem("query", "has a broken percent-escape")));
            return;
        }
        Map<String, String[]> parameters;
        try {
            parameters = request.getParameterMap();
        } catch (RuntimeException unreadable) {
            ProblemResponses.write(response, Problems.malformed("The request's parameters cannot be decoded"));
            return;
        }
        for (Map.Entry<String, String[]> parameter : parameters.entrySet()) {
            if (holdsControlCharacter(parameter.getKey(), parameter.getValue())) {
                String name = visible(parameter.getKey());
                ProblemResponses.write(response, Problems.invalid(List.of(
                        new FieldProblem(name, "must not contain control characters"))));
                return;
            }
        }
        chain.doFilter(request, response);
    }

    /**
     * Why a body of this type is refused before anything parses it, or null. No operation takes a multipart body (and
     * reading the parameters would have the container parse one, to temporary files); a form body only comes with a
     * POST (the processor page's forms), elsewhere Spring's form filter would decode it before any handler, failing on
     * a broken escape outside the problem handling; and a wildcard or unreadable type is nobody's body (Spring fails
     * on a wildcard with an IllegalArgumentException: a 500).
     */
    static String refusedContentType(HttpServletRequest request) {
        String header = request.getContentType();
        if (header == null || !hasBody(request)) return null;
        MediaType type;
        try {
            type = MediaType.parseMediaType(header);
        } catch (InvalidMediaTypeException unreadable) {
            return "The Content-Type is not a media type";
        }
        if (type.isWildcardType() || type.isWildcardSubtype()) return "The Content-Type names no media type";
        if ("multipart".equalsIgnoreCase(type.getType())) return "No operation takes a multipart body";
        if (MediaType.APPLICATION_FORM_URLENCODED.equalsTypeAndSubtype(type)
                && !"POST".equalsIgnoreCase(request.getMethod())) {
            return "A form body is taken only with POST";
        }
        return null;
    }

    /** A request without a body is not refused for the type it names (some clients name one on every request). */
    private static boolean hasBody(HttpServletRequest request) {
        return request.getContentLengthLong() > 0 || request.getHeader("Transfer-Encoding") != null;
    }

    /** The parameter's name as a client can read it back: control characters as {@code \\uXXXX}, at most 100. */
    static String visible(String name) {
        StringBuilder shown = new StringBuilder();
        for (char c : name.toCharArray()) {
            if (shown.length() >= 100) return shown.append('…').toString();
            if (StrictJson.firstControlCharacter(String.valueOf(c)) >= 0 || c == '\t' || c == '\n' || c == '\r') {
                shown.append(String.format("\\u%04x", (int) c));
            } else {
                shown.append(c);
            }
        }
        return shown.toString();
    }

    private static boolean holdsControlCharacter(String name, String[] values) {
        if (StrictJson.firstControlCharacter(name) >= 0) return true;
        for (String value : values) {
            if (value != null && StrictJson.firstControlCharacter(value) >= 0) return true;
        }
        return false;
    }

    @Override
    protected boolean shouldNotFilterErrorDispatch() {
        return true;
    }
}

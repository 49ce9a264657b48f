package dev.seatbooking.web.problem;

import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.ProblemDetail;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Writes a problem where Spring MVC's message converters are not at hand (servlet filters, Spring Security's
 * handlers, Tomcat's error valve). Serialised by Jackson, never by string concatenation, so any text is valid JSON.
 */
public final class ProblemResponses {

    public static final String CONTENT_TYPE = "application/problem+json";
    private static final JsonMapper JSON = JsonMapper.shared();

    private ProblemResponses() {
    }

    public static void write(HttpServletResponse response, ProblemDetail problem) throws IOException {
        if (response.isCommitted()) return;
        response.resetBuffer();
        response.setStatus(problem.getStatus());
        response.setContentType(CONTENT_TYPE);
        response.setCharacterEncoding("UTF-8");
        byte[] body = bytes(problem);
        response.setContentLength(body.length);
        response.getOutputStream().write(body);
        response.flushBuffer();
    }

    public static byte[] bytes(ProblemDetail problem) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("type", problem.getType().toString());
        json.put("title", problem.getTitle());
        json.put("status", problem.getStatus());
        if (problem.getDetail() != null) json.put("detail", problem.getDetail());
        if (problem.getInstance() != null) json.put("instance", problem.getInstance().toString());
        if (problem.getProperties() != null) json.putAll(problem.getProperties());
        return JSON.writeValueAsBytes(json);
    }
}

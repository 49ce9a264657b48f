package dev.seatbooking.web.security;

import dev.seatbooking.web.problem.ProblemResponses;
import dev.seatbooking.web.problem.Problems;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;

import java.io.IOException;

/** Spring Security's refusals in the platform's problem vocabulary. */
final class ProblemSecurityHandlers implements AuthenticationEntryPoint, AccessDeniedHandler {

    private final String realm;

    ProblemSecurityHandlers(String realm) {
        this.realm = realm;
    }

    @Override
    public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException e)
            throws IOException {
        response.setHeader("WWW-Authenticate", "Basic realm=\"" + realm + "\"");
        ProblemResponses.write(response, Problems.problem(HttpStatus.UNAUTHORIZED, Problems.UNAUTHORIZED,
                "Operations endpoints need the ops credential (HTTP Basic)"));
    }

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException e)
            throws IOException {
        ProblemResponses.write(response, Problems.problem(HttpStatus.FORBIDDEN, Problems.ACCESS_DENIED,
                "These credentials do not allow this"));
    }
}

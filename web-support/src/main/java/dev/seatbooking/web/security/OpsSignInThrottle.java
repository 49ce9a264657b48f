package dev.seatbooking.web.security;

import dev.seatbooking.web.problem.ProblemResponses;
import dev.seatbooking.web.problem.Problems;
import dev.seatbooking.web.throttle.FailureThrottle;
import dev.seatbooking.web.throttle.GuessThrottle;
import dev.seatbooking.web.throttle.TooManyAttempts;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;
import java.time.Duration;
import java.time.InstantSource;
import java.util.Optional;

/**
 * Holds back a client that keeps presenting a wrong ops credential, before its password is checked. Each check is a
 * bcrypt, about a tenth of a second of CPU (also for an unknown user, against a dummy hash, and with no ops user
 * configured), and it runs in front of everything else the request meets, the gateway's rate limit included: without
 * this, twenty made-up passwords a second from one address kept a 2-core machine busy. A client held back gets 429
 * with {@code Retry-After} whatever it presents, right or wrong, so the refusal tells nothing (as the other throttles,
 * ADR 9); its locks grow while it keeps failing, and always end. Requests with no Basic credentials cost nothing to
 * refuse and are not counted.
 */
final class OpsSignInThrottle extends OncePerRequestFilter {

    private final FailureThrottle<String> perClient;

    OpsSignInThrottle(EdgeSecurityProperties.SignInLimits limits, InstantSource clock) {
        this.perClient = new FailureThrottle<>(limits.failuresPerClient(), limits.window(), limits.maxLockout(),
                limits.trackedKeys(), clock);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String authorization = request.getHeader(HttpHeaders.AUTHORIZATION);
        if (authorization == null || !authorization.regionMatches(true, 0, "Basic ", 0, 6)) {
            chain.doFilter(request, response);
            return;
        }
        String client = GuessThrottle.clientKey(request.getRemoteAddr());
        Optional<Duration> wait = perClient.begin(client);
        if (wait.isPresent()) {
            tooManyAttempts(response, TooManyAttempts.seconds(wait.get()));
            return;
        }
        try {
            chain.doFilter(request, response);
        } catch (IOException | ServletException | RuntimeException notChecked) {
            perClient.passed(client);
            throw notChecked;
        }
        // The ops chain answers 401 only for credentials it refused (HTTP Basic's entry point).
        if (response.getStatus() == HttpStatus.UNAUTHORIZED.value()) perClient.failed(client);
        else perClient.passed(client);
    }

    private static void tooManyAttempts(HttpServletResponse response, long seconds) throws IOException {
        response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(seconds));
        ProblemResponses.write(response, Problems.problem(HttpStatus.TOO_MANY_REQUESTS, Problems.TOO_MANY_REQUESTS,
                "Too many failed attempts lately; try again in " + seconds + " s"));
    }
}

package dev.seatbooking.gateway;

import dev.seatbooking.web.problem.Problems;
import java.util.function.Consumer;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.web.servlet.function.ServerResponse;

/**
 * The gateway's own answers as problems of the platform's vocabulary ({@link Problems}, {@code docs/problems.md}),
 * from its functional endpoints: written by Jackson, never JSON put together by hand (a path with a tab or a quote
 * in it must not break the answer).
 */
final class GatewayResponses {

    private GatewayResponses() {
    }

    static ProblemDetail problem(HttpStatusCode status, String code, String title, String detail) {
        ProblemDetail problem = Problems.problem(status, code, detail);
        problem.setTitle(title);
        return problem;
    }

    /** The problem as a functional endpoint's answer. */
    static ServerResponse response(ProblemDetail problem) {
        return response(problem, headers -> { });
    }

    static ServerResponse response(ProblemDetail problem, Consumer<HttpHeaders> headers) {
        return ServerResponse.status(problem.getStatus()).headers(headers)
                .contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }

    /** 429 {@code too-many-requests}: a client past one of its limits, told in how many seconds to try again. */
    static ServerResponse tooManyRequests(String detail, long retryAfterSeconds) {
        return response(problem(HttpStatus.TOO_MANY_REQUESTS, Problems.TOO_MANY_REQUESTS, "Too many requests", detail),
                headers -> headers.set(HttpHeaders.RETRY_AFTER, Long.toString(retryAfterSeconds)));
    }

    static ServerResponse notFound(String detail) {
        return response(problem(HttpStatus.NOT_FOUND, Problems.NOT_FOUND, "Not found", detail));
    }

    static ServerResponse malformed(String detail) {
        return response(problem(HttpStatus.BAD_REQUEST, Problems.MALFORMED_REQUEST, "Malformed request", detail));
    }
}

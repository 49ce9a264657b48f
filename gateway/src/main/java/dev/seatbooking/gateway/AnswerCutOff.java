package dev.seatbooking.gateway;

import dev.seatbooking.web.problem.ApiProblemHandler;
import jakarta.servlet.http.HttpServletRequest;
import org.apache.hc.core5.http.ConnectionClosedException;
import org.apache.hc.core5.http.MalformedChunkCodingException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.annotation.Order;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

import java.io.IOException;
import java.net.SocketException;
import java.net.SocketTimeoutException;

/**
 * A service that fails in the middle of its answer (killed, or stalled, while the gateway copies the answer's body):
 * the route's {@link UpstreamFailure} has returned by then, so the failure comes here as the service connection's own
 * exception, thrown while the answer is written. Connection closed or reset → 502, no more of the body within the
 * timeout → 504, as {@link UpstreamFailure} answers a service failing before its answer, instead of the 500 of the
 * unexpected. (What the client's side of the copy meets, Tomcat reports as its own {@code ClientAbortException}.)
 * Once the answer's start has gone out to the client, nothing can change it: the client sees the body end short.
 */
@RestControllerAdvice
@Order(ApiProblemHandler.ORDER - 1)
class AnswerCutOff {

    private static final Logger log = LoggerFactory.getLogger(AnswerCutOff.class);

    @ExceptionHandler({ConnectionClosedException.class, MalformedChunkCodingException.class, SocketException.class})
    ResponseEntity<ProblemDetail> closed(IOException e, HttpServletRequest request) {
        log.warn("{} {}: the service's answer broke off: {}", request.getMethod(), request.getRequestURI(), e.toString());
        return answer(UpstreamFailure.failedToAnswer("The service closed the connection in the middle of its answer."));
    }

    @ExceptionHandler(SocketTimeoutException.class)
    ResponseEntity<ProblemDetail> stalled(SocketTimeoutException e, HttpServletRequest request) {
        log.warn("{} {}: the service's answer stalled: {}", request.getMethod(), request.getRequestURI(), e.toString());
        return answer(UpstreamFailure.tooSlow("The service stopped sending its answer."));
    }

    private static ResponseEntity<ProblemDetail> answer(ProblemDetail problem) {
        return ResponseEntity.status(problem.getStatus()).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }
}

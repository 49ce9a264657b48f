package dev.seatbooking.web.problem;

import io.swagger.v3.oas.annotations.Hidden;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Boot's {@code /error}, where the servlet container sends what no handler answered (a filter's
 * {@code sendError}, Spring Security's firewall, {@code TRACE}, an exception outside Spring MVC): answered as a
 * problem of the status, for any method and any {@code Accept}, never with the exception's message. A client asking
 * for {@code /error} itself finds nothing there (404): no error happened, and no API is documented there.
 */
@Hidden
@RestController
public class ProblemErrorController implements ErrorController {

    @RequestMapping(value = "${server.error.path:${error.path:/error}}", produces = {})
    public ResponseEntity<ProblemDetail> error(HttpServletRequest request) {
        Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        HttpStatusCode status = request.getDispatcherType() != DispatcherType.ERROR ? HttpStatus.NOT_FOUND
                : code instanceof Integer value && value >= 400 ? HttpStatusCode.valueOf(value)
                : HttpStatus.INTERNAL_SERVER_ERROR;
        ProblemDetail problem = Problems.problem(status, Problems.codeOf(status), Problems.defaultDetail(status));
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }
}

package dev.seatbooking.web.problem;

import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;
import org.apache.coyote.AbstractProtocol;
import org.apache.coyote.ActionCode;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Tomcat's own error answers — a request it refuses before any servlet sees it (an encoded slash, {@code %00} or a
 * broken {@code %} escape in the path, a request line or headers over the limit) — as problems instead of Tomcat's
 * HTML page. Installed as the host's error report valve, so it also stands behind anything the application let
 * through without a body.
 * <p>
 * While the connector pauses (the service is stopping), whatever Tomcat refuses is answered 503 with
 * {@code Retry-After}: the request was not handled, and another instance, or this one restarted, will handle it.
 * Tomcat means a 503 for a request whose request line it was reading when the pause came, but then checks the
 * half-read request, whose headers it never read, and answers 400 "no Host header" instead (Tomcat 11.0.27,
 * {@code Http11Processor.prepareRequest}): a client would take that as its own fault and not send the order again.
 */
public class ProblemErrorReportValve extends ErrorReportValve {

    /** Seconds a client is asked to wait: another instance answers at once, this one restarted within seconds. */
    static final long RETRY_AFTER_SECONDS = 2;

    @Override
    protected void report(Request request, Response response, Throwable throwable) {
        int status = response.getStatus();
        if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) return;
        AtomicBoolean ioAllowed = new AtomicBoolean(false);
        response.getCoyoteResponse().action(ActionCode.IS_IO_ALLOWED, ioAllowed);
        if (!ioAllowed.get()) return;
        boolean stopping = stopping(request);
        ProblemDetail problem = stopping ? notHandled() : generic(HttpStatusCode.valueOf(status));
        String body = new String(ProblemResponses.bytes(problem), StandardCharsets.UTF_8);
        try {
            if (stopping) {
                response.setStatus(problem.getStatus());
                response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(RETRY_AFTER_SECONDS));
            }
            response.setContentType(ProblemResponses.CONTENT_TYPE);
            response.setCharacterEncoding("utf-8");
            Writer writer = response.getReporter();
            if (writer != null) {
                writer.write(body);
                response.finishResponse();
            }
        } catch (IOException | IllegalStateException e) {
            // the client has gone, or the response cannot be written any more: nothing more to say
        }
    }

    private static boolean stopping(Request request) {
        return request.getConnector() != null
                && request.getConnector().getProtocolHandler() instanceof AbstractProtocol<?> protocol
                && protocol.isPaused();
    }

    private static ProblemDetail notHandled() {
        return Problems.problem(HttpStatus.SERVICE_UNAVAILABLE, Problems.SERVICE_UNAVAILABLE,
                "The service is stopping; send the request again in " + RETRY_AFTER_SECONDS + " s");
    }

    private static ProblemDetail generic(HttpStatusCode status) {
        return Problems.problem(status, Problems.codeOf(status), Problems.defaultDetail(status));
    }
}

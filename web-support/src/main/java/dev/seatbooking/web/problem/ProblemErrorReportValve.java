package dev.seatbooking.web.problem;

import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;
import org.apache.coyote.ActionCode;
import org.springframework.http.HttpStatusCode;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Tomcat's own error answers — a request it refuses before any servlet sees it (an encoded slash, {@code %00} or a
 * broken {@code %} escape in the path, a request line or headers over the limit) — as problems instead of Tomcat's
 * HTML page. Installed as the host's error report valve, so it also stands behind anything the application let
 * through without a body.
 */
public class ProblemErrorReportValve extends ErrorReportValve {

    @Override
    protected void report(Request request, Response response, Throwable throwable) {
        int status = response.getStatus();
        if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) return;
        AtomicBoolean ioAllowed = new AtomicBoolean(false);
        response.getCoyoteResponse().action(ActionCode.IS_IO_ALLOWED, ioAllowed);
        if (!ioAllowed.get()) return;
        HttpStatusCode code = HttpStatusCode.valueOf(status);
        String body = new String(ProblemResponses.bytes(
                Problems.problem(code, Problems.codeOf(code), Problems.defaultDetail(code))), StandardCharsets.UTF_8);
        try {
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
}

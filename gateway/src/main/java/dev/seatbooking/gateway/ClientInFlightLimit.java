package dev.seatbooking.gateway;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatusCode;
import org.springframework.util.MultiValueMap;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.function.HandlerFilterFunction;
import org.springframework.web.servlet.function.HandlerFunction;
import org.springframework.web.servlet.function.ServerRequest;
import org.springframework.web.servlet.function.ServerResponse;

import java.io.IOException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Requests to the API one client address has in progress at once: at most {@code gateway.rate-limit.in-flight};
 * past it 429 {@code too-many-requests} with {@code Retry-After: 1}, the service not asked. The rate limit
 * ({@link ClientRateLimit}) does not bound them: a request the read model holds (a read-your-writes query waits up to
 * 5 s for its consistency token, a refused order read with a token the whole bound on purpose) keeps one of the
 * gateway's request threads all that time, so one client at the rate limit's 50 a second had 250 in progress, more
 * than Tomcat's 200 threads, and no one else was answered. The client is the rate limit's
 * ({@link ClientRateLimit#clientKey}: the socket's address, an IPv6 one by its /64).
 * <p>
 * A request counts from here until its answer has been written: a forwarded answer's body is copied in
 * {@link ServerResponse#writeTo}, after the route's filters have returned, so the count is released in a
 * {@code finally} around that (Spring MVC writes the answer a handler function returns at once), or around the
 * handler when it throws. Whatever happens (the service failing, the client gone while its answer is written) the
 * thread is free again then, and so is the count. A client that disconnects while the service holds its request
 * still has it counted: its thread is still held.
 * <p>
 * The counts are not a Caffeine cache like the rate limit's buckets: a cache bounded by size or idle time may drop
 * a count that is not zero, and the client would start again from nothing with its requests still in progress
 * (past the cap; and a release would have to find the count it took from). A count is instead removed, in the same
 * atomic step, when it falls back to zero: only clients with a request in progress are remembered, no more of them
 * than the requests Tomcat works on at once, and a release always finds its count.
 */
final class ClientInFlightLimit implements HandlerFilterFunction<ServerResponse, ServerResponse> {

    /**
     * Seconds to wait before trying again: a held request ends within the read model's bound (seconds), an ordinary
     * one in milliseconds; the gateway cannot know which of the client's it will be.
     */
    static final long RETRY_AFTER_SECONDS = 1;

    private final int max;
    /** Client key to its requests in progress; no entry: none. */
    private final ConcurrentMap<String, Integer> inFlight = new ConcurrentHashMap<>();

    ClientInFlightLimit(int max) {
        this.max = max;
    }

    @Override
    public ServerResponse filter(ServerRequest request, HandlerFunction<ServerResponse> next) throws Exception {
        String client = ClientRateLimit.clientKey(request.servletRequest().getRemoteAddr());
        if (!admit(client)) {
            return GatewayResponses.tooManyRequests("Too many requests from this address in progress at once; try "
                    + "again in " + RETRY_AFTER_SECONDS + " s", RETRY_AFTER_SECONDS);
        }
        ServerResponse answer = null;
        try {
            answer = new ReleasedWhenWritten(next.handle(request), () -> release(client));
            return answer;
        } finally {
            if (answer == null) release(client);
        }
    }

    /** How many clients have a request in progress (each one a count remembered). */
    int clients() {
        return inFlight.size();
    }

    private boolean admit(String client) {
        boolean[] admitted = {false};
        inFlight.compute(client, (key, count) -> {
            int now = count == null ? 0 : count;
            if (now >= max) return count;
            admitted[0] = true;
            return now + 1;
        });
        return admitted[0];
    }

    private void release(String client) {
        inFlight.computeIfPresent(client, (key, count) -> count == 1 ? null : count - 1);
    }

    /**
     * The answer as it is, but for releasing the client's count once it has been written, or failed to be. Once only:
     * a second release would take from another of the client's requests.
     */
    private static final class ReleasedWhenWritten implements ServerResponse {

        private final ServerResponse answer;
        private final Runnable release;
        private final AtomicBoolean released = new AtomicBoolean();

        ReleasedWhenWritten(ServerResponse answer, Runnable release) {
            this.answer = answer;
            this.release = release;
        }

        @Override
        public HttpStatusCode statusCode() {
            return answer.statusCode();
        }

        @Override
        public HttpHeaders headers() {
            return answer.headers();
        }

        @Override
        public MultiValueMap<String, Cookie> cookies() {
            return answer.cookies();
        }

        @Override
        public ModelAndView writeTo(HttpServletRequest request, HttpServletResponse response, Context context)
                throws ServletException, IOException {
            try {
                return answer.writeTo(request, response, context);
            } finally {
                if (released.compareAndSet(false, true)) release.run();
            }
        }
    }
}

package dev.seatbooking.gateway;

import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.web.servlet.function.HandlerFunction;
import org.springframework.web.servlet.function.ServerRequest;
import org.springframework.web.servlet.function.ServerResponse;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The cap on one client address's requests in progress, on the filter itself: an answer returned and not written yet
 * is a request in progress (Spring MVC writes it right after), so no threads are needed to hold some.
 * OneClientHoldsEveryWorkerTest has the gateway's, behind real sockets.
 */
class ClientInFlightLimitTest {

    private static final int MAX = 3;
    private static final String CLIENT = "192.0.2.1";

    private final ClientInFlightLimit limit = new ClientInFlightLimit(MAX);
    private final AtomicInteger handled = new AtomicInteger();
    private final HandlerFunction<ServerResponse> ok = request -> {
        handled.incrementAndGet();
        return ServerResponse.ok().build();
    };

    @Test
    void past_its_cap_a_client_is_refused_without_the_service_asked_until_one_of_its_answers_is_written()
            throws Exception {
        List<ServerResponse> inProgress = new ArrayList<>();
        for (int i = 0; i < MAX; i++) inProgress.add(limit.filter(request(CLIENT), ok));

        ServerResponse refused = limit.filter(request(CLIENT), ok);
        assertThat(refused.statusCode()).isEqualTo(HttpStatus.TOO_MANY_REQUESTS);
        assertThat(refused.headers().getFirst(HttpHeaders.RETRY_AFTER)).isEqualTo("1");
        assertThat(handled).hasValue(MAX);
        assertThat(limit.filter(request("192.0.2.2"), ok).statusCode()).as("another address").isEqualTo(HttpStatus.OK);

        write(inProgress.getFirst());
        assertThat(limit.filter(request(CLIENT), ok).statusCode()).isEqualTo(HttpStatus.OK);
        assertThat(limit.filter(request(CLIENT), ok).statusCode()).isEqualTo(HttpStatus.TOO_MANY_REQUESTS);
    }

    @Test
    void an_ipv6_client_is_capped_by_its_slash64() throws Exception {
        for (int i = 1; i <= MAX; i++) limit.filter(request("2001:db8:1:2::" + i), ok);

        assertThat(limit.filter(request("2001:db8:1:2:ffff::1"), ok).statusCode())
                .isEqualTo(HttpStatus.TOO_MANY_REQUESTS);
        assertThat(limit.filter(request("2001:db8:1:3::1"), ok).statusCode()).isEqualTo(HttpStatus.OK);
    }

    @Test
    void a_request_stops_counting_once_over_whatever_happened_and_a_client_with_none_is_forgotten() throws Exception {
        ServerResponse stillInProgress = limit.filter(request(CLIENT), ok);
        // the service did not answer: the route's handler threw
        assertThatThrownBy(() -> limit.filter(request(CLIENT), request -> {
            throw new IOException("Connection refused");
        })).isInstanceOf(IOException.class);
        // the client was gone when its answer was written (Tomcat's ClientAbortException is an IOException)
        ServerResponse toAGoneClient = limit.filter(request(CLIENT), request -> ServerResponse.ok()
                .build((servletRequest, servletResponse) -> {
                    throw new IOException("Broken pipe");
                }));
        assertThatThrownBy(() -> write(toAGoneClient)).isInstanceOf(IOException.class);
        // written twice, released once: the request still in progress stays counted
        ServerResponse answered = limit.filter(request(CLIENT), ok);
        write(answered);
        write(answered);
        for (int i = 1; i < MAX; i++) {
            assertThat(limit.filter(request(CLIENT), ok).statusCode()).isEqualTo(HttpStatus.OK);
        }
        assertThat(limit.filter(request(CLIENT), ok).statusCode()).isEqualTo(HttpStatus.TOO_MANY_REQUESTS);

        write(stillInProgress);
        assertThat(limit.clients()).isEqualTo(1); // the MAX - 1 answers above, never written
    }

    @Test
    void only_clients_with_a_request_in_progress_are_remembered() throws Exception {
        List<ServerResponse> inProgress = new ArrayList<>();
        for (int i = 0; i < 1000; i++) inProgress.add(limit.filter(request("10.0." + i / 250 + "." + i % 250), ok));
        assertThat(limit.clients()).isEqualTo(1000);

        for (ServerResponse answer : inProgress) write(answer);
        assertThat(limit.clients()).isZero();
    }

    private static ServerRequest request(String remoteAddress) {
        MockHttpServletRequest servletRequest = new MockHttpServletRequest("GET", "/api/read/conferences");
        servletRequest.setRemoteAddr(remoteAddress);
        return ServerRequest.create(servletRequest, List.of());
    }

    private static void write(ServerResponse answer) throws Exception {
        answer.writeTo(new MockHttpServletRequest(), new MockHttpServletResponse(), List::of);
    }
}

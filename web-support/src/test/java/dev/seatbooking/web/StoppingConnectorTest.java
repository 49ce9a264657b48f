package dev.seatbooking.web;

import dev.seatbooking.web.fixture.EdgeTestApplication;
import dev.seatbooking.web.fixture.PauseMidRequestProtocol;
import dev.seatbooking.web.fixture.RawHttp;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A service stopping pauses its connector while requests may be arriving. One whose request line Tomcat was reading
 * when the pause came was not handled: the client must hear 503 and send it again, not a 400 that blames it.
 */
@SpringBootTest(classes = EdgeTestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"seatbooking.gateway.token=gateway-secret", "seatbooking.ops.password=ops-secret"})
@Import(StoppingConnectorTest.PausableConnector.class)
class StoppingConnectorTest {

    private static final String BOOKING = "{\"name\":\"Ada\"}";

    @LocalServerPort
    int port;

    @AfterEach
    void runAgain() {
        PauseMidRequestProtocol.pauseAfterLooks(-1);
    }

    @Test
    void a_request_being_read_when_the_connector_pauses_is_answered_503_to_send_again() throws IOException {
        PauseMidRequestProtocol.pauseAfterLooks(1); // running as the processor starts, paused once the line is read

        String answer = post(BOOKING);

        assertThat(RawHttp.status(answer)).as(answer).isEqualTo(503);
        assertThat(answer).containsIgnoringCase("\r\nRetry-After: 2\r\n")
                .containsIgnoringCase("\r\nContent-Type: application/problem+json");
        JsonNode problem = JsonMapper.shared().readTree(RawHttp.body(answer));
        assertThat(problem.path("code").asString()).isEqualTo("service-unavailable");
        assertThat(problem.path("status").asInt()).isEqualTo(503);
        assertThat(problem.path("detail").asString()).contains("send the request again");
    }

    @Test
    void a_running_connector_handles_the_same_request() throws IOException {
        String answer = post(BOOKING);

        assertThat(RawHttp.status(answer)).as(answer).isEqualTo(200);
    }

    /** One request on its own connection, closed by the client after sending; the whole answer as text. */
    private String post(String json) throws IOException {
        return RawHttp.exchange(port, "POST /api/bookings HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"
                + "Content-Length: " + json.length() + "\r\nConnection: close\r\n\r\n" + json);
    }

    @TestConfiguration
    static class PausableConnector {
        @Bean
        WebServerFactoryCustomizer<TomcatServletWebServerFactory> pausableConnector() {
            return factory -> factory.setProtocol(PauseMidRequestProtocol.class.getName());
        }
    }
}

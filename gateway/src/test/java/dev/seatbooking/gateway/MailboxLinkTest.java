package dev.seatbooking.gateway;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * The development mailbox's link (issue 16): the front end learns its address from {@code GET /front-end.json}
 * ({@code gateway.mailbox-url}), and shows no link when the deployment has none.
 */
class MailboxLinkTest {

    @Nested
    @SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
            properties = "gateway.mailbox-url=http://127.0.0.1:8025/")
    class With_a_mailbox {

        @LocalServerPort
        int port;

        @Test
        void the_front_end_is_told_the_mailboxs_address_under_the_strict_policy() {
            HttpResponse<String> answer = new GatewayClient(port).get(FrontEndSettings.PATH);

            assertThat(answer.statusCode()).isEqualTo(200);
            assertThat(answer.headers().firstValue("Content-Type")).get().asString().startsWith("application/json");
            assertThat(answer.body()).isEqualTo("{\"mailboxUrl\":\"http://127.0.0.1:8025/\"}");
            assertThat(answer.headers().firstValue("Content-Security-Policy")).get().asString().contains("script-src 'self'");
        }
    }

    @Nested
    @SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
    class Without_one {

        @LocalServerPort
        int port;

        @Test
        void the_front_end_is_told_there_is_none() {
            HttpResponse<String> answer = new GatewayClient(port).get(FrontEndSettings.PATH);

            assertThat(answer.statusCode()).isEqualTo(200);
            assertThat(answer.body()).isEqualTo("{\"mailboxUrl\":null}");
        }
    }

    @Test
    void only_a_web_address_is_accepted_since_the_page_puts_it_in_a_link() {
        for (String url : new String[]{"javascript:alert(1)", "data:text/html,x", "http://x/\"onclick=\""}) {
            assertThatIllegalArgumentException().as(url).isThrownBy(() -> new GatewayProperties(Map.of(),
                    Duration.ofSeconds(1), new GatewayProperties.RateLimit(1, 1, 1), url));
        }
        assertThat(new GatewayProperties(Map.of(), Duration.ofSeconds(1), new GatewayProperties.RateLimit(1, 1, 1),
                " https://mail.example.com/ ").mailboxUrl()).isEqualTo("https://mail.example.com/");
    }
}

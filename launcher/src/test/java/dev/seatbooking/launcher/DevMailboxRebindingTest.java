package dev.seatbooking.launcher;

import org.junit.jupiter.api.Test;

import java.io.InputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Audit (the page as an attack surface, development mailbox): the launcher's mailbox page lists every mail the
 * platform sent, each order's access code included, on 127.0.0.1:8025. It answers whatever {@code Host} a request
 * names, so a web page the developer opens elsewhere can rebind its own host name to 127.0.0.1 (DNS rebinding) and
 * read the page as same-origin content: loopback binding alone does not keep a browser out. A request naming a host
 * other than the loopback's should be refused.
 */
class DevMailboxRebindingTest {

    @Test
    void the_mailbox_page_answers_only_requests_for_the_loopback_host() throws Exception {
        try (DevMailbox mailbox = DevMailbox.start("127.0.0.1", FreePorts.next(), FreePorts.next())) {
            int port = URI.create(mailbox.url()).getPort();

            String own = statusLine(port, "127.0.0.1:" + port);
            String rebound = statusLine(port, "attacker.example:" + port);

            assertThat(own).startsWith("HTTP/1.1 200");
            assertThat(rebound).as("GET / with Host: attacker.example (a DNS-rebound page)")
                    .doesNotStartWith("HTTP/1.1 200");
        }
    }

    @Test
    void its_loopback_names_are_answered_and_its_pages_are_not_framed_referred_or_stored() throws Exception {
        try (DevMailbox mailbox = DevMailbox.start("127.0.0.1", FreePorts.next(), FreePorts.next())) {
            int port = URI.create(mailbox.url()).getPort();

            for (String host : List.of("localhost:" + port, "LocalHost:" + port, "[::1]:" + port)) {
                assertThat(statusLine(port, host)).as("Host: " + host).startsWith("HTTP/1.1 200");
            }
            for (String host : List.of("127.0.0.1", "127.0.0.1:" + (port + 1), "localhost.attacker.example:" + port)) {
                assertThat(statusLine(port, host)).as("Host: " + host).startsWith("HTTP/1.1 421");
            }
            // header names are case-insensitive
            List<String> page = answer(port, "127.0.0.1:" + port).toLowerCase(Locale.ROOT).lines().toList();
            assertThat(page).contains("referrer-policy: no-referrer", "cache-control: no-store")
                    .anySatisfy(line -> assertThat(line).startsWith("content-security-policy: ")
                            .contains("frame-ancestors 'none'"));
        }
    }

    private static String statusLine(int port, String host) throws Exception {
        return answer(port, host).lines().findFirst().orElse("");
    }

    private static String answer(int port, String host) throws Exception {
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port)) {
            socket.setSoTimeout(5000);
            socket.getOutputStream().write(("GET / HTTP/1.1\r\nHost: " + host + "\r\nConnection: close\r\n\r\n")
                    .getBytes(StandardCharsets.ISO_8859_1));
            InputStream in = socket.getInputStream();
            return new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);
        }
    }
}

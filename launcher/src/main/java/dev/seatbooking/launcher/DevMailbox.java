package dev.seatbooking.launcher;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import jakarta.mail.BodyPart;
import jakarta.mail.Multipart;
import jakarta.mail.internet.MimeMessage;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The platform's mail catcher: a real SMTP server (GreenMail) that accepts every mail the notifications service sends,
 * and a page listing them, newest first, that a newcomer opens in the browser (the start-up banner prints its URL).
 * Development only: the launcher's; compose runs Mailpit instead. Both listen on the loopback address only.
 * <p>
 * Listening on the loopback does not keep a browser's other pages out: a page of any site the developer opens can
 * point its own host name at 127.0.0.1 (DNS rebinding) and read this one, every order's access code with it, as
 * content of its own origin. So the page answers only a request that names it by a loopback name — {@code Host}
 * {@code 127.0.0.1:<port>}, {@code localhost:<port>} or {@code [::1]:<port>} — and any other {@code 421 Misdirected
 * Request} (a rebound request names the attacker's host). Its answers may not be framed
 * ({@code frame-ancestors 'none'}), send no {@code Referer} and are not stored. DevMailboxRebindingTest.
 */
public final class DevMailbox implements AutoCloseable {

    private static final int MISDIRECTED_REQUEST = 421;
    /** Nothing but its own inline style; no frame may show it. */
    private static final String CONTENT_SECURITY_POLICY =
            "default-src 'none'; style-src 'unsafe-inline'; frame-ancestors 'none'";

    private final GreenMail smtp;
    private final HttpServer page;
    /** The {@code Host} values of this page, lower case. */
    private final Set<String> ownHosts;

    private DevMailbox(GreenMail smtp, HttpServer page) {
        this.smtp = smtp;
        this.page = page;
        int port = page.getAddress().getPort();
        this.ownHosts = Set.of("127.0.0.1:" + port, "localhost:" + port, "[::1]:" + port);
    }

    public static DevMailbox start(String host, int smtpPort, int pagePort) throws IOException {
        GreenMail smtp = new GreenMail(new ServerSetup(smtpPort, host, ServerSetup.PROTOCOL_SMTP));
        smtp.start();
        HttpServer page = HttpServer.create(new InetSocketAddress(host, pagePort), 0);
        var mailbox = new DevMailbox(smtp, page);
        page.createContext("/", mailbox::serve);
        page.start();
        return mailbox;
    }

    public int smtpPort() {
        return smtp.getSmtp().getPort();
    }

    public String url() {
        return "http://" + page.getAddress().getHostString() + ":" + page.getAddress().getPort() + "/";
    }

    /** The mails received, newest first. */
    List<MimeMessage> messages() {
        return Arrays.stream(smtp.getReceivedMessages())
                .sorted(Comparator.comparing(DevMailbox::received).reversed()).toList();
    }

    private void serve(HttpExchange exchange) throws IOException {
        try (exchange) {
            Headers headers = exchange.getResponseHeaders();
            headers.set("Content-Security-Policy", CONTENT_SECURITY_POLICY);
            headers.set("Referrer-Policy", "no-referrer");
            headers.set("Cache-Control", "no-store");
            if (!ownHost(exchange.getRequestHeaders().get("Host"))) {
                exchange.sendResponseHeaders(MISDIRECTED_REQUEST, -1);
                return;
            }
            if (!"/".equals(exchange.getRequestURI().getPath())) {
                exchange.sendResponseHeaders(404, -1);
                return;
            }
            byte[] body = html().getBytes(StandardCharsets.UTF_8);
            headers.set("Content-Type", "text/html; charset=utf-8");
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        }
    }

    /** One {@code Host}, naming this page by a loopback name (host names are case-insensitive). */
    private boolean ownHost(List<String> host) {
        return host != null && host.size() == 1 && ownHosts.contains(host.getFirst().toLowerCase(Locale.ROOT));
    }

    private String html() {
        List<MimeMessage> messages = messages();
        var out = new StringBuilder("""
                <!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>Mailbox</title>
                <style>body{font-family:sans-serif;max-width:60em;margin:2em auto}article{border:1px solid #ccc;
                padding:0 1em;margin:1em 0}pre{white-space:pre-wrap}</style></head><body>
                <h1>Mailbox</h1><p>Every mail the platform sent (newest first; reload to see new ones).</p>
                """);
        if (messages.isEmpty()) out.append("<p id=\"empty\">No mail yet.</p>");
        for (MimeMessage message : messages) {
            out.append("<article class=\"mail\"><h2>").append(escape(subject(message))).append("</h2><p>To: ")
                    .append(escape(to(message))).append(" · ").append(escape(String.valueOf(received(message))))
                    .append("</p><pre>").append(escape(text(message))).append("</pre></article>");
        }
        return out.append("</body></html>").toString();
    }

    private static String subject(MimeMessage message) {
        try {
            return String.valueOf(message.getSubject());
        } catch (jakarta.mail.MessagingException e) {
            return "?";
        }
    }

    private static String to(MimeMessage message) {
        try {
            return String.join(", ", Arrays.stream(message.getAllRecipients()).map(String::valueOf).toList());
        } catch (jakarta.mail.MessagingException | NullPointerException e) {
            return "?";
        }
    }

    private static Date received(MimeMessage message) {
        try {
            Date sent = message.getSentDate();
            return sent == null ? new Date(0) : sent;
        } catch (jakarta.mail.MessagingException e) {
            return new Date(0);
        }
    }

    /** The plain-text alternative (every mail of the platform has one). */
    static String text(MimeMessage message) {
        try {
            Object content = message.getContent();
            if (content instanceof Multipart parts) {
                for (int i = 0; i < parts.getCount(); i++) {
                    BodyPart part = parts.getBodyPart(i);
                    if (part.isMimeType("text/plain")) return String.valueOf(part.getContent());
                }
                return "";
            }
            return String.valueOf(content);
        } catch (jakarta.mail.MessagingException | IOException e) {
            return "(unreadable: " + e.getMessage() + ")";
        }
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }

    @Override
    public void close() {
        page.stop(0);
        smtp.stop();
    }
}

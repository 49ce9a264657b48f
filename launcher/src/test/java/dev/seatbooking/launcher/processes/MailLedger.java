package dev.seatbooking.launcher.processes;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The confirmation mails of a burst's confirmed orders: whether notifications sent each (its {@code mails} table says
 * SENT), and how many the mailbox received more than once. A mail is marked sent in its own transaction after the SMTP
 * server took it, so a crash between the two sends it again, under the same Message-ID (notifications README): that is
 * counted, not a failure. The mailbox stands in for the mail provider's server, which no fault of the platform takes
 * away (not even the whole platform killed), so a mail the table says SENT must be in it.
 *
 * @param received    confirmed orders whose confirmation mail is in the mailbox
 * @param unsent      confirmed orders whose confirmation mail is not sent
 * @param notReceived confirmed orders whose confirmation mail is not in the mailbox
 * @param twice       confirmed orders whose confirmation mail the mailbox received more than once
 */
record MailLedger(long received, long unsent, long notReceived, long twice) {

    private static final String SENT = """
            SELECT address_key FROM mails
            WHERE kind = 'ORDER_CONFIRMED' AND status = 'SENT' AND address_key = ANY (?)""";
    // As the mailbox page shows a confirmation's text (notifications' order-confirmed.txt).
    private static final Pattern CONFIRMATION =
            Pattern.compile("your order ([0-9a-f-]{36})( for [^\n<]*)? is confirmed");

    static MailLedger read(ProcessPlatform platform, Collection<UUID> confirmed) throws Exception {
        Map<String, Integer> received = received(platform.mailboxUrl(), confirmed);
        return new MailLedger(received.size(), unsent(platform, confirmed), confirmed.size() - received.size(),
                received.values().stream().filter(n -> n > 1).count());
    }

    /** Confirmed orders whose confirmation mail notifications has not sent (its table alone: cheap to poll). */
    static long unsent(ProcessPlatform platform, Collection<UUID> confirmed) throws Exception {
        Set<UUID> sent = new HashSet<>();
        try (Connection connection = DriverManager.getConnection(platform.jdbcUrl("notifications"),
                platform.postgresUser(), platform.postgresPassword());
             PreparedStatement query = connection.prepareStatement(SENT)) {
            query.setArray(1, connection.createArrayOf("uuid", confirmed.toArray()));
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) sent.add(rows.getObject(1, UUID.class));
            }
        }
        return confirmed.stream().filter(id -> !sent.contains(id)).count();
    }

    /** Per confirmed order with a confirmation in the mailbox, how many it holds. */
    private static Map<String, Integer> received(String mailboxUrl, Collection<UUID> confirmed) throws Exception {
        String page;
        try (HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build()) {
            page = http.send(HttpRequest.newBuilder(URI.create(mailboxUrl)).timeout(Duration.ofSeconds(30)).build(),
                    HttpResponse.BodyHandlers.ofString()).body();
        }
        Set<String> wanted = new HashSet<>(confirmed.stream().map(UUID::toString).toList());
        Map<String, Integer> received = new HashMap<>();
        Matcher matcher = CONFIRMATION.matcher(page);
        while (matcher.find()) {
            if (wanted.contains(matcher.group(1))) received.merge(matcher.group(1), 1, Integer::sum);
        }
        return received;
    }
}

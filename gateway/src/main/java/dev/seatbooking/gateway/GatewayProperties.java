package dev.seatbooking.gateway;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.net.URI;
import java.time.Duration;
import java.util.Map;

/**
 * @param routes    route name (the first path segment after {@code /api/}) to the base URL of the service
 * @param timeout   how long a forwarded request may take (a read-your-writes query waits up to the read model's bound)
 * @param rateLimit how many requests one client address may send to the API, and have in progress at once
 * @param mailboxUrl the development mailbox's page (the launcher's, compose's Mailpit), linked in the front end's
 *                  navigation; empty (the default, and in production): no link
 */
@ConfigurationProperties("gateway")
public record GatewayProperties(Map<String, URI> routes, @DefaultValue("30s") Duration timeout,
                                @DefaultValue RateLimit rateLimit, @DefaultValue("") String mailboxUrl) {

    /** The route names the front end uses. */
    public static final String MANAGEMENT = "management";
    public static final String REGISTRATION = "registration";
    public static final String PAYMENTS = "payments";
    public static final String READ = "read";

    public GatewayProperties {
        routes = routes == null ? Map.of() : Map.copyOf(routes);
        mailboxUrl = mailboxUrl == null ? "" : mailboxUrl.strip();
        // The page puts it in a link's href: only a web address, never a javascript: or data: URL.
        if (!mailboxUrl.isEmpty() && !mailboxUrl.matches("(?i)https?://[^\\s\"<>]+")) {
            throw new IllegalArgumentException("gateway.mailbox-url must be an http(s) URL, not " + mailboxUrl);
        }
    }

    /**
     * A token bucket per client address: {@code burst} requests at once, refilled at {@code requestsPerSecond}; and
     * at most {@code inFlight} of its requests in progress at once. Generous by default: a person's browser sends a
     * few requests a second over at most six connections; this stops a script, not a user.
     *
     * @param requestsPerSecond the sustained rate one client may send
     * @param burst             how many requests one client may send at once
     * @param inFlight          how many of one client's requests the gateway works on at once: the rate alone does
     *                          not bound them, because a request the read model holds (a read-your-writes query, up
     *                          to 5 s) keeps a gateway thread all that time
     */
    public record RateLimit(@DefaultValue("50") long requestsPerSecond, @DefaultValue("200") long burst,
                            @DefaultValue("20") int inFlight) {

        public RateLimit {
            if (requestsPerSecond < 1 || burst < 1 || inFlight < 1) {
                throw new IllegalArgumentException(
                        "gateway.rate-limit needs requests-per-second, burst and in-flight >= 1");
            }
        }
    }
}

package dev.seatbooking.notifications;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;
import java.time.Instant;

/**
 * {@code notifications.*}.
 *
 * @param from      the sender of every mail
 * @param siteUrl   where the web front end (the gateway) is, for the links in the mails
 * @param sender    how the sender sends and retries
 * @param sendAfter events that occurred before it queue no mail (their facts are kept); unset: when this service's
 *                  database was created (see {@code messaging.SendAfter})
 * @param retention how long sent and failed mails are kept; longer than the topics' retention, so that no event can
 *                  be delivered again once its mail row (its dedup key) is gone
 * @param recipientLimits the most mails one person gets
 */
@ConfigurationProperties("notifications")
public record NotificationsProperties(@DefaultValue("Seat booking <no-reply@seatbooking.dev>") String from,
                                      @DefaultValue("http://localhost:8080") String siteUrl,
                                      @DefaultValue Sender sender,
                                      Instant sendAfter,
                                      @DefaultValue("30d") Duration retention,
                                      @DefaultValue RecipientLimits recipientLimits) {

    /**
     * The most mails sent to one person (an address in any case, with or without a "+tag") in the last hour and the
     * last day. Every address a mail goes to was typed by an anonymous client (a registrant's, an attendee's, a
     * waitlist contact's), so without them a client could make the platform mail anyone as often as it could place
     * orders. A mail over them is {@code SUPPRESSED}, never sent. A registrant's own mails are two or three an order.
     */
    public record RecipientLimits(@DefaultValue("10") int perHour, @DefaultValue("30") int perDay) {
    }

    /**
     * @param interval     pause between two rounds of the sender
     * @param batch        the most mails one round sends
     * @param firstBackoff the wait after a mail's first failed attempt; doubled after each further failure
     * @param maxBackoff   the longest wait between two attempts of a mail
     * @param maxAttempts  the attempts after which a failing mail is given up ({@code FAILED}); 150 is about a day
     *                     with the default backoff (nine attempts in the first 17 minutes, then one per 10 minutes)
     */
    public record Sender(@DefaultValue("1s") Duration interval, @DefaultValue("50") int batch,
                         @DefaultValue("2s") Duration firstBackoff, @DefaultValue("10m") Duration maxBackoff,
                         @DefaultValue("150") int maxAttempts) {
    }

    /** The site's address without a trailing slash. */
    public String site() {
        return siteUrl.endsWith("/") ? siteUrl.substring(0, siteUrl.length() - 1) : siteUrl;
    }
}

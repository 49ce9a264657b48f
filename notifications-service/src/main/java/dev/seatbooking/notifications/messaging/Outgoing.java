package dev.seatbooking.notifications.messaging;

import dev.seatbooking.notifications.mail.MailKind;
import dev.seatbooking.notifications.mail.Mails;

import java.util.Map;
import java.util.UUID;

/**
 * The mails one event queues, keyed by its message id and the mail's name (one mail per event and kind, however
 * often it is delivered); none at all if the event occurred before the cut-off ({@link SendAfter}).
 */
record Outgoing(Mails mails, String messageId, boolean allowed) {

    /** To the contact of an order or waitlist entry ({@code addressKey}), known now or later. */
    void add(String name, MailKind kind, UUID addressKey, Map<String, Object> model) {
        if (allowed) mails.add(messageId + "/" + name, kind, addressKey, model);
    }

    /**
     * To a recipient the event names, about the order {@code addressKey}, once per {@code key} whatever the event
     * (not only once per event).
     */
    void addToOnce(String key, MailKind kind, UUID addressKey, String recipient, Map<String, Object> model) {
        if (allowed) mails.addTo(key, kind, addressKey, recipient, null, model);
    }
}

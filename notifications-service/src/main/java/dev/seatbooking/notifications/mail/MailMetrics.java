package dev.seatbooking.notifications.mail;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.stereotype.Component;

/**
 * {@code notifications.mails.failed} (counter, tag {@code kind}): mails given up on; {@code notifications.mails.resent}
 * (counter, tag {@code kind}): failed mails an operator sent back to the sender; {@code notifications.mails.pending}
 * (gauge): mails with an address not sent yet, due or waiting for a retry. A pending count that keeps growing says the
 * SMTP server has been failing for a while; failed mails are worth an alert. {@code notifications.mails.awaiting-address}
 * (gauge): mails whose recipient is not known yet. It grows with every order left before its registrant's details
 * were given (its expiry mail has nobody to go to), which is normal, so it is kept apart from the pending count; the
 * purge deletes those rows after the retention.
 */
@Component
public class MailMetrics {

    private final MeterRegistry registry;

    public MailMetrics(MeterRegistry registry, Mails mails) {
        this.registry = registry;
        Gauge.builder("notifications.mails.pending", mails, Mails::pending)
                .description("mails with an address not sent yet").register(registry);
        Gauge.builder("notifications.mails.awaiting-address", mails, Mails::awaitingAddress)
                .description("mails whose recipient is not known yet").register(registry);
        // at zero from the start: an alert on the counter's increase sees its first failure
        for (MailKind kind : MailKind.values()) {
            failedCounter(kind);
            resentCounter(kind);
            suppressedCounter(kind);
        }
    }

    void failed(MailKind kind) {
        failedCounter(kind).increment();
    }

    void suppressed(MailKind kind) {
        suppressedCounter(kind).increment();
    }

    public Counter suppressedCounter(MailKind kind) {
        return Counter.builder("notifications.mails.suppressed").tag("kind", kind.name())
                .description("mails never sent: their recipient had as many as one person gets")
                .register(registry);
    }

    void resent(MailKind kind) {
        resentCounter(kind).increment();
    }

    public Counter resentCounter(MailKind kind) {
        return Counter.builder("notifications.mails.resent").tag("kind", kind.name())
                .description("failed mails an operator sent back to the sender").register(registry);
    }

    public Counter failedCounter(MailKind kind) {
        return Counter.builder("notifications.mails.failed").tag("kind", kind.name())
                .description("mails given up on: refused for good, or failing after the most attempts")
                .register(registry);
    }
}

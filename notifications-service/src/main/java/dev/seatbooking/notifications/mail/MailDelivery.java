package dev.seatbooking.notifications.mail;

import dev.seatbooking.notifications.NotificationsProperties;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.TransactionException;
import org.springframework.transaction.support.TransactionTemplate;
import org.thymeleaf.exceptions.TemplateEngineException;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Sends the mails that are due, one transaction per mail: the row is locked ({@code FOR UPDATE SKIP LOCKED}, so
 * several instances never send one mail twice), sent over SMTP, then marked sent. A round's mails share one SMTP
 * connection ({@link SmtpConnection}). A mail the server refuses, or a
 * server that does not answer, is tried again after a backoff that doubles with each failure ({@code first-backoff}
 * up to {@code max-backoff}); other mails are sent meanwhile. A mail refused for good, or failing after
 * {@code max-attempts}, is given up ({@code FAILED}, {@link MailMetrics}). A mail the server accepted whose mark did
 * not commit (the database went away in between) is remembered, and marked in a later round without being sent again.
 * Only if the process dies between the server's acceptance and the commit is the mail sent again: at least once, the
 * best SMTP allows.
 */
@Component
public class MailDelivery {

    private static final Logger log = LoggerFactory.getLogger(MailDelivery.class);

    private final Mails mails;
    private final MailRenderer renderer;
    private final JavaMailSenderImpl smtp;
    private final TransactionTemplate transactions;
    private final NotificationsProperties properties;
    private final MailMetrics metrics;
    /**
     * Accepted by the SMTP server, not yet marked sent in a committed transaction. Kept for this process's life: an
     * entry whose commit did land but whose answer was lost stays behind, harmless, as its row is no longer due.
     */
    private final Set<UUID> acceptedNotMarked = ConcurrentHashMap.newKeySet();

    public MailDelivery(Mails mails, MailRenderer renderer, JavaMailSenderImpl smtp, TransactionTemplate transactions,
                        NotificationsProperties properties, MailMetrics metrics) {
        this.metrics = metrics;
        this.mails = mails;
        this.renderer = renderer;
        this.smtp = smtp;
        this.transactions = transactions;
        this.properties = properties;
    }

    @Scheduled(fixedDelayString = "${notifications.sender.interval:1s}")
    public void sendDue() {
        try (SmtpConnection connection = new SmtpConnection(smtp)) {
            for (int i = 0; i < properties.sender().batch(); i++) {
                Optional<UUID> handled = transactions.execute(status ->
                        mails.nextDue().map(mail -> attempt(mail, connection)));
                if (handled == null || handled.isEmpty()) return;
                acceptedNotMarked.remove(handled.get()); // its outcome is committed
            }
        } catch (DataAccessException | TransactionException e) {
            // The database away (a restart, a failover): the next round goes on where this one stopped. Not the
            // scheduler's ERROR with a stack trace, which says a bug.
            log.warn("Mail round stopped, the database failing: {}; the next round goes on", e.getMessage());
        }
    }

    /**
     * Sends the mail (unless the server accepted it before, or its recipient had as many mails as one person gets)
     * and marks the outcome; returns its id.
     */
    private UUID attempt(Mails.Due mail, SmtpConnection connection) {
        var limits = properties.recipientLimits();
        if (!mail.limitsWaived() && !acceptedNotMarked.contains(mail.mailId())
                && mails.overLimits(mail.recipient(), limits.perHour(), limits.perDay())) {
            log.info("Mail {} ({}) suppressed: its recipient had {} mails in the last hour or {} in the last day",
                    mail.mailId(), mail.kind(), limits.perHour(), limits.perDay());
            mails.suppressed(mail.mailId());
            metrics.suppressed(mail.kind());
            return mail.mailId();
        }
        try {
            if (acceptedNotMarked.contains(mail.mailId())) {
                log.info("Mail {} ({}) was accepted by the SMTP server before its mark failed: marked, not sent again",
                        mail.mailId(), mail.kind());
            } else {
                connection.send(message(mail));
                acceptedNotMarked.add(mail.mailId());
            }
            mails.sent(mail.mailId());
        } catch (MessagingException | TemplateEngineException e) {
            failed(mail, e);
        }
        return mail.mailId();
    }

    /**
     * Refused for good (or a template that cannot render: trying again would not help) or out of attempts: the
     * mail is given up, once, loudly; else it is tried again after the backoff, quietly (a server that is down
     * fails every mail: one line each at WARN would drown the one that matters).
     */
    private void failed(Mails.Due mail, Exception e) {
        int attempt = mail.attempts() + 1;
        boolean refused = e instanceof TemplateEngineException || SmtpFailures.permanent(e);
        String error = SmtpFailures.describe(e);
        if (refused || attempt >= properties.sender().maxAttempts()) {
            log.warn("Mail {} ({}) to {} given up after attempt {} ({}): {}", mail.mailId(), mail.kind(),
                    mail.recipient(), attempt, refused ? "refused for good" : "the most attempts", error);
            mails.failedForGood(mail.mailId(), error);
            metrics.failed(mail.kind());
            return;
        }
        Duration backoff = backoff(mail.attempts());
        log.info("Mail {} ({}) not sent, attempt {}; next in {}: {}", mail.mailId(), mail.kind(), attempt, backoff, error);
        mails.failed(mail.mailId(), backoff, error);
    }

    Duration backoff(int failedBefore) {
        var sender = properties.sender();
        Duration wait = sender.firstBackoff().multipliedBy(1L << Math.min(failedBefore, 30));
        return wait.compareTo(sender.maxBackoff()) > 0 || wait.isNegative() ? sender.maxBackoff() : wait;
    }

    /** multipart/alternative: the plain text first, the HTML second (the one a mail client prefers if it can). */
    private MimeMessage message(Mails.Due mail) throws MessagingException {
        MailRenderer.Rendered rendered = renderer.render(mail.kind(), mail.model());
        MimeMessage message = smtp.createMimeMessage();
        message.setFrom(new InternetAddress(properties.from()));
        try {
            message.setRecipient(MimeMessage.RecipientType.TO,
                    new InternetAddress(mail.recipient(), null, StandardCharsets.UTF_8.name())); // no name: see MailRenderer
        } catch (java.io.UnsupportedEncodingException e) {
            throw new IllegalStateException("UTF-8 is always supported", e);
        }
        message.setSubject(rendered.subject(), StandardCharsets.UTF_8.name());
        var text = new MimeBodyPart();
        text.setText(rendered.text(), StandardCharsets.UTF_8.name(), "plain");
        var html = new MimeBodyPart();
        html.setText(rendered.html(), StandardCharsets.UTF_8.name(), "html");
        message.setContent(new MimeMultipart("alternative", text, html));
        message.setHeader("X-Seatbooking-Mail-Id", mail.mailId().toString());
        // The mail's own id, not one Jakarta Mail makes up per attempt: a mail sent again (a crash between the server's
        // acceptance and the commit of its mark) is then the same mail to the servers and clients that receive it.
        String from = new InternetAddress(properties.from()).getAddress();
        message.setHeader("Message-ID", "<" + mail.mailId() + "@" + from.substring(from.lastIndexOf('@') + 1) + ">");
        return message;
    }
}

package dev.seatbooking.notifications.mail;

import org.eclipse.angus.mail.util.MailStreamProvider;
import org.springframework.stereotype.Component;

/**
 * Names Jakarta Mail's stream provider (Angus's) in the system property that Jakarta Mail 2.1 reads first. Without it,
 * every {@code MimeBodyPart}, {@code MimeMultipart} and header parse looks the provider up with a fresh
 * {@code ServiceLoader}, scanning the class path's jars each time: 44 % of the sender's CPU in the platform benchmark
 * (jakartaee/mail-api#699, #861; fixed only in Jakarta Mail 2.2). The property is JVM-wide and names the provider the
 * lookup would have found, so nothing else changes; one set already (by an operator, say) is left alone.
 */
@Component
public class MailStreams {

    static final String PROPERTY = "jakarta.mail.util.StreamProvider";

    public MailStreams() {
        if (System.getProperty(PROPERTY) == null) System.setProperty(PROPERTY, MailStreamProvider.class.getName());
    }
}

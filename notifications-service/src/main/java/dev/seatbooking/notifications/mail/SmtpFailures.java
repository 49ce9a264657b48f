package dev.seatbooking.notifications.mail;

import jakarta.mail.MessagingException;
import jakarta.mail.SendFailedException;
import jakarta.mail.internet.AddressException;
import org.eclipse.angus.mail.smtp.SMTPAddressFailedException;
import org.eclipse.angus.mail.smtp.SMTPSendFailedException;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Tells a refusal for good from a failure worth trying again, from what the transport threw ({@link SmtpConnection};
 * Jakarta Mail chains further exceptions with {@code getNextException}). A refusal for good is an address the server
 * called invalid (its RCPT reply 5xx: Angus lists it in {@link SendFailedException#getInvalidAddresses}, with an
 * {@link SMTPAddressFailedException} per address), a 5xx reply to the message ({@link SMTPSendFailedException}), or
 * an address that cannot even be written ({@link AddressException}). A server that is down, slow, or answers 4xx
 * (mailbox busy, try later) is tried again.
 */
final class SmtpFailures {

    private SmtpFailures() {
    }

    static boolean permanent(Exception failure) {
        return causes(failure).stream().anyMatch(SmtpFailures::refusedForGood);
    }

    private static boolean refusedForGood(Throwable t) {
        return switch (t) {
            case AddressException e -> true;
            case SMTPAddressFailedException e -> e.getReturnCode() >= 500;
            case SMTPSendFailedException e -> e.getReturnCode() >= 500
                    || (e.getInvalidAddresses() != null && e.getInvalidAddresses().length > 0);
            case SendFailedException e -> e.getInvalidAddresses() != null && e.getInvalidAddresses().length > 0;
            default -> false;
        };
    }

    /**
     * What went wrong, for the operators' list of failed mails: the failure's message and those of what it wraps, so
     * that the server's own reply ("550 5.1.1 No such mailbox") shows beside Jakarta Mail's "Invalid Addresses".
     */
    static String describe(Exception failure) {
        Set<String> messages = new LinkedHashSet<>();
        for (Throwable t : causes(failure)) {
            String message = t.getMessage();
            if (message != null && !message.isBlank()) messages.add(message.strip());
        }
        return messages.isEmpty() ? failure.getClass().getSimpleName() : String.join("; ", messages);
    }

    /** The failure and everything it wraps, each once, the failure first. */
    private static List<Throwable> causes(Throwable failure) {
        List<Throwable> found = new ArrayList<>();
        Set<Throwable> seen = new HashSet<>();
        List<Throwable> toVisit = new ArrayList<>(List.of(failure));
        while (!toVisit.isEmpty()) {
            Throwable t = toVisit.removeFirst();
            if (t == null || !seen.add(t)) continue;
            found.add(t);
            toVisit.add(t.getCause());
            if (t instanceof MessagingException m) toVisit.add(m.getNextException());
        }
        return found;
    }
}

package dev.seatbooking.notifications.mail;

import jakarta.mail.MessagingException;
import jakarta.mail.Transport;
import jakarta.mail.internet.MimeMessage;
import org.springframework.mail.javamail.JavaMailSenderImpl;

import java.util.Date;

/**
 * One SMTP connection for one round of the sender: opened for the round's first mail, used for the others, closed
 * when the round ends. A mail server that speaks TLS and wants a login costs several round trips and a handshake per
 * connection, and providers limit how many connections a sender opens; one per mail paid that for every mail.
 * <p>
 * Each mail is still its own SMTP transaction, accepted or refused on its own, and marked sent in its own database
 * transaction right after, so a crash sends no more mails twice than with a connection per mail. After a failure the
 * connection is closed (the next mail opens a new one). A reused connection the server has dropped meanwhile (an idle
 * timeout, a restart) is not the mail's fault: the mail is tried once more on a new connection.
 */
final class SmtpConnection implements AutoCloseable {

    private final JavaMailSenderImpl server;
    private Transport transport; // open only after a mail it carried was accepted: a failure closes it

    SmtpConnection(JavaMailSenderImpl server) {
        this.server = server;
    }

    void send(MimeMessage message) throws MessagingException {
        prepare(message);
        boolean reused = transport != null;
        try {
            sendOnce(message);
        } catch (MessagingException e) {
            boolean dropped = reused && !transport.isConnected();
            close();
            if (!dropped) throw e;
            try {
                sendOnce(message);
            } catch (MessagingException again) {
                close();
                throw again;
            }
        }
    }

    /** Closes the connection, if open; never fails (a close the server does not answer changes nothing sent). */
    @Override
    public void close() {
        if (transport == null) return;
        try {
            transport.close();
        } catch (MessagingException ignored) {
            // the mails it carried were accepted or not already; nothing depends on a clean QUIT
        } finally {
            transport = null;
        }
    }

    private void sendOnce(MimeMessage message) throws MessagingException {
        if (transport == null) transport = connect();
        transport.sendMessage(message, message.getAllRecipients());
    }

    /** As {@link JavaMailSenderImpl} connects for each send: its session, protocol, host, port and login. */
    private Transport connect() throws MessagingException {
        String username = server.getUsername(), password = server.getPassword();
        if ("".equals(username)) {
            username = null;
            if ("".equals(password)) password = null;
        }
        String protocol = server.getProtocol() != null ? server.getProtocol()
                : server.getSession().getProperty("mail.transport.protocol");
        Transport t = server.getSession().getTransport(protocol != null ? protocol : JavaMailSenderImpl.DEFAULT_PROTOCOL);
        t.connect(server.getHost(), server.getPort(), username, password);
        return t;
    }

    /** As {@link JavaMailSenderImpl} prepares each message: its sent date, then its headers written out. */
    private static void prepare(MimeMessage message) throws MessagingException {
        if (message.getSentDate() == null) message.setSentDate(new Date());
        String messageId = message.getMessageID();
        message.saveChanges();
        if (messageId != null) message.setHeader("Message-ID", messageId);
    }
}

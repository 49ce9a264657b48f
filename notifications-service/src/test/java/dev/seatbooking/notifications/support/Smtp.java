package dev.seatbooking.notifications.support;

import com.icegreen.greenmail.Managers;
import com.icegreen.greenmail.imap.ImapHostManager;
import com.icegreen.greenmail.mail.MailAddress;
import com.icegreen.greenmail.server.AbstractServer;
import com.icegreen.greenmail.server.ProtocolHandler;
import com.icegreen.greenmail.smtp.SmtpManager;
import com.icegreen.greenmail.smtp.SmtpServer;
import com.icegreen.greenmail.smtp.SmtpState;
import com.icegreen.greenmail.user.UserManager;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.Address;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The tests' SMTP server: a real GreenMail server on a port of its own, shared by the module's test classes (each
 * test writes to addresses of its own). It can be stopped and started again on the same port, as an SMTP server that
 * goes away and comes back.
 */
public final class Smtp {

    public static final int PORT = freePort();

    private static final AtomicInteger CONNECTIONS = new AtomicInteger();

    private static GreenMail server = start();

    private Smtp() {
    }

    /** Local parts the server refuses for good (RCPT answered 550): a mailbox that does not exist. */
    public static final String REFUSED = "refused-";
    /** Local parts the server refuses for now (RCPT answered 450): a mailbox that is busy, every time. */
    public static final String BUSY = "busy-";

    /** Addresses refused for good (550) until {@link #accept}ed: a mailbox that was missing, then made. */
    private static final Set<String> refusedForNow = ConcurrentHashMap.newKeySet();

    /** From now on the server answers 550 to {@code address}, until {@link #accept}. */
    public static void refuse(String address) {
        refusedForNow.add(address.toLowerCase());
    }

    public static void accept(String address) {
        refusedForNow.remove(address.toLowerCase());
    }

    private static GreenMail start() {
        GreenMail mail = new RefusingGreenMail(new ServerSetup(PORT, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        mail.start();
        return mail;
    }

    /** GreenMail accepts every recipient; this one refuses some, as a real server does. */
    private static final class RefusingGreenMail extends GreenMail {

        RefusingGreenMail(ServerSetup setup) {
            super(setup);
        }

        @Override
        protected Map<String, AbstractServer> createServices(ServerSetup[] config, Managers managers) {
            Managers refusing = refusing(managers);
            Map<String, AbstractServer> services = new HashMap<>(super.createServices(config, refusing));
            services.put(ServerSetup.PROTOCOL_SMTP, new SmtpServer(config[0], refusing) {
                @Override
                protected ProtocolHandler createProtocolHandler(Socket socket) {
                    CONNECTIONS.incrementAndGet();
                    return super.createProtocolHandler(socket);
                }
            });
            return services;
        }

        private static Managers refusing(Managers managers) {
            return new Managers() {
                private final SmtpManager smtp = new SmtpManager(managers.getImapHostManager(),
                        managers.getUserManager()) {
                    @Override
                    public String checkRecipient(SmtpState state, MailAddress recipient) {
                        if (recipient.getUser().startsWith(REFUSED)
                                || refusedForNow.contains(recipient.getEmail().toLowerCase())) return "550 5.1.1 No such mailbox";
                        if (recipient.getUser().startsWith(BUSY)) return "450 4.2.1 Mailbox busy, try again later";
                        return super.checkRecipient(state, recipient);
                    }
                };

                @Override
                public SmtpManager getSmtpManager() {
                    return smtp;
                }

                @Override
                public UserManager getUserManager() {
                    return managers.getUserManager();
                }

                @Override
                public ImapHostManager getImapHostManager() {
                    return managers.getImapHostManager();
                }
            };
        }
    }

    /** SMTP connections the server has accepted since the tests began (across restarts). */
    public static int connections() {
        return CONNECTIONS.get();
    }

    public static synchronized void stop() {
        server.stop();
    }

    public static synchronized void restart() {
        server = start();
    }

    /** Every message received for {@code recipient} since the server (re)started... and before. */
    public static synchronized List<MimeMessage> to(String recipient) {
        return Arrays.stream(server.getReceivedMessages()).filter(m -> addressedTo(m, recipient)).toList();
    }

    private static boolean addressedTo(MimeMessage message, String recipient) {
        try {
            Address[] to = message.getRecipients(Message.RecipientType.TO);
            return to != null && Arrays.stream(to)
                    .anyMatch(a -> ((InternetAddress) a).getAddress().equalsIgnoreCase(recipient));
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static int freePort() {
        try (var socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

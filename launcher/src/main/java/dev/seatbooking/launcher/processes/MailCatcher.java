package dev.seatbooking.launcher.processes;

import dev.seatbooking.launcher.DevMailbox;

import java.util.concurrent.CountDownLatch;

/**
 * Stands in for compose's Mailpit as a process of its own: the launcher's mailbox (GreenMail's SMTP server and the
 * page listing what it received), on the ports given as arguments (SMTP, web page), until it is stopped.
 */
public final class MailCatcher {

    private MailCatcher() {
    }

    public static void main(String[] args) throws Exception {
        DevMailbox mailbox = DevMailbox.start(LocalNetwork.LOOPBACK, Integer.parseInt(args[0]), Integer.parseInt(args[1]));
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            mailbox.close();
            stopped.countDown();
        }, "mail-catcher-stop"));
        System.out.println("Mailbox " + mailbox.url() + ", SMTP on port " + mailbox.smtpPort());
        stopped.await();
    }
}

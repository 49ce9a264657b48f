package dev.seatbooking.launcher.processes;

import java.time.Duration;
import java.util.List;
import java.util.Locale;

/**
 * What one fault did: the orders of its burst, how many were in flight when it struck, how long the platform took
 * from the restart to every probe UP and every consumer caught up, and what went wrong (all zero when nothing did).
 *
 * @param inFlight          the burst's orders placed and not final yet when the fault was made
 * @param retries           requests the clients sent again because no answer came
 * @param stuck             not final once hold, buffer and grace were over (-1 until the suite's end)
 * @param paidNotConfirmed  paid at the processor, yet neither confirmed nor expired
 * @param paidButExpired    paid after the order had expired: payments owes the money back (not an error)
 * @param mailsReceived     confirmed orders whose confirmation mail is in the mailbox
 * @param mailsUnsent       confirmed orders whose confirmation mail notifications has not sent
 * @param mailsNotReceived  confirmed orders whose confirmation mail is not in the mailbox
 * @param mailsTwice        confirmed orders whose confirmation mail reached the mailbox more than once (at least once
 *                          is the promise: a crash between the SMTP send and its mark sends it again; not a failure)
 * @param readModel         "equal" when the read model equalled a rebuild of it
 * @param downWhileAway     every probe of what the fault took away said DOWN while it was away
 */
record FaultReport(String fault, int orders, long inFlight, Duration recovery, int accepted, int retries, long lost,
                   long stuck, long oversold, long doubleConfirmed, int paid, long paidNotConfirmed,
                   long paidButExpired, long mailsReceived, long mailsUnsent, long mailsNotReceived, long mailsTwice, String readModel,
                   boolean downWhileAway) {

    /** With the counts only the suite's end can give: once every hold is over. */
    FaultReport finished(long stuckNow, long oversoldNow, long doubleConfirmedNow) {
        return new FaultReport(fault, orders, inFlight, recovery, accepted, retries, lost, stuckNow,
                Math.max(oversold, oversoldNow), Math.max(doubleConfirmed, doubleConfirmedNow), paid, paidNotConfirmed,
                paidButExpired, mailsReceived, mailsUnsent, mailsNotReceived, mailsTwice, readModel, downWhileAway);
    }

    boolean clean() {
        return lost == 0 && stuck == 0 && oversold == 0 && doubleConfirmed == 0 && paidNotConfirmed == 0
                && mailsUnsent == 0 && mailsNotReceived == 0
                && readModel.equals("equal") && downWhileAway;
    }

    static String markdown(List<FaultReport> reports) {
        StringBuilder table = new StringBuilder("""
                | fault | orders (accepted) | in flight | recovery, s | retried requests | lost | stuck | oversold | \
                double-confirmed | paid (not confirmed / expired first) | confirmation mails received (not sent / not received / twice) | \
                read model = rebuild | readiness DOWN then UP |
                |---|---|---|---|---|---|---|---|---|---|---|---|---|
                """);
        for (FaultReport r : reports) {
            table.append(String.format(Locale.ROOT, "| %s | %d (%d) | %d | %.1f | %d | %d | %d | %d | %d | %d (%d / %d) | %d (%d / %d / %d) | %s | %s |%n",
                    r.fault, r.orders, r.accepted, r.inFlight, r.recovery.toMillis() / 1000.0, r.retries, r.lost,
                    r.stuck, r.oversold, r.doubleConfirmed, r.paid, r.paidNotConfirmed, r.paidButExpired,
                    r.mailsReceived, r.mailsUnsent, r.mailsNotReceived, r.mailsTwice, r.readModel,
                    r.downWhileAway ? "yes" : "NO"));
        }
        return table.toString();
    }
}

package dev.seatbooking.launcher.processes;

import org.awaitility.core.ConditionTimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;

import static org.awaitility.Awaitility.await;

/**
 * Faults made in the multi-process platform during bursts of orders with payments, one fault a burst: each on a hot
 * conference of its own with fewer seats than the burst asks for and a one-minute hold. A third into the burst the
 * fault is made; the probes must say DOWN while it lasts; then the process is started again and the recovery time
 * runs until every probe says UP and every consumer has caught up. After each fault: no accepted order lost, no seat
 * held or sold twice, no order confirmed twice, every paid order confirmed (or expired first: refund due), every
 * confirmed order's confirmation mail sent, the read model equal to a rebuild of it. At the end, once every hold and
 * the expiry buffer are over, no order may be left unfinished (stuck). Used by {@code FaultSuiteTest} (a reduced
 * core in CI) and {@code scripts/run-fault-suite.sh}.
 */
final class FaultSuite implements AutoCloseable {

    /**
     * The load and the faults.
     *
     * @param clients         clients placing orders at the same time
     * @param ordersPerClient orders each client places, one after the other
     * @param seats           seats of the burst's conference (fewer than the orders ask for)
     * @param payEvery        every n-th order of a client is paid
     * @param faults          one burst each, in this order
     */
    record Settings(int clients, int ordersPerClient, int seats, int payEvery, List<Fault> faults) {

        int orders() {
            return clients * ordersPerClient;
        }
    }

    /** The reservation hold of the bursts' conferences (the shortest there is) and registration's buffer after it. */
    static final int HOLD_MINUTES = 1;
    static final Duration EXPIRATION_BUFFER = Duration.ofSeconds(10);
    /** Beyond hold and buffer, before an unfinished order counts as stuck: the outages' and restarts' delays. */
    static final Duration STUCK_GRACE = Duration.ofMinutes(3);
    private static final Duration DOWN_WITHIN = Duration.ofSeconds(60);
    private static final Duration RECOVERY_WITHIN = Duration.ofMinutes(4);
    private static final Duration SETTLE_WITHIN = Duration.ofMinutes(3);

    private static final Logger log = LoggerFactory.getLogger(FaultSuite.class);

    /** Per service, what the suite sets beyond compose (see {@link #environment()}). */
    static Map<String, Map<String, String>> environment() {
        // The short buffer lets orders expire within the run; every client of the suite is one address to the
        // services, so the limits meant for one browser (rate, requests in progress, failed access checks: a payment
        // started before payments has seen the order is a 404) are raised for it.
        return Map.of(
                "registration", Map.of("REGISTRATION_EXPIRATIONBUFFER", EXPIRATION_BUFFER.toSeconds() + "s",
                        "REGISTRATION_SEATSPERCLIENT_SEATS", "0"),
                "gateway", Map.of("GATEWAY_RATELIMIT_REQUESTSPERSECOND", "100000", "GATEWAY_RATELIMIT_BURST", "100000",
                        "GATEWAY_RATELIMIT_INFLIGHT", "100000"),
                "payments", Map.of("SEATBOOKING_PAYMENTS_ACCESSTHROTTLE_FAILURESPERORDER", "100000",
                        "SEATBOOKING_PAYMENTS_ACCESSTHROTTLE_FAILURESPERCLIENT", "100000"),
                "read-model", Map.of("SEATBOOKING_READMODEL_ACCESSTHROTTLE_CLIENTFAILURES", "100000",
                        "SEATBOOKING_READMODEL_ACCESSTHROTTLE_ORDERFAILURES", "100000"));
    }

    private final ProcessPlatform platform;
    private final Settings settings;
    private final PlatformProbe probe;
    private final Organiser organiser;

    FaultSuite(ProcessPlatform platform, Settings settings) {
        this.platform = platform;
        this.settings = settings;
        this.probe = new PlatformProbe(platform);
        this.organiser = new Organiser(platform.gatewayUrl());
    }

    /** Runs every fault, then waits out the last holds and counts what is stuck. */
    List<FaultReport> run() throws Exception {
        List<FaultReport> reports = new ArrayList<>();
        List<Organiser.Conference> conferences = new ArrayList<>();
        for (Fault fault : settings.faults()) {
            Organiser.Conference conference = organiser.publishedConference(settings.seats(), HOLD_MINUTES);
            conferences.add(conference);
            reports.add(burstWith(fault, conference));
        }
        Duration limit = Duration.ofMinutes(HOLD_MINUTES).plus(EXPIRATION_BUFFER).plus(STUCK_GRACE);
        awaitQuietly(limit.plus(Duration.ofMinutes(1)), () -> {
            for (Organiser.Conference conference : conferences) {
                if (OrderLedger.read(platform, conference.id()).nonFinal() > 0) return false;
            }
            return true;
        });
        List<FaultReport> finished = new ArrayList<>();
        for (int i = 0; i < reports.size(); i++) {
            OrderLedger ledger = OrderLedger.read(platform, conferences.get(i).id());
            finished.add(reports.get(i).finished(ledger.stuck(limit, Instant.now()),
                    ledger.oversold(conferences.get(i).seatTypeId(), settings.seats()), ledger.doubleConfirmed()));
        }
        return finished;
    }

    @Override
    public void close() {
        probe.close();
    }

    private FaultReport burstWith(Fault fault, Organiser.Conference conference) throws Exception {
        log.info("Fault suite: {} during a burst of {} orders for {} seats", fault.name(), settings.orders(),
                settings.seats());
        OrderTraffic traffic = OrderTraffic.start(platform.gatewayUrl(), conference, settings.clients(),
                settings.ordersPerClient(), settings.payEvery());
        await().atMost(SETTLE_WITHIN).until(() -> traffic.accepted() >= settings.orders() / 3);
        long inFlight = OrderLedger.read(platform, conference.id()).nonFinal();

        fault.inject(platform);
        boolean downWhileAway = awaitQuietly(DOWN_WITHIN, () ->
                fault.downWhileAway(probe).stream().noneMatch(probe::ready));
        keepAway(fault.outage());
        long restarted = System.nanoTime();
        fault.recover(platform);
        if (!awaitQuietly(RECOVERY_WITHIN, () -> probe.allReady() && probe.caughtUp())) {
            throw new AssertionError(fault.name() + ": not recovered within " + RECOVERY_WITHIN + ": "
                    + probe.describe());
        }
        Duration recovery = Duration.ofNanos(System.nanoTime() - restarted);
        log.info("Fault suite: {} recovered in {} ms", fault.name(), recovery.toMillis());

        OrderTraffic.Outcome outcome = traffic.finish(RECOVERY_WITHIN.plus(SETTLE_WITHIN));
        await().atMost(SETTLE_WITHIN).until(() -> probe.allReady() && probe.caughtUp()
                && OrderLedger.read(platform, conference.id()).paidNotConfirmed(outcome.paid()) == 0);
        OrderLedger ledger = OrderLedger.read(platform, conference.id());
        awaitQuietly(SETTLE_WITHIN, () -> MailLedger.unsent(platform, ledger.confirmed()) == 0);
        MailLedger mails = MailLedger.read(platform, ledger.confirmed());
        return new FaultReport(fault.name(), settings.orders(), inFlight, recovery, outcome.accepted().size(),
                outcome.retries(), ledger.lost(outcome.accepted()), -1,
                ledger.oversold(conference.seatTypeId(), settings.seats()), ledger.doubleConfirmed(),
                outcome.paid().size(), ledger.paidNotConfirmed(outcome.paid()), ledger.paidButExpired(outcome.paid()),
                mails.received(), mails.unsent(), mails.notReceived(), mails.twice(), readModelMatchesRebuild(), downWhileAway);
    }

    /** The outage itself: the dependency stays away this long (its length is the fault, not a wait for something). */
    private static void keepAway(Duration outage) throws InterruptedException {
        if (!outage.isZero()) Thread.sleep(outage.toMillis());
    }

    /**
     * The serving generations' rows against a rebuild's, at a moment when no event store moved meanwhile (orders
     * keep expiring after a burst, so a comparison during one is tried again). "not compared" when no such moment
     * came in time.
     */
    private String readModelMatchesRebuild() throws Exception {
        AtomicReference<String> verdict = new AtomicReference<>("not compared");
        awaitQuietly(SETTLE_WITHIN, () -> {
            await().atMost(SETTLE_WITHIN).until(probe::caughtUp);
            Map<String, Long> positions = probe.eventStorePositions();
            Map<String, List<String>> before = probe.readModelRows();
            Map<String, Integer> generations = probe.servingGenerations();
            probe.rebuildReadModel();
            await().atMost(SETTLE_WITHIN).until(() -> rebuilt(generations, probe.servingGenerations())
                    && probe.caughtUp());
            Map<String, List<String>> after = probe.readModelRows();
            if (!positions.equals(probe.eventStorePositions())) return false;
            verdict.set(before.equals(after) ? "equal" : "DIFFERENT: " + differences(before, after));
            return true;
        });
        return verdict.get();
    }

    private static boolean rebuilt(Map<String, Integer> before, Map<String, Integer> now) {
        return now.keySet().equals(before.keySet())
                && before.entrySet().stream().allMatch(entry -> now.get(entry.getKey()) > entry.getValue());
    }

    private static String differences(Map<String, List<String>> before, Map<String, List<String>> after) {
        List<String> tables = new ArrayList<>();
        for (String table : Set.copyOf(before.keySet())) {
            if (!before.get(table).equals(after.get(table))) tables.add(table);
        }
        return String.join(", ", tables);
    }

    @FunctionalInterface
    private interface Check {
        boolean holds() throws Exception;
    }

    /** Whether {@code check} came to hold within {@code timeout} (polled; exceptions count as not yet). */
    private static boolean awaitQuietly(Duration timeout, Check check) {
        try {
            await().atMost(timeout).pollInterval(Duration.ofMillis(500)).ignoreExceptions().until(check::holds);
            return true;
        } catch (ConditionTimeoutException e) {
            return false;
        }
    }
}

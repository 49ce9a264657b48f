package dev.seatbooking.conference.access;

import dev.seatbooking.web.throttle.TooManyAttempts;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * Slows down the guessing of owner credentials without handing anyone a way to lock the owner out. Three limits,
 * each keyed so that an attacker spends only their own allowance:
 * <ol>
 *     <li><b>Per owner email and client address: a growing delay.</b> The first {@code freeFailures} consecutive
 *     failures cost nothing (typos); after the n-th, the next attempt of that client for that email waits
 *     {@code firstDelay} · 2^(n - freeFailures) (1 s, 2 s, 4 s …), at most {@code maxBackoff}. The run is forgotten {@code failureMemory} after its
 *     last failure. A success does not end it: else the owner of a conference created with a victim's email could
 *     interleave successes with guesses at the victim's code.</li>
 *     <li><b>Per owner email, from any client: a rate</b> ({@code perOwner}: a burst, then one attempt per
 *     interval). Every failure for the email takes from it; it is asked only of clients that are themselves deep in
 *     failures for that email (at least {@code freeFailures}), unless the attempt aims at a conference the client
 *     opened with that email since its last failure. So many addresses together cannot guess faster than the rate,
 *     while the owner, from a client that has not been failing or that got in after mistyping, is never held up by
 *     them. Only the conference opened counts: anyone may create a conference with a victim's email and open it, and
 *     successes there must not exempt guesses at the victim's (nor a sign-in by email and code, which aims at every
 *     conference of the email). A refusal asks for at most one interval: a delay, never a ban.</li>
 *     <li><b>Per client, across emails: a rate</b> ({@code perClient}), so that one address cannot spray guesses
 *     over many emails. An email the client signed in with successfully within {@code successMemory} is exempt: an
 *     attacker behind the owner's address (the same NAT) cannot starve the owner's working session.</li>
 * </ol>
 * {@link #begin} is asked before the credentials are looked at, and refuses right and wrong credentials alike
 * (otherwise the throttle would tell a right guess). Rates are taken at {@code begin} and given back on success,
 * so that concurrent guesses cannot all slip through one check; the growing delay is checked at {@code begin} and
 * extended on failure, so concurrent guesses of one client for one email are held by the two rates.
 * <p>
 * Client addresses are {@code request.getRemoteAddr()}; IPv6 addresses count per /64, as one host usually holds a
 * whole /64. Emails count case-insensitively, as they are compared. Memory is bounded: every table holds at most
 * {@code maxTracked} keys and forgets a key once its state no longer matters; a flood of new emails or addresses
 * evicts old keys rather than growing. In memory, per instance: a restart or another instance starts afresh, which
 * the codes' 80 random bits make harmless — the throttle takes the sport out of online guessing.
 */
final class SignInThrottle {

    /**
     * @param freeFailures  consecutive failures of one client for one email before delays begin
     * @param firstDelay    the delay after the first failure beyond the free ones; each further one doubles it
     * @param maxBackoff    the longest delay between two attempts of one client for one email
     * @param failureMemory how long after its last failure a run of failures is remembered
     * @param perOwner      attempts for one email by clients deep in failures for it
     * @param perClient     attempts by one client, across emails
     * @param successMemory how long a successful sign-in exempts its client and email from {@code perClient}
     * @param maxTracked    the most keys each table holds
     */
    record Settings(int freeFailures, Duration firstDelay, Duration maxBackoff, Duration failureMemory, Budget.Rate perOwner,
                           Budget.Rate perClient, Duration successMemory, long maxTracked) {
        Settings {
            if (freeFailures < 0) throw new IllegalArgumentException("freeFailures must not be negative");
            if (!firstDelay.isPositive() || !maxBackoff.isPositive() || !failureMemory.isPositive()
                    || !successMemory.isPositive()) {
                throw new IllegalArgumentException("durations must be positive");
            }
            if (maxTracked < 1) throw new IllegalArgumentException("maxTracked must be positive");
        }
    }

    /** One client's run of consecutive failures for one email. */
    record FailureRun(int failures, Instant last) {

        FailureRun after(Instant failure) {
            return new FailureRun(failures + 1, failure);
        }
    }

    private record Pair(String email, String client) {
    }

    /** A client's sign-ins with an email at one conference. */
    private record Opened(Pair pair, UUID conference) {
    }

    private final Settings settings;
    private final Clock clock;
    private final Cache<Pair, FailureRun> runs;
    private final Cache<Pair, Instant> successes;
    private final Cache<Opened, Instant> opened;
    private final Budget owners;
    private final Budget clients;

    SignInThrottle(Settings settings, Clock clock) {
        this.settings = settings;
        this.clock = clock;
        this.runs = Caffeine.newBuilder().maximumSize(settings.maxTracked())
                .expireAfterWrite(settings.failureMemory()).build();
        this.successes = Caffeine.newBuilder().maximumSize(settings.maxTracked())
                .expireAfterWrite(settings.successMemory()).build();
        this.opened = Caffeine.newBuilder().maximumSize(settings.maxTracked())
                .expireAfterWrite(settings.successMemory()).build();
        this.owners = new Budget(settings.perOwner(), settings.maxTracked());
        this.clients = new Budget(settings.perClient(), settings.maxTracked());
    }

    /**
     * Before credentials for {@code email} from {@code client} are checked.
     *
     * @param conference the conference the credentials are to open; null when they are to find it (any of the
     *                   email's)
     * @return the attempt, to be told how the check went
     * @throws TooManyAttempts when the client must wait first, whatever its credentials
     */
    Attempt begin(String email, String client, UUID conference) {
        Pair pair = new Pair(canonicalEmail(email), clientKey(client));
        Instant now = clock.instant();
        FailureRun run = currentRun(pair, now);
        Instant lastSuccess = lastSuccess(pair, now);
        if (run != null) refuseFor(Duration.between(now, run.last().plus(backoff(run.failures()))));

        boolean takenFromClient = false;
        if (lastSuccess == null) {
            clients.take(pair.client(), now).ifPresent(SignInThrottle::refuseFor);
            takenFromClient = true;
        }
        boolean deepInFailures = run != null && run.failures() >= settings.freeFailures()
                && !openedSince(pair, conference, run.last(), now);
        if (deepInFailures) {
            Optional<Duration> wait = owners.take(pair.email(), now);
            if (wait.isPresent()) {
                if (takenFromClient) clients.giveBack(pair.client(), now);
                refuseFor(wait.get());
            }
        }
        return new Attempt(pair, takenFromClient, deepInFailures);
    }

    /** How long the client waits after its n-th consecutive failure: 0 for the free ones, then doubling, capped. */
    Duration backoff(int failures) {
        int beyond = failures - settings.freeFailures();
        if (beyond < 0) return Duration.ZERO;
        Duration max = settings.maxBackoff();
        Duration delay = settings.firstDelay();
        for (int i = 0; i < beyond && delay.compareTo(max) < 0; i++) delay = delay.multipliedBy(2);
        return delay.compareTo(max) < 0 ? delay : max;
    }

    /** Keys held, across the tables (for tests of the memory bound). */
    long tracked() {
        runs.cleanUp();
        successes.cleanUp();
        opened.cleanUp();
        return runs.estimatedSize() + successes.estimatedSize() + opened.estimatedSize() + owners.size()
                + clients.size();
    }

    /**
     * An attempt let through {@link #begin}, to be told how the credentials' check went: {@link #failed} or
     * {@link #succeeded} (with the conference they opened). Closing one that was told neither (the check itself broke) gives back what it took.
     */
    final class Attempt implements AutoCloseable {
        private final Pair pair;
        private final boolean takenFromClient;
        private final boolean takenFromOwner;
        private boolean settled;

        private Attempt(Pair pair, boolean takenFromClient, boolean takenFromOwner) {
            this.pair = pair;
            this.takenFromClient = takenFromClient;
            this.takenFromOwner = takenFromOwner;
        }

        void failed() {
            settled = true;
            Instant now = clock.instant();
            runs.asMap().compute(pair, (p, run) ->
                    run == null || isForgotten(run, now) ? new FailureRun(1, now) : run.after(now));
            // Every failure for the email counts towards its rate, also one that was not asked for it. If it
            // holds nothing, the failure is not carried as debt: the rate's refusals stay short.
            if (!takenFromOwner) owners.take(pair.email(), now);
        }

        void succeeded(UUID conference) {
            giveBack();
            Instant now = clock.instant();
            successes.put(pair, now);
            opened.put(new Opened(pair, Objects.requireNonNull(conference)), now);
        }

        @Override
        public void close() {
            if (!settled) giveBack();
        }

        private void giveBack() {
            settled = true;
            Instant now = clock.instant();
            if (takenFromClient) clients.giveBack(pair.client(), now);
            if (takenFromOwner) owners.giveBack(pair.email(), now);
        }
    }

    private FailureRun currentRun(Pair pair, Instant now) {
        FailureRun run = runs.getIfPresent(pair);
        return run == null || isForgotten(run, now) ? null : run;
    }

    private boolean isForgotten(FailureRun run, Instant now) {
        return !run.last().plus(settings.failureMemory()).isAfter(now);
    }

    private Instant lastSuccess(Pair pair, Instant now) {
        Instant success = successes.getIfPresent(pair);
        return success == null || !success.plus(settings.successMemory()).isAfter(now) ? null : success;
    }

    /** Whether the client opened {@code conference} with the email after {@code since} (never for null: any). */
    private boolean openedSince(Pair pair, UUID conference, Instant since, Instant now) {
        if (conference == null) return false;
        Instant at = opened.getIfPresent(new Opened(pair, conference));
        return at != null && at.isAfter(since) && at.plus(settings.successMemory()).isAfter(now);
    }

    private static void refuseFor(Duration wait) {
        if (wait.isPositive()) throw new TooManyAttempts(wait);
    }

    /** Emails are compared ignoring case ({@link String#equalsIgnoreCase}); this folds case the same way. */
    static String canonicalEmail(String email) {
        StringBuilder canonical = new StringBuilder(email.length());
        email.codePoints().map(c -> Character.toLowerCase(Character.toUpperCase(c))).forEach(canonical::appendCodePoint);
        return canonical.toString();
    }

    /** An IPv4 address as it is; an IPv6 address as its /64 network, which one host or customer usually holds whole. */
    static String clientKey(String address) {
        if (address == null || address.indexOf(':') < 0) return String.valueOf(address);
        // A literal starting with a hex digit or ':' is parsed, never looked up in DNS.
        if (address.charAt(0) != ':' && Character.digit(address.charAt(0), 16) < 0) return address;
        try {
            byte[] bytes = InetAddress.getByName(address).getAddress();
            if (bytes.length != 16) return InetAddress.getByAddress(bytes).getHostAddress(); // IPv4-mapped
            return HexFormat.of().formatHex(bytes, 0, 8) + "::/64";
        } catch (UnknownHostException e) {
            return address;
        }
    }
}

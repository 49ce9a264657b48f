package dev.seatbooking.registration.service;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.seatbooking.web.throttle.GuessThrottle;
import dev.seatbooking.contracts.registration.SeatQuantity;
import dev.seatbooking.registration.RegistrationProperties;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.TimeMeter;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * How many seats one client address may ask for at one conference in a while, so that nobody holds a conference's
 * seats without buying them, placing order after order and renewing them as their holds lapse. A Bucket4j bucket per
 * (conference, client): {@code seats} at once, refilled over {@code refill} (the length of a hold, so about that many
 * seats held at a time). Every seat asked counts: an order placed, seats added to one, a waitlist join (its offer
 * holds seats). A repeated request and a refused one count nothing.
 * <p>
 * Per client address as the throttles count (an IPv6 address by its /64), in memory, per instance, like them (ADR 9).
 * An office or a venue buying behind one address shares the allowance: raise {@code seats} where that is the
 * audience; 0 turns the limit off.
 */
@Component
public final class SeatsPerClient {

    private final int seats;
    private final Duration refill;
    private final Cache<Key, Bucket> buckets;
    private final TimeMeter time;

    private record Key(UUID conferenceId, String client) {
    }

    @Autowired
    public SeatsPerClient(RegistrationProperties properties, Clock clock) {
        this(properties.seatsPerClient().seats(), properties.seatsPerClient().refill(),
                properties.seatsPerClient().trackedClients(), clock);
    }

    /**
     * @param seats   the seats one client may ask for at once at one conference; 0: no limit
     * @param refill  how long an emptied allowance takes to fill again
     * @param clients the most (conference, client) pairs remembered; the least recently seen are forgotten first
     * @param clock   the service's clock, which tests move
     */
    public SeatsPerClient(int seats, Duration refill, long clients, Clock clock) {
        if (seats < 0) throw new IllegalArgumentException("seats must not be negative, was " + seats);
        if (!refill.isPositive()) throw new IllegalArgumentException("refill must be positive, was " + refill);
        this.seats = seats;
        this.refill = refill;
        // A bucket left alone for a whole refill is as good as a new one.
        this.buckets = Caffeine.newBuilder().maximumSize(clients).expireAfterAccess(refill).build();
        this.time = new ServiceClock(clock);
    }

    /**
     * Counts {@code asked} seats against the client at the conference (an order asking more than the whole
     * allowance counts as the whole).
     *
     * @return what to call if the request turns out to hold nothing after all
     * @throws TooManySeatsAsked the client asked for as many seats as it may for now
     */
    public Taken take(UUID conferenceId, String clientAddress, int asked) {
        if (seats == 0 || asked <= 0) return () -> { };
        int counted = Math.min(asked, seats);
        Bucket bucket = buckets.get(new Key(conferenceId, GuessThrottle.clientKey(clientAddress)), key -> newBucket());
        ConsumptionProbe probe = bucket.tryConsumeAndReturnRemaining(counted);
        if (!probe.isConsumed()) throw new TooManySeatsAsked(seats, Duration.ofNanos(probe.getNanosToWaitForRefill()));
        return () -> bucket.addTokens(counted);
    }

    /**
     * Runs {@code request} with {@code asked} seats counted against the client, given back if it fails (a rejection,
     * or a conflict to be decided again: the retried decision counts anew).
     *
     * @throws TooManySeatsAsked the client asked for as many seats as it may for now; {@code request} does not run
     */
    public <T> T counting(UUID conferenceId, String clientAddress, int asked, Supplier<T> request) {
        Taken taken = take(conferenceId, clientAddress, asked);
        try {
            return request.get();
        } catch (RuntimeException | Error failed) {
            taken.giveBack();
            throw failed;
        }
    }

    /** The seats a request asks for, in all (summed as a long: its lines are validated elsewhere). */
    public static int seatsIn(List<SeatQuantity> seats) {
        long total = seats.stream().mapToLong(SeatQuantity::quantity).sum();
        return (int) Math.min(Integer.MAX_VALUE, total);
    }

    /** Seats counted against a client, to be given back when the request they were asked in holds nothing. */
    @FunctionalInterface
    public interface Taken {
        void giveBack();
    }

    private Bucket newBucket() {
        return Bucket.builder().addLimit(limit -> limit.capacity(seats).refillGreedy(seats, refill))
                .withCustomTimePrecision(time).build();
    }

    /** Bucket4j's time, read from the service's clock. */
    private record ServiceClock(Clock clock) implements TimeMeter {
        @Override
        public long currentTimeNanos() {
            return TimeUnit.MILLISECONDS.toNanos(clock.millis());
        }

        @Override
        public boolean isWallClockBased() {
            return true;
        }
    }
}

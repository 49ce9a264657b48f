package dev.seatbooking.registration.waitlist;

import dev.seatbooking.contracts.Money;
import dev.seatbooking.contracts.registration.SeatQuantity;
import dev.seatbooking.contracts.registration.SeatsAvailabilityCommand.AddSeats;
import dev.seatbooking.contracts.registration.SeatsAvailabilityCommand.JoinWaitlist;
import dev.seatbooking.contracts.registration.SeatsAvailabilityCommand.LeaveWaitlist;
import dev.seatbooking.contracts.registration.SeatsAvailabilityEvent;
import dev.seatbooking.eventsourcing.store.RecordedEvent;
import dev.seatbooking.registration.seatsavailability.SeatsAvailability;
import dev.seatbooking.registration.service.SeatsAvailabilityService;
import dev.seatbooking.registration.support.RegistrationServiceTest;
import dev.seatbooking.registration.support.UpstreamServices.PublishedConference;
import dev.seatbooking.registration.support.UpstreamServices.SeatTypeSpec;
import org.junit.jupiter.api.RepeatedTest;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Never skip ahead, under concurrency: registrants joining and leaving a waitlist while the owner adds seats, all at
 * once from several threads, through the service's single writer. Walking the conference's stream afterwards, every
 * offer went to the first entry still short of seats, no seat was offered twice, and the service's copy in memory is
 * the stream's replay.
 */
class WaitlistFairnessTest extends RegistrationServiceTest {

    private static final int THREADS = 4;
    private static final int ACTIONS = 12;
    private static final int SEATS = 3;
    private static final Duration WAIT = Duration.ofSeconds(90);

    @RepeatedTest(3)
    void offers_follow_the_join_order_exactly_and_no_seat_is_offered_twice() throws Exception {
        PublishedConference conference = conferenceOnSale(Duration.ofMinutes(15),
                new SeatTypeSpec("General", SEATS, Money.of("25.00", "EUR")));
        UUID seatType = conference.seatType();
        AtomicInteger joins = new AtomicInteger();
        AtomicInteger added = new AtomicInteger();
        AtomicInteger leaves = new AtomicInteger();
        CountDownLatch start = new CountDownLatch(1);
        List<Future<?>> racers = new ArrayList<>();
        try (ExecutorService pool = Executors.newFixedThreadPool(THREADS)) {
            for (int t = 0; t < THREADS; t++) {
                racers.add(pool.submit(() -> {
                    start.await();
                    race(conference.id(), seatType, joins, added, leaves);
                    return null;
                }));
            }
            start.countDown();
            for (Future<?> racer : racers) racer.get();
        }

        await().atMost(WAIT).until(() -> count(conference.id(), SeatsAvailabilityEvent.WaitlistJoined.class) == joins.get()
                && count(conference.id(), SeatsAvailabilityEvent.WaitlistLeft.class) == leaves.get()
                && count(conference.id(), SeatsAvailabilityEvent.AvailableSeatsChanged.class) == 1 + added.get() / 1_000);

        assertThat(count(conference.id(), SeatsAvailabilityEvent.WaitlistOfferMade.class)).as("the race made offers")
                .isPositive();
        int total = SEATS + added.get() % 1_000;
        assertFairAndConserved(conference.id(), seatType, total);
        SeatsAvailability replayed = probe.seatsAvailability(conference.id());
        SeatsAvailability cached = context.getBean(SeatsAvailabilityService.class).cachedCopy(conference.id())
                .orElseThrow().aggregate();
        assertThat(cached.remainingSeats()).isEqualTo(replayed.remainingSeats());
        assertThat(cached.waitlist(seatType)).isEqualTo(replayed.waitlist(seatType));
        replayed.waitlist(seatType).forEach(e -> assertThat(cached.offered(e)).isEqualTo(replayed.offered(e)));
    }

    /**
     * One registrant-or-owner thread: joins (1 to 3 seats), leaves one of its entries, or adds 1 or 2 seats.
     * {@code added} counts AddSeats commands in thousands plus the seats they add (one number, updated atomically).
     */
    private void race(UUID conferenceId, UUID seatType, AtomicInteger joins, AtomicInteger added, AtomicInteger leaves) {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        List<UUID> mine = new ArrayList<>();
        for (int i = 0; i < ACTIONS; i++) {
            int action = random.nextInt(3);
            if (action == 0 || mine.isEmpty()) {
                UUID entry = UUID.randomUUID();
                probe.send(new JoinWaitlist(conferenceId, entry, seatType, 1 + random.nextInt(3)));
                mine.add(entry);
                joins.incrementAndGet();
            } else if (action == 1) {
                probe.send(new LeaveWaitlist(conferenceId, mine.remove(random.nextInt(mine.size()))));
                leaves.incrementAndGet();
            } else {
                int seats = 1 + random.nextInt(2);
                probe.send(new AddSeats(conferenceId, seatType, seats));
                added.addAndGet(1_000 + seats);
            }
        }
    }

    /** Walks the stream: who was offered what, when, and where every seat is. */
    private void assertFairAndConserved(UUID conferenceId, UUID seatType, int total) {
        Map<UUID, Integer> wanted = new LinkedHashMap<>(); // join order
        Map<UUID, Integer> offered = new LinkedHashMap<>();
        int onSale = 0;
        for (RecordedEvent<Object> recorded : probe.events(conferenceId)) {
            // A decision's offers follow its first event: check the state each decision left, before the next one.
            if (!(recorded.event() instanceof SeatsAvailabilityEvent.WaitlistOfferMade)) {
                assertNobodyWaitsWhileSeatsAreOnSale(wanted, offered, onSale, recorded.version());
            }
            switch ((SeatsAvailabilityEvent) recorded.event()) {
                case SeatsAvailabilityEvent.AvailableSeatsChanged e -> onSale += sum(e.seats(), seatType);
                case SeatsAvailabilityEvent.WaitlistJoined e -> wanted.put(e.entryId(), e.quantity());
                case SeatsAvailabilityEvent.WaitlistOfferMade e -> {
                    for (var earlier : wanted.entrySet()) {
                        if (earlier.getKey().equals(e.entryId())) break;
                        assertThat(offered.getOrDefault(earlier.getKey(), 0))
                                .as("entry joined before %s is served first (version %s)", e.entryId(), recorded.version())
                                .isEqualTo(earlier.getValue());
                    }
                    assertThat(e.offered().quantity()).isGreaterThan(offered.getOrDefault(e.entryId(), 0))
                            .isLessThanOrEqualTo(wanted.get(e.entryId()));
                    offered.put(e.entryId(), e.offered().quantity());
                    onSale += sum(e.availableSeatsChanged(), seatType);
                }
                case SeatsAvailabilityEvent.WaitlistLeft e -> {
                    wanted.remove(e.entryId());
                    offered.remove(e.entryId());
                    onSale += sum(e.availableSeatsChanged(), seatType);
                }
                default -> throw new AssertionError("not part of this race: " + recorded.event());
            }
            assertThat(onSale).as("seats on sale at version %s", recorded.version()).isNotNegative();
        }
        assertNobodyWaitsWhileSeatsAreOnSale(wanted, offered, onSale, -1);
        int offeredSeats = offered.values().stream().mapToInt(Integer::intValue).sum();
        assertThat(onSale + offeredSeats).as("every seat on sale or offered, once").isEqualTo(total);
    }

    private static void assertNobodyWaitsWhileSeatsAreOnSale(Map<UUID, Integer> wanted, Map<UUID, Integer> offered,
                                                             int onSale, long version) {
        boolean someoneWaits = wanted.entrySet().stream().anyMatch(w -> offered.getOrDefault(w.getKey(), 0) < w.getValue());
        if (someoneWaits) assertThat(onSale).as("seats on sale while someone waits, before version %s", version).isZero();
    }

    private long count(UUID conferenceId, Class<?> type) {
        return probe.events(conferenceId).stream().filter(e -> type.isInstance(e.event())).count();
    }

    private static int sum(List<SeatQuantity> changes, UUID seatType) {
        return changes.stream().filter(c -> c.seatTypeId().equals(seatType)).mapToInt(SeatQuantity::quantity).sum();
    }
}

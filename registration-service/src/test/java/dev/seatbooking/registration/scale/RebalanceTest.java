package dev.seatbooking.registration.scale;

import com.zaxxer.hikari.HikariDataSource;
import dev.seatbooking.contracts.Money;
import dev.seatbooking.contracts.registration.SeatQuantity;
import dev.seatbooking.contracts.registration.SeatsAvailabilityCommand.MakeSeatReservation;
import dev.seatbooking.contracts.registration.SeatsAvailabilityEvent;
import dev.seatbooking.eventsourcing.store.RecordedEvent;
import dev.seatbooking.registration.order.Order;
import dev.seatbooking.registration.order.OrderStatus;
import dev.seatbooking.registration.process.Completion;
import dev.seatbooking.registration.seatsavailability.SeatsAvailability;
import dev.seatbooking.registration.service.SeatsAvailabilityService;
import dev.seatbooking.registration.support.OrderBurst;
import dev.seatbooking.registration.support.RegistrantClient;
import dev.seatbooking.registration.support.RegistrationProbe;
import dev.seatbooking.registration.support.TestClock;
import dev.seatbooking.registration.support.TestService;
import dev.seatbooking.registration.support.UpstreamServices;
import dev.seatbooking.registration.support.UpstreamServices.PublishedConference;
import dev.seatbooking.registration.support.UpstreamServices.SeatTypeSpec;
import dev.seatbooking.testinfra.TestKafka;
import dev.seatbooking.testinfra.TestPostgres;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.utils.Utils;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The single-writer promise through rebalances. Each conference's SeatsAvailability is written by the owner of its
 * partition of the commands topic, which keeps the aggregate in memory, drops its copies when partitions move and
 * falls back on the event store's expected version if another instance wrote meanwhile. Here conferences on every
 * partition, each with fewer seats than its registrants ask for, take a burst of orders (and payments, some paid
 * twice) over real HTTP from several clients, while instances join, one leaves gracefully and one is killed
 * ({@link TestService#kill}: its database connections cut first), so every partition changes owner at least twice
 * with commands in flight. Afterwards: no seat held or sold twice at any point of any conference's stream, every
 * order reserved (or given what was left) and then confirmed or expired, none confirmed twice, and each
 * SeatsAvailability replayed from its events equals what the event store loads and what its owner holds in memory.
 */
class RebalanceTest {

    private static final Logger log = LoggerFactory.getLogger(RebalanceTest.class);

    static final int PARTITIONS = 6;
    static final int CONFERENCES_PER_PARTITION = 2;
    static final int SEATS = 8;
    static final int ORDERS_PER_STEP = 60;
    /**
     * How far the burst may run ahead of the last step: orders keep flowing through the move that follows a step,
     * but a slow move (a busy machine) cannot let the burst run away from the moves, or end it before them.
     */
    static final int ORDERS_AHEAD = 400;
    static final Money PRICE = Money.of("30.00", "EUR");
    static final Duration HOLD = Duration.ofMinutes(15);
    static final Duration WAIT = Duration.ofSeconds(60);
    static final String WRITERS = "seatsAvailabilityCommandsConsumer";
    /** Two writer threads an instance: three instances own one partition each, none stands idle. */
    static final Map<String, Object> SETTINGS = Map.of("registration.messaging.partitions", PARTITIONS,
            "registration.messaging.consumers.seats-availability", 2,
            "registration.messaging.consumers.process", 2);

    private final TestPostgres.Database database = TestPostgres.newDatabase("registration_rebalance");
    private final String topicPrefix = TestService.newTopicPrefix();
    private final UpstreamServices upstream = new UpstreamServices(TestKafka.bootstrapServers(), topicPrefix);
    private final List<TestService> started = new CopyOnWriteArrayList<>();
    /** The instances running and taking requests, in the order they joined. */
    private final List<TestService> live = new CopyOnWriteArrayList<>();
    private final Map<Integer, Set<TestService>> ownersOverTime = new ConcurrentHashMap<>();
    private final AtomicInteger placed = new AtomicInteger();
    private final AtomicInteger turn = new AtomicInteger();
    private final AtomicInteger allowance = new AtomicInteger(ORDERS_PER_STEP + ORDERS_AHEAD);
    private Payer payer;

    @AfterEach
    void stop() {
        if (payer != null) payer.close();
        upstream.close();
        started.forEach(TestService::close);
        TestClock.INSTANCE.reset();
    }

    @Test
    void no_seat_is_sold_twice_and_every_order_ends_while_the_conferences_writers_move_between_instances() {
        TestService first = join();
        TestService second = join();
        List<PublishedConference> conferences = publishOnEveryPartition();
        payer = new Payer(upstream, database, this::anyLive);
        OrderBurst.Result burst = ordersWhileWritersMove(conferences, () -> {
            afterMoreOrders();
            join();
            afterMoreOrders();
            leave(second);
            afterMoreOrders();
            kill(first);
            afterMoreOrders();
            join();
            afterMoreOrders();
        });
        assertThat(ownersOverTime).allSatisfy((partition, owners) ->
                assertThat(owners).as("owners of partition %s", partition).hasSizeGreaterThanOrEqualTo(2));

        RegistrationProbe probe = anyLive().probe();
        await("every order reserved").atMost(WAIT).pollInterval(Duration.ofMillis(500))
                .until(() -> probe.ordersWith(burst.orderIds(),
                "OrderReservationCompleted", "OrderPartiallyReserved") == burst.orderIds().size());
        Set<UUID> paid = payer.stopAndPayTheRest();
        assertEveryPaidOrderConfirmedOnce(probe, paid);
        for (PublishedConference conference : conferences) {
            assertNoSeatHeldOrSoldTwice(probe, conference);
            assertOrdersAgreeWithSeatsAvailability(probe, conference, burst);
            assertReplayEqualsWhatIsHeld(probe, conference);
        }
        assertEveryUnpaidSeatBackAfterTheHold(probe, conferences, burst, paid);
    }

    /** Places orders from several clients, spread over the live instances, until {@code moves} is over. */
    private OrderBurst.Result ordersWhileWritersMove(List<PublishedConference> conferences, Runnable moves) {
        RegistrantClient client = new RegistrantClient(
                () -> live.get(Math.floorMod(turn.getAndIncrement(), live.size())).baseUrl());
        AtomicBoolean moved = new AtomicBoolean();
        CompletableFuture<Void> moving = CompletableFuture.runAsync(moves)
                .whenComplete((done, failed) -> moved.set(true));
        OrderBurst.Result burst = OrderBurst.place(i -> client,
                i -> new OrderBurst.Target(conferences.get(i % conferences.size()).id(),
                        conferences.get(i % conferences.size()).seatType()),
                i -> mayPlace(i, moved), 8, 17, n -> placed.accumulateAndGet(n, Math::max));
        moving.join();
        log.info("{} orders placed, {} requests sent again; partition owners over time: {}", burst.orderIds().size(),
                burst.retried(), ownersOverTime.values().stream().map(Set::size).toList());
        return burst;
    }

    /** Whether the i-th order goes out: once the steps allow it, and only while the writers still move. */
    private boolean mayPlace(int i, AtomicBoolean moved) {
        await("order " + i + " allowed").atMost(Duration.ofMinutes(5)).pollInterval(Duration.ofMillis(20))
                .until(() -> moved.get() || i < allowance.get());
        return !moved.get();
    }

    /** Once the hold is over, every unpaid order expires, its seats come back, and every process has ended. */
    private void assertEveryUnpaidSeatBackAfterTheHold(RegistrationProbe probe, List<PublishedConference> conferences,
                                                       OrderBurst.Result burst, Set<UUID> paid) {
        Map<UUID, Integer> sold = new HashMap<>();
        for (UUID order : paid) {
            sold.merge(burst.targets().get(order).conferenceId(), probe.seatsHeld(order), Integer::sum);
        }
        probe.timePasses(HOLD.plus(TestService.EXPIRATION_BUFFER));
        List<UUID> unpaid = burst.orderIds().stream().filter(id -> !paid.contains(id)).toList();
        await("every unpaid order expired").atMost(WAIT).pollInterval(Duration.ofMillis(500)).until(() ->
                probe.ordersWith(unpaid, "OrderExpired") == unpaid.size());
        for (PublishedConference conference : conferences) {
            await("unpaid seats back in " + conference.id()).atMost(WAIT).pollInterval(Duration.ofMillis(500))
                    .until(() -> probe.remaining(conference.id(), conference.seatType())
                            == SEATS - sold.getOrDefault(conference.id(), 0));
            assertNoSeatHeldOrSoldTwice(probe, conference);
            assertReplayEqualsWhatIsHeld(probe, conference);
        }
        for (UUID order : burst.orderIds()) {
            assertThat(probe.process(order)).as("process of order %s", order).hasValueSatisfying(p ->
                    assertThat(p.state().completion())
                            .isEqualTo(paid.contains(order) ? Completion.CONFIRMED : Completion.REJECTED));
        }
    }

    /**
     * What the rebalance listener's drop does not cover: another instance wrote the conference while this one held it
     * in memory (a former owner still finishing its poll). The owner's append then fails on the version, its copy is
     * dropped, and the command is decided again on what the store holds: the order gets the one seat left, not the
     * three its stale copy showed.
     */
    @Test
    void an_owner_whose_copy_is_stale_drops_it_and_decides_again_on_what_the_store_holds() {
        TestService instance = TestService.start(database, topicPrefix, SETTINGS);
        started.add(instance);
        live.add(instance);
        PublishedConference conference = upstream.publishConference(HOLD, new SeatTypeSpec("General", SEATS, PRICE));
        RegistrationProbe probe = instance.probe();
        await().atMost(WAIT).until(() -> probe.onSale(conference.id(), Map.of(conference.seatType(), SEATS)));
        RegistrantClient client = new RegistrantClient(instance.baseUrl());
        placeAndAwaitReservation(client, probe, conference, 1);
        SeatsAvailabilityService owner = instance.context().getBean(SeatsAvailabilityService.class);
        assertThat(owner.cachedCopy(conference.id())).as("the owner's copy").isPresent();

        probe.seatsAvailabilityWrittenElsewhere(conference.id(), availability -> availability.makeReservation(
                new MakeSeatReservation(conference.id(), UUID.randomUUID(),
                        List.of(new SeatQuantity(conference.seatType(), SEATS - 2)),
                        TestClock.INSTANCE.instant().plus(HOLD)), TestClock.INSTANCE.instant()));
        UUID order = placeAndAwaitReservation(client, probe, conference, 3);

        assertThat(probe.status(order)).isEqualTo(OrderStatus.PARTIALLY_RESERVED);
        assertThat(probe.seatsHeld(order)).isEqualTo(1);
        assertThat(probe.remaining(conference.id(), conference.seatType())).isZero();
        assertNoSeatHeldOrSoldTwice(probe, conference);
        assertReplayEqualsWhatIsHeld(probe, conference);
    }

    private static UUID placeAndAwaitReservation(RegistrantClient client, RegistrationProbe probe,
                                                 PublishedConference conference, int seats) {
        UUID order = UUID.randomUUID();
        assertThat(client.placeOrder(conference.id(), order, conference.seatType(), seats).status()).isEqualTo(201);
        await().atMost(WAIT).until(() ->
                probe.ordersWith(List.of(order), "OrderReservationCompleted", "OrderPartiallyReserved") == 1);
        return order;
    }

    // --- the instances ---

    /** Starts an instance and waits until it owns some of the conferences (and the group has settled). */
    private TestService join() {
        TestService instance = TestService.start(database, topicPrefix, SETTINGS);
        started.add(instance);
        live.add(instance);
        awaitWritersSettled();
        return instance;
    }

    /** Stops an instance as a deployment does: requests in hand answered, consumers finish and leave the group. */
    private void leave(TestService instance) {
        live.remove(instance);
        instance.close();
        awaitWritersSettled();
    }

    /** Kills an instance as near to {@code kill -9} as one in this JVM gets ({@link TestService#kill}). */
    private void kill(TestService instance) {
        live.remove(instance);
        instance.kill();
        awaitWritersSettled();
    }

    private void afterMoreOrders() {
        int target = placed.get() + ORDERS_PER_STEP;
        allowance.set(target + ORDERS_AHEAD);
        await(ORDERS_PER_STEP + " more orders placed").atMost(WAIT).until(() -> placed.get() >= target);
    }

    /** Every partition of the commands topic has one writer among the live instances, and each of them writes some. */
    private void awaitWritersSettled() {
        await("one writer a partition").atMost(WAIT).untilAsserted(() -> {
            Map<Integer, TestService> owners = new HashMap<>();
            for (TestService instance : live) {
                Set<TopicPartition> partitions = instance.assignedPartitions(WRITERS);
                assertThat(partitions).as("partitions of an instance").isNotEmpty();
                for (TopicPartition partition : partitions) {
                    assertThat(owners.put(partition.partition(), instance)).as("another owner").isNull();
                }
            }
            assertThat(owners).hasSize(PARTITIONS);
            owners.forEach((partition, owner) ->
                    ownersOverTime.computeIfAbsent(partition, p -> ConcurrentHashMap.newKeySet()).add(owner));
        });
    }

    private TestService anyLive() {
        return live.getFirst();
    }

    // --- the conferences ---

    /** Conferences until every partition of the commands topic (keyed by conference id) has its share. */
    private List<PublishedConference> publishOnEveryPartition() {
        Map<Integer, List<PublishedConference>> byPartition = new TreeMap<>();
        while (byPartition.size() < PARTITIONS || byPartition.values().stream()
                .anyMatch(c -> c.size() < CONFERENCES_PER_PARTITION)) {
            PublishedConference conference = upstream.publishConference(HOLD,
                    new SeatTypeSpec("General", SEATS, PRICE));
            byPartition.computeIfAbsent(partitionOf(conference.id()), p -> new ArrayList<>()).add(conference);
        }
        List<PublishedConference> conferences = byPartition.values().stream().flatMap(List::stream).toList();
        RegistrationProbe probe = anyLive().probe();
        await().atMost(WAIT).until(() -> conferences.stream()
                .allMatch(c -> probe.onSale(c.id(), Map.of(c.seatType(), SEATS))));
        return conferences;
    }

    /** The producer's default partitioner, as the dispatcher's records (key: the conference id) meet it. */
    private static int partitionOf(UUID conferenceId) {
        return Utils.toPositive(Utils.murmur2(conferenceId.toString().getBytes(StandardCharsets.UTF_8))) % PARTITIONS;
    }

    private TestService ownerOf(UUID conferenceId) {
        return live.stream().filter(i -> i.assignedPartitions(WRITERS).stream()
                .anyMatch(p -> p.partition() == partitionOf(conferenceId))).findFirst().orElseThrow();
    }

    // --- what must hold ---

    private static void assertEveryPaidOrderConfirmedOnce(RegistrationProbe probe, Set<UUID> paid) {
        List<UUID> orders = List.copyOf(paid);
        await("every paid order confirmed").atMost(WAIT).pollInterval(Duration.ofMillis(500)).until(() ->
                probe.ordersWith(orders, "OrderConfirmed") == orders.size());
        await("every paid reservation committed").atMost(WAIT).pollInterval(Duration.ofMillis(500))
                .until(() -> probe.count("SELECT count(*) FROM events "
                + "WHERE event_type = 'registration.SeatsReservationCommitted'") == paid.size());
        assertThat(probe.count("""
                SELECT count(*) FROM (SELECT stream_id FROM events WHERE event_type = 'registration.OrderConfirmed'
                                      GROUP BY stream_id HAVING count(*) > 1) confirmed_twice""")).isZero();
    }

    /**
     * Walks the conference's SeatsAvailability stream: after every event, the seats held by reservations plus the
     * seats sold never exceed the quota, and the seats on sale are exactly the rest.
     */
    private static void assertNoSeatHeldOrSoldTwice(RegistrationProbe probe, PublishedConference conference) {
        UUID seatType = conference.seatType();
        Map<UUID, Integer> held = new HashMap<>();
        int quota = 0;
        int sold = 0;
        int onSale = 0;
        for (RecordedEvent<Object> recorded : probe.events(conference.id())) {
            switch ((SeatsAvailabilityEvent) recorded.event()) {
                case SeatsAvailabilityEvent.AvailableSeatsChanged e -> {
                    quota += sum(e.seats(), seatType);
                    onSale += sum(e.seats(), seatType);
                }
                case SeatsAvailabilityEvent.SeatsReserved e -> {
                    held.put(e.reservationId(), sum(e.reservationDetails(), seatType));
                    onSale += sum(e.availableSeatsChanged(), seatType);
                }
                case SeatsAvailabilityEvent.SeatsReservationCancelled e -> {
                    held.remove(e.reservationId());
                    onSale += sum(e.availableSeatsChanged(), seatType);
                }
                case SeatsAvailabilityEvent.SeatsReservationCommitted e -> {
                    Integer seats = held.remove(e.reservationId());
                    sold += seats == null ? 0 : seats;
                }
                default -> throw new AssertionError("this test joins no waitlist: " + recorded.event());
            }
            int holding = held.values().stream().mapToInt(Integer::intValue).sum();
            assertThat(holding + sold).as("seats held + sold of %s at version %s", conference.id(),
                    recorded.version()).isLessThanOrEqualTo(quota);
            assertThat(onSale).as("seats on sale of %s at version %s", conference.id(), recorded.version())
                    .isEqualTo(quota - holding - sold);
        }
        assertThat(quota).isEqualTo(SEATS);
    }

    private static int sum(List<SeatQuantity> seats, UUID seatType) {
        return seats.stream().filter(s -> s.seatTypeId().equals(seatType)).mapToInt(SeatQuantity::quantity).sum();
    }

    /** Each order holds what SeatsAvailability holds for it; a confirmed one's seats are sold, no longer held. */
    private static void assertOrdersAgreeWithSeatsAvailability(RegistrationProbe probe, PublishedConference conference,
                                                               OrderBurst.Result burst) {
        SeatsAvailability availability = probe.seatsAvailability(conference.id());
        int taken = 0;
        for (UUID id : ordersOf(conference, burst)) {
            Order order = probe.order(id).orElseThrow();
            assertThat(order.status()).isIn(OrderStatus.RESERVATION_COMPLETED, OrderStatus.PARTIALLY_RESERVED,
                    OrderStatus.CONFIRMED);
            int seats = probe.seatsHeld(id);
            assertThat(seats).isLessThanOrEqualTo(burst.requested().get(id));
            int reserved = availability.reservation(id).map(s -> sum(s, conference.seatType())).orElse(0);
            assertThat(reserved).as("SeatsAvailability's reservation of order %s", id)
                    .isEqualTo(order.status() == OrderStatus.CONFIRMED ? 0 : seats);
            taken += seats;
        }
        assertThat(taken).as("seats taken in %s", conference.id()).isLessThanOrEqualTo(SEATS)
                .isEqualTo(SEATS - availability.remaining(conference.seatType()));
    }

    private static List<UUID> ordersOf(PublishedConference conference, OrderBurst.Result burst) {
        return burst.orderIds().stream().filter(id -> burst.targets().get(id).conferenceId().equals(conference.id()))
                .toList();
    }

    /**
     * The conference's events folded from the first equal what the store loads (snapshot and the events after it)
     * and what its owner keeps in memory; an instance that does not own it holds no copy that differs.
     */
    private void assertReplayEqualsWhatIsHeld(RegistrationProbe probe, PublishedConference conference) {
        UUID id = conference.id();
        List<RecordedEvent<Object>> events = probe.events(id);
        SeatsAvailability replayed = new SeatsAvailability(id);
        events.forEach(e -> replayed.apply((SeatsAvailabilityEvent) e.event()));
        var expected = SeatsAvailability.SNAPSHOTS.take(replayed);
        int version = events.getLast().version();
        assertThat(SeatsAvailability.SNAPSHOTS.take(probe.seatsAvailability(id))).as("loaded %s", id)
                .isEqualTo(expected);
        TestService owner = ownerOf(id);
        for (TestService instance : live) {
            var cached = instance.context().getBean(SeatsAvailabilityService.class).cachedCopy(id);
            cached.ifPresent(copy -> {
                assertThat(copy.version()).as("version held in memory of %s", id).isEqualTo(version);
                assertThat(SeatsAvailability.SNAPSHOTS.take(copy.aggregate())).as("held in memory of %s", id)
                        .isEqualTo(expected);
            });
            if (instance != owner) assertThat(cached).as("a copy of %s held by an instance not owning it", id)
                    .isEmpty();
        }
    }

    /**
     * Pays half the orders reserved in full as they are reserved, as Payments would (PaymentCompleted of the order's
     * total), and a third of those twice (a second payment of the order, which must not confirm it again).
     */
    private static final class Payer implements AutoCloseable {

        private final UpstreamServices upstream;
        private final HikariDataSource dataSource;
        private final JdbcTemplate jdbc;
        private final Supplier<TestService> instances;
        private final Set<UUID> paid = ConcurrentHashMap.newKeySet();
        private final ScheduledExecutorService schedule =
                Executors.newSingleThreadScheduledExecutor();

        Payer(UpstreamServices upstream, TestPostgres.Database database,
              Supplier<TestService> instances) {
            this.upstream = upstream;
            this.dataSource = database.dataSource(2);
            this.jdbc = new JdbcTemplate(dataSource);
            this.instances = instances;
            schedule.scheduleWithFixedDelay(this::payWhatIsReserved, 0, 300, TimeUnit.MILLISECONDS);
        }

        /** Stops paying as orders come, pays what is reserved and unpaid, and answers every order paid. */
        Set<UUID> stopAndPayTheRest() {
            schedule.close(); // waits for a payment round in progress
            payWhatIsReserved();
            close();
            return Set.copyOf(paid);
        }

        @Override
        public void close() {
            schedule.close();
            dataSource.close();
        }

        private void payWhatIsReserved() {
            try {
                RegistrationProbe probe = instances.get().probe();
                for (UUID id : jdbc.queryForList("SELECT stream_id FROM events "
                        + "WHERE event_type = 'registration.OrderReservationCompleted'", UUID.class)) {
                    if (Math.floorMod(id.hashCode(), 2) == 0 || paid.contains(id)) continue;
                    Order order = probe.order(id).orElseThrow();
                    upstream.paymentCompleted(id, order.conferenceId(), order.total().orElseThrow());
                    if (Math.floorMod(id.hashCode(), 3) == 0) {
                        upstream.paymentCompleted(id, order.conferenceId(), order.total().orElseThrow());
                    }
                    paid.add(id);
                }
            } catch (RuntimeException instanceGoingAway) { // the next round asks another one
                log.info("Payments wait for the next round: {}", instanceGoingAway.toString());
            }
        }
    }
}

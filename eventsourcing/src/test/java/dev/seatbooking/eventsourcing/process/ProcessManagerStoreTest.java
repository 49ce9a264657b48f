package dev.seatbooking.eventsourcing.process;

import dev.seatbooking.eventsourcing.outbox.OutgoingMessage;
import dev.seatbooking.eventsourcing.outbox.OutgoingMessageDispatcher;
import dev.seatbooking.eventsourcing.outbox.OutgoingMessageDispatcher.Settings;
import dev.seatbooking.eventsourcing.outbox.OutgoingMessages;
import dev.seatbooking.eventsourcing.store.ChangeSignal;
import dev.seatbooking.eventsourcing.support.EventStoreDatabase;
import dev.seatbooking.eventsourcing.support.TestProducers;
import dev.seatbooking.eventsourcing.support.TopicFollower;
import dev.seatbooking.testinfra.TestKafka;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/** Process-manager state and the commands it decides, against a real PostgreSQL and Kafka. */
class ProcessManagerStoreTest {

    /** A stand-in for the registration process's state. */
    record Registration(String stage, UUID reservationCommandId, UUID expiryCommandId, Instant holdExpiresAt,
                        List<String> seats) {
    }

    private static final Duration ARRIVAL = Duration.ofSeconds(15);
    private static final Settings SETTINGS = Settings.defaults()
            .withPollTimeout(Duration.ofSeconds(30))
            .withRetryBackoff(Duration.ofMillis(100), Duration.ofSeconds(1));

    private static EventStoreDatabase db;
    private final List<AutoCloseable> closeAfterTest = new ArrayList<>();
    private OutgoingMessages outgoing;
    private ProcessManagerStore<Registration> store;
    private String commands;
    private TopicFollower reader;

    @BeforeAll
    static void database() {
        db = new EventStoreDatabase("process_managers", 6);
    }

    @AfterAll
    static void closeDatabase() {
        db.close();
    }

    @BeforeEach
    void fresh() {
        db.jdbc.update("TRUNCATE process_managers, outgoing_messages");
        outgoing = new OutgoingMessages(db.dataSource);
        store = new ProcessManagerStore<>(db.dataSource, outgoing, "RegistrationProcessManager", Registration.class);
        commands = TestKafka.uniqueTopic("registration-commands");
        reader = closing(new TopicFollower(commands));
    }

    @AfterEach
    void closeAll() throws Exception {
        for (AutoCloseable c : closeAfterTest.reversed()) c.close();
    }

    @Test
    void a_process_is_saved_and_loaded_with_its_version() {
        UUID orderId = UUID.randomUUID();
        assertThat(store.load(orderId)).isEmpty();
        Registration awaiting = new Registration("AwaitingReservationConfirmation", UUID.randomUUID(), UUID.randomUUID(),
                Instant.parse("2025-05-01T10:15:30.123456Z"), List.of("A1", "A2"));

        assertThat(store.save(orderId, 0, awaiting, false, List.of())).isEqualTo(1);
        assertThat(store.load(orderId)).contains(new VersionedProcess<>(orderId, awaiting, 1, false));

        Registration confirmed = new Registration("PaymentConfirmationReceived", awaiting.reservationCommandId(), null,
                awaiting.holdExpiresAt(), awaiting.seats());
        assertThat(store.save(orderId, 1, confirmed, true, List.of())).isEqualTo(2);
        assertThat(store.load(orderId)).contains(new VersionedProcess<>(orderId, confirmed, 2, true));
    }

    @Test
    void a_locked_process_makes_the_next_locker_wait_until_the_holders_transaction_ends() throws Exception {
        UUID orderId = UUID.randomUUID();
        store.save(orderId, 0, new Registration("Awaiting", null, null, Instant.now(), List.of()), false, List.of());
        store.lock(UUID.randomUUID()); // a process never saved: nothing to lock, nothing to wait for
        CountDownLatch locked = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);

        try (ExecutorService threads = Executors.newFixedThreadPool(2)) {
            Future<?> holder = threads.submit(() -> db.transactions.executeWithoutResult(tx -> {
                store.lock(orderId);
                locked.countDown();
                awaitLatch(release);
            }));
            awaitLatch(locked);
            Future<Integer> next = threads.submit(() -> db.transactions.execute(tx -> {
                store.lock(orderId);
                return store.load(orderId).orElseThrow().version();
            }));
            await().atMost(Duration.ofSeconds(10)).until(() -> db.jdbc.queryForObject("""
                    SELECT count(*) FROM pg_stat_activity WHERE datname = current_database()
                    AND wait_event_type = 'Lock' AND query LIKE 'SELECT version FROM process_managers%'""", Long.class) == 1);
            assertThat(next).isNotDone();

            release.countDown();
            holder.get(10, TimeUnit.SECONDS);
            assertThat(next.get(10, TimeUnit.SECONDS)).isEqualTo(1);
        }
    }

    @Test
    void state_and_commands_commit_together_or_not_at_all() {
        UUID orderId = UUID.randomUUID();

        assertThatThrownBy(() -> db.transactions.executeWithoutResult(tx -> {
            store.save(orderId, 0, awaiting(), false, List.of(command(orderId, "MakeSeatReservation"),
                    expiry(orderId, UUID.randomUUID(), Instant.now().plusSeconds(900))));
            throw new IllegalStateException("the handler failed after saving");
        })).isInstanceOf(IllegalStateException.class);

        assertThat(store.load(orderId)).isEmpty();
        assertThat(count("outgoing_messages")).isZero();

        db.transactions.executeWithoutResult(tx -> store.save(orderId, 0, awaiting(), false,
                List.of(command(orderId, "MakeSeatReservation"), expiry(orderId, UUID.randomUUID(), Instant.now().plusSeconds(900)))));

        assertThat(store.load(orderId)).isPresent();
        assertThat(count("outgoing_messages")).isEqualTo(2);
    }

    @Test
    void commands_go_out_after_commit_the_expiry_when_due_and_a_forgotten_expiry_never() {
        OutgoingMessageDispatcher dispatcher = closing(dispatcher(outgoing.enqueued(), TestProducers.toTestBroker("pm"), "pm")).start();
        await().atMost(ARRIVAL).until(() -> dispatcher.completedRounds() >= 1); // asleep: only a wake-up sends now
        Instant due = Instant.now().plusMillis(1200).truncatedTo(ChronoUnit.MILLIS);
        // Order 1 is left alone: its expiry fires. Order 2 is confirmed first: its expiry is forgotten.
        UUID order1 = UUID.randomUUID();
        UUID order2 = UUID.randomUUID();
        UUID expiry1 = UUID.randomUUID();
        UUID expiry2 = UUID.randomUUID();
        OutgoingMessage reserve1 = command(order1, "MakeSeatReservation");
        OutgoingMessage reserve2 = command(order2, "MakeSeatReservation");
        store.save(order1, 0, awaiting(), false, List.of(reserve1, expiry(order1, expiry1, due)));
        store.save(order2, 0, awaiting(), false, List.of(reserve2, expiry(order2, expiry2, due)));

        await().pollInSameThread().atMost(ARRIVAL).until(() -> ids(reader.poll()).containsAll(
                List.of(reserve1.messageId(), reserve2.messageId())));
        OutgoingMessage commit2 = command(order2, "CommitSeatReservation");
        store.save(order2, 1, awaiting(), true, List.of(commit2), List.of(expiry2));
        // Same key as order 2's expiry, due after it: had the expiry been sent, it would be read first.
        UUID marker = UUID.randomUUID();
        outgoing.enqueue(OutgoingMessage.scheduled(marker, commands, order2.toString(), bytes("marker"), Map.of(), due.plusMillis(300)));

        await().pollInSameThread().atMost(ARRIVAL).until(() -> ids(reader.poll()).containsAll(List.of(expiry1, marker)));
        List<ConsumerRecord<String, byte[]>> records = reader.readToEnd();
        assertThat(ids(records)).containsExactlyInAnyOrder(reserve1.messageId(), reserve2.messageId(), expiry1,
                commit2.messageId(), marker);
        ConsumerRecord<String, byte[]> fired = records.stream().filter(r -> TopicFollower.messageId(r).equals(expiry1)).findFirst().orElseThrow();
        assertThat(fired.key()).isEqualTo(order1.toString());
        assertThat(Instant.ofEpochMilli(fired.timestamp())).isAfterOrEqualTo(due);
    }

    @ParameterizedTest(name = "expected version {0}")
    @ValueSource(ints = {0, 1})
    void of_two_concurrent_saves_from_the_same_version_the_second_fails_and_enqueues_nothing(int expectedVersion) throws Exception {
        UUID orderId = UUID.randomUUID();
        if (expectedVersion == 1) store.save(orderId, 0, awaiting(), false, List.of());
        OutgoingMessage firstCommand = command(orderId, "first");
        OutgoingMessage secondCommand = command(orderId, "second");
        CountDownLatch firstSaved = new CountDownLatch(1);
        CountDownLatch commitFirst = new CountDownLatch(1);

        // Own threads: the common pool may have a single one on a small machine, and the first save blocks it.
        try (ExecutorService threads = Executors.newFixedThreadPool(2)) {
            CompletableFuture<Integer> first = CompletableFuture.supplyAsync(() -> db.transactions.execute(tx -> {
                int version = store.save(orderId, expectedVersion, stage("first"), false, List.of(firstCommand));
                firstSaved.countDown();
                awaitLatch(commitFirst);
                return version;
            }), threads);
            try {
                assertThat(firstSaved.await(10, TimeUnit.SECONDS)).isTrue();
                CompletableFuture<Integer> second = CompletableFuture.supplyAsync(() -> db.transactions.execute(tx ->
                        store.save(orderId, expectedVersion, stage("second"), false, List.of(secondCommand))), threads);
                // The second save really runs concurrently: it waits for the first's row lock...
                await().atMost(ARRIVAL).until(() -> db.jdbc.queryForObject(
                        "SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock'",
                        Integer.class) == 1);
                commitFirst.countDown();

                assertThat(first.get(10, TimeUnit.SECONDS)).isEqualTo(expectedVersion + 1);
                // ... and once the first commits, finds the version moved on.
                assertThat(second).failsWithin(Duration.ofSeconds(10)).withThrowableThat().havingRootCause()
                        .isInstanceOf(ProcessConcurrencyException.class)
                        .withMessageContaining(orderId.toString());
            } finally {
                commitFirst.countDown();
            }
        }
        assertThat(store.load(orderId).orElseThrow()).extracting(VersionedProcess::state, VersionedProcess::version)
                .containsExactly(stage("first"), expectedVersion + 1);
        assertThat(db.jdbc.queryForList("SELECT message_id FROM outgoing_messages", UUID.class))
                .containsExactly(firstCommand.messageId());
    }

    @Test
    void a_stale_save_throws_with_the_process_id_and_enqueues_nothing() {
        UUID orderId = UUID.randomUUID();
        store.save(orderId, 0, awaiting(), false, List.of());
        store.save(orderId, 1, stage("ReservationConfirmationReceived"), false, List.of());

        assertThatThrownBy(() -> store.save(orderId, 1, stage("stale"), false, List.of(command(orderId, "stale"))))
                .isInstanceOfSatisfying(ProcessConcurrencyException.class, e -> {
                    assertThat(e.processId()).isEqualTo(orderId);
                    assertThat(e.expectedVersion()).isEqualTo(1);
                });
        assertThatThrownBy(() -> store.save(orderId, 0, stage("again new"), false, List.of(command(orderId, "dup"))))
                .isInstanceOf(ProcessConcurrencyException.class);
        assertThat(store.load(orderId).orElseThrow().version()).isEqualTo(2);
        assertThat(count("outgoing_messages")).isZero();
    }

    @Test
    void commands_whose_send_failed_before_a_crash_are_sent_by_the_next_dispatcher() {
        // The service saves, its sends fail (the broker is unreachable), then it dies.
        OutgoingMessages beforeCrash = new OutgoingMessages(db.dataSource);
        OutgoingMessageDispatcher failing = dispatcher(beforeCrash.enqueued(), TestProducers.toUnreachableBroker(), "failing").start();
        ProcessManagerStore<Registration> storeBeforeCrash =
                new ProcessManagerStore<>(db.dataSource, beforeCrash, "RegistrationProcessManager", Registration.class);
        UUID orderId = UUID.randomUUID();
        OutgoingMessage reject = command(orderId, "RejectOrder");
        OutgoingMessage cancel = command(orderId, "CancelSeatReservation");
        storeBeforeCrash.save(orderId, 0, stage("expired"), true, List.of(reject, cancel));
        await().atMost(ARRIVAL).until(() -> db.jdbc.queryForObject(
                "SELECT count(*) FROM outgoing_messages WHERE attempts >= 1 AND last_error IS NOT NULL AND sent_at IS NULL",
                Integer.class) >= 1);
        failing.close();
        assertThat(failing.sentCount()).isZero();

        // A new instance starts. Nothing loads the process again, and nothing wakes the dispatcher.
        closing(dispatcher(new ChangeSignal(), TestProducers.toTestBroker("after-crash"), "after-crash")).start();

        await().pollInSameThread().atMost(ARRIVAL).until(() -> ids(reader.poll()).size() >= 2);
        assertThat(ids(reader.readToEnd())).containsExactly(reject.messageId(), cancel.messageId());
    }

    private OutgoingMessageDispatcher dispatcher(ChangeSignal signal,
                                                 java.util.function.Supplier<org.apache.kafka.clients.producer.Producer<String, byte[]>> producers,
                                                 String name) {
        return new OutgoingMessageDispatcher(db.dataSource, signal, producers, SETTINGS.withName(name));
    }

    private OutgoingMessage command(UUID orderId, String type) {
        return OutgoingMessage.sendNow(UUID.randomUUID(), commands, orderId.toString(), bytes(type), Map.of("type", type));
    }

    private OutgoingMessage expiry(UUID orderId, UUID expiryId, Instant due) {
        return OutgoingMessage.scheduled(expiryId, commands, orderId.toString(), bytes("ExpireRegistrationProcess"),
                Map.of("type", "ExpireRegistrationProcess"), due);
    }

    private static Registration awaiting() {
        return stage("AwaitingReservationConfirmation");
    }

    private static Registration stage(String stage) {
        return new Registration(stage, null, null, null, List.of());
    }

    private static List<UUID> ids(List<ConsumerRecord<String, byte[]>> records) {
        return records.stream().map(TopicFollower::messageId).toList();
    }

    private static int count(String table) {
        return db.jdbc.queryForObject("SELECT count(*) FROM " + table, Integer.class);
    }

    private static void awaitLatch(CountDownLatch latch) {
        try {
            if (!latch.await(20, TimeUnit.SECONDS)) throw new IllegalStateException("latch not released");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private <T extends AutoCloseable> T closing(T closeable) {
        closeAfterTest.add(closeable);
        return closeable;
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}

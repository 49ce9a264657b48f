package dev.seatbooking.eventsourcing.inbox;

import dev.seatbooking.eventsourcing.store.EventMetadata;
import dev.seatbooking.eventsourcing.support.Counter.CounterEvent.Incremented;
import dev.seatbooking.eventsourcing.support.EventStoreDatabase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

class InboxProcessorTest {

    private static EventStoreDatabase db;
    private static InboxProcessor inbox;

    @BeforeAll
    static void database() {
        db = new EventStoreDatabase("inbox", 6);
        inbox = new InboxProcessor(new Inbox(db.dataSource), new DataSourceTransactionManager(db.dataSource));
    }

    @AfterAll
    static void close() {
        db.close();
    }

    @Test
    void a_message_delivered_twice_has_one_effect() {
        UUID counter = UUID.randomUUID();
        UUID message = UUID.randomUUID();

        assertThat(inbox.processOnce("billing", message, () -> increment(counter))).isTrue();
        assertThat(inbox.processOnce("billing", message, () -> increment(counter))).isFalse();

        assertThat(db.store.currentVersion(counter)).isEqualTo(1);
    }

    @Test
    void each_consumer_processes_a_message_once() {
        UUID counter = UUID.randomUUID();
        UUID message = UUID.randomUUID();

        assertThat(inbox.processOnce("billing", message, () -> increment(counter))).isTrue();
        assertThat(inbox.processOnce("reporting", message, () -> increment(counter))).isTrue();

        assertThat(db.store.currentVersion(counter)).isEqualTo(2);
    }

    @Test
    void a_poll_is_recorded_in_one_statement_which_answers_the_messages_not_seen_before() {
        Inbox entries = new Inbox(db.dataSource);
        UUID seen = UUID.randomUUID();
        UUID fresh = UUID.randomUUID();
        UUID twiceInThePoll = UUID.randomUUID();
        assertThat(entries.firstDelivery("billing", seen)).isTrue();

        assertThat(entries.firstDeliveries("billing", List.of(seen, fresh, twiceInThePoll, twiceInThePoll)))
                .containsExactlyInAnyOrder(fresh, twiceInThePoll);
        assertThat(entries.firstDeliveries("billing", List.of(seen, fresh, twiceInThePoll))).isEmpty();
        assertThat(entries.firstDeliveries("reporting", List.of(seen))).containsExactly(seen);
        assertThat(entries.firstDeliveries("billing", List.of())).isEmpty();
        assertThat(inboxEntries(twiceInThePoll)).isEqualTo(1);
    }

    @Test
    void a_polls_messages_are_handled_in_order_each_once_and_not_at_all_if_one_fails() {
        UUID counter = UUID.randomUUID();
        UUID seen = UUID.randomUUID();
        UUID first = UUID.randomUUID();
        UUID second = UUID.randomUUID();
        UUID failing = UUID.randomUUID();
        inbox.processOnce("billing", seen, () -> increment(counter));
        List<UUID> handled = new ArrayList<>();

        assertThatThrownBy(() -> inbox.processEachOnce("billing", List.of(first, failing), id -> id, id -> {
            increment(counter);
            if (id.equals(failing)) throw new IllegalStateException("handler failed");
        })).hasMessage("handler failed");
        assertThat(db.store.currentVersion(counter)).isEqualTo(1);
        assertThat(inboxEntries(first)).isZero();

        inbox.processEachOnce("billing", List.of(seen, second, first, second), id -> id, id -> {
            handled.add(id);
            increment(counter);
        });
        assertThat(handled).containsExactly(second, first);
        assertThat(db.store.currentVersion(counter)).isEqualTo(3);
    }

    @Test
    void a_failed_handler_leaves_no_inbox_entry_so_a_redelivery_applies_the_effect() {
        UUID counter = UUID.randomUUID();
        UUID message = UUID.randomUUID();

        assertThatThrownBy(() -> inbox.processOnce("billing", message, () -> {
            increment(counter);
            throw new IllegalStateException("handler failed after its effect");
        })).hasMessage("handler failed after its effect");
        assertThat(db.store.currentVersion(counter)).isZero();
        assertThat(inboxEntries(message)).isZero();

        assertThat(inbox.processOnce("billing", message, () -> increment(counter))).isTrue();
        assertThat(db.store.currentVersion(counter)).isEqualTo(1);
        assertThat(inboxEntries(message)).isEqualTo(1);
    }

    @Test
    void a_concurrent_duplicate_waits_for_the_first_delivery_and_is_then_skipped() throws Exception {
        UUID counter = UUID.randomUUID();
        UUID message = UUID.randomUUID();
        CountDownLatch firstHandling = new CountDownLatch(1);
        CountDownLatch finishFirst = new CountDownLatch(1);
        ExecutorService threads = Executors.newFixedThreadPool(2);
        try {
            Future<Boolean> first = threads.submit(() -> inbox.processOnce("billing", message, () -> {
                increment(counter);
                firstHandling.countDown();
                waitFor(finishFirst);
            }));
            assertThat(firstHandling.await(30, TimeUnit.SECONDS)).isTrue();

            Future<Boolean> second = threads.submit(() -> inbox.processOnce("billing", message, () -> increment(counter)));
            // The second delivery blocks on the inbox key the first has inserted but not committed.
            await().atMost(Duration.ofSeconds(30)).until(() -> sessionsWaitingOnInboxLock() == 1);
            finishFirst.countDown();

            assertThat(first.get(30, TimeUnit.SECONDS)).isTrue();
            assertThat(second.get(30, TimeUnit.SECONDS)).isFalse();
            assertThat(db.store.currentVersion(counter)).isEqualTo(1);
        } finally {
            finishFirst.countDown();
            threads.shutdownNow();
        }
    }

    private static void increment(UUID counter) {
        db.store.append(counter, "Counter", db.store.currentVersion(counter), List.of(new Incremented(1)),
                EventMetadata.newConversation("test"));
    }

    private static void waitFor(CountDownLatch latch) {
        try {
            if (!latch.await(30, TimeUnit.SECONDS)) throw new IllegalStateException("never released");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static long inboxEntries(UUID message) {
        return db.jdbc.queryForObject("SELECT count(*) FROM inbox WHERE message_id = ?", Long.class, message);
    }

    private static long sessionsWaitingOnInboxLock() {
        return db.jdbc.queryForObject("""
                SELECT count(*) FROM pg_stat_activity
                WHERE datname = current_database() AND wait_event_type = 'Lock' AND query LIKE 'INSERT INTO inbox%'""",
                Long.class);
    }
}

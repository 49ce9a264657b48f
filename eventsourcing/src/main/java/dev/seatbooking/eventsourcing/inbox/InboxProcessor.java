package dev.seatbooking.eventsourcing.inbox;

import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Handles each message once per consumer, however often it is delivered: the inbox entry and the handler's
 * effects commit in one transaction. If the handler fails, both roll back and a redelivery tries again.
 * <p>
 * The transaction manager must manage the data source of the {@link Inbox} and of whatever the handler
 * writes (the event store, a read table), or the two would commit separately.
 */
public final class InboxProcessor {

    private final Inbox inbox;
    private final TransactionTemplate transactions;

    public InboxProcessor(Inbox inbox, PlatformTransactionManager transactionManager) {
        this.inbox = Objects.requireNonNull(inbox);
        this.transactions = new TransactionTemplate(transactionManager);
    }

    /**
     * Runs {@code handler} in one transaction with recording the message (the caller's transaction if one
     * is active), unless {@code consumer} has processed the message before.
     *
     * @return true if the handler ran, false for a redelivery
     * @throws RuntimeException whatever the handler threw; nothing of it, nor the inbox entry, is committed
     */
    public boolean processOnce(String consumer, UUID messageId, Runnable handler) {
        Boolean handled = transactions.execute(status -> {
            if (!inbox.firstDelivery(consumer, messageId)) return false;
            handler.run();
            return true;
        });
        return Boolean.TRUE.equals(handled);
    }

    /**
     * {@link #processOnce} for a poll's worth of messages in <em>one</em> transaction: they are recorded in the inbox
     * in one statement, then {@code handler} runs, in their order, for each that {@code consumer} had not processed
     * before (once for a message that is twice in the list). If the handler fails for any of them, nothing of the
     * whole list is committed, inbox entries included.
     *
     * @throws RuntimeException whatever the handler threw
     */
    public <M> void processEachOnce(String consumer, List<? extends M> messages, Function<? super M, UUID> messageId,
                                    Consumer<? super M> handler) {
        transactions.executeWithoutResult(status -> {
            Set<UUID> firstDeliveries = new HashSet<>(
                    inbox.firstDeliveries(consumer, messages.stream().map(messageId).toList()));
            for (M message : messages) {
                if (firstDeliveries.remove(messageId.apply(message))) handler.accept(message);
            }
        });
    }
}

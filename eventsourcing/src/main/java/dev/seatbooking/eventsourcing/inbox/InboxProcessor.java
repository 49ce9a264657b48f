package dev.seatbooking.eventsourcing.inbox;

import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.util.Objects;
import java.util.UUID;

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
}

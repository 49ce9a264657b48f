package dev.seatbooking.readmodel.projection;

import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

import java.util.function.Supplier;

/**
 * Queries that read several tables do so in one read-only, repeatable-read transaction: they see one
 * committed state of the projection (a batch committed between two statements cannot mix two states).
 */
public final class ReadTransactions {

    private final TransactionTemplate transactions;

    public ReadTransactions(PlatformTransactionManager transactionManager) {
        this.transactions = new TransactionTemplate(transactionManager);
        transactions.setReadOnly(true);
        transactions.setIsolationLevel(TransactionDefinition.ISOLATION_REPEATABLE_READ);
    }

    public <T> T read(Supplier<T> query) {
        return transactions.execute(status -> query.get());
    }
}

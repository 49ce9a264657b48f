package dev.seatbooking.readmodel.projection;

import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

import java.util.function.Supplier;

/**
 * How every query reaches the database: admitted first ({@link QueryAdmission}: the queries' share of the connections,
 * or a refusal), then a query that reads several tables does so in one read-only, repeatable-read transaction, so that
 * it sees one committed state of the projection (a batch committed between two statements cannot mix two states).
 */
public final class ReadTransactions {

    private final TransactionTemplate transactions;
    private final QueryAdmission admission;

    public ReadTransactions(PlatformTransactionManager transactionManager, QueryAdmission admission) {
        this.transactions = new TransactionTemplate(transactionManager);
        this.admission = admission;
        transactions.setReadOnly(true);
        transactions.setIsolationLevel(TransactionDefinition.ISOLATION_REPEATABLE_READ);
    }

    /** Several statements, one state of the projection. */
    public <T> T read(Supplier<T> query) {
        return admission.admit(() -> transactions.execute(status -> query.get()));
    }

    /** One statement: consistent by itself, so no transaction's extra round trips. */
    public <T> T once(Supplier<T> statement) {
        return admission.admit(statement);
    }
}

package dev.seatbooking.registration.service;

import dev.seatbooking.eventsourcing.process.ProcessConcurrencyException;
import dev.seatbooking.eventsourcing.store.ConcurrencyException;
import dev.seatbooking.registration.RegistrationProperties;
import org.springframework.dao.ConcurrencyFailureException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.util.function.Supplier;

/**
 * Runs a REST command (load, decide, append) in a transaction of its own, and again from the load when another writer
 * appended to the stream (or saved the order's registration process) first: deciding is pure, so deciding anew on the
 * newer state is safe. The database's own concurrency failures (a deadlock, a lock not granted) are retried the same
 * way. After
 * {@code registration.command-attempts} conflicts in a row the {@link ConcurrencyException} reaches the client as a 409.
 */
@Component
public class CommandTransactions {

    private final TransactionTemplate transactions;
    private final int attempts;

    public CommandTransactions(PlatformTransactionManager transactionManager, RegistrationProperties properties) {
        this.transactions = new TransactionTemplate(transactionManager);
        this.attempts = Math.max(1, properties.commandAttempts());
    }

    public <T> T run(Supplier<T> command) {
        for (int attempt = 1; ; attempt++) {
            try {
                return transactions.execute(status -> command.get());
            } catch (ConcurrencyException | ProcessConcurrencyException | ConcurrencyFailureException conflict) {
                if (attempt >= attempts) throw conflict;
            }
        }
    }
}

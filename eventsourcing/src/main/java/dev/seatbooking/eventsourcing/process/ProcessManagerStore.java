package dev.seatbooking.eventsourcing.process;

import dev.seatbooking.eventsourcing.outbox.OutgoingMessage;
import dev.seatbooking.eventsourcing.outbox.OutgoingMessages;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

import javax.sql.DataSource;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * Keeps the state of one type of process manager (a record {@code S}, stored as JSON) and enqueues the
 * messages each change decides, in one transaction: the book's "pseudo-transaction", made a real one.
 * <p>
 * A save either commits the new state and its commands together or neither. The commands are sent after
 * commit by the {@link dev.seatbooking.eventsourcing.outbox.OutgoingMessageDispatcher}, and if sending fails
 * or the service crashes first, the dispatcher's next round sends them: no process has to be loaded again
 * for its pending commands to go out. Scheduled messages (a reservation's expiry) are enqueued the same way,
 * with a later due time, and survive restarts.
 */
public final class ProcessManagerStore<S> {

    private static final String LOAD =
            "SELECT process_type, state::text, version, completed FROM process_managers WHERE process_id = ?";

    // DO NOTHING rather than a unique violation: a second creator waits for the first to commit, then
    // inserts nothing, and the caller's transaction is still usable to report the conflict.
    private static final String INSERT = """
            INSERT INTO process_managers (process_id, process_type, state, version, completed)
            VALUES (?, ?, ?::jsonb, 1, ?)
            ON CONFLICT (process_id) DO NOTHING""";

    // A concurrent saver holding the row makes this wait; after it commits the version no longer matches.
    private static final String UPDATE = """
            UPDATE process_managers SET state = ?::jsonb, version = version + 1, completed = ?, updated_at = now()
            WHERE process_id = ? AND process_type = ? AND version = ?""";

    private static final String LOCK = "SELECT version FROM process_managers WHERE process_id = ? FOR UPDATE";

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transactions;
    private final OutgoingMessages outgoing;
    private final String processType;
    private final Class<S> stateType;
    private final JsonMapper json;

    /** A store that runs its saves in the caller's transaction on {@code dataSource}, or its own. */
    public ProcessManagerStore(DataSource dataSource, OutgoingMessages outgoing, String processType, Class<S> stateType) {
        this(dataSource, new DataSourceTransactionManager(dataSource), outgoing, processType, stateType,
                JsonMapper.builder().build());
    }

    /**
     * @param transactionManager the services' manager for {@code dataSource}; a save joins its current
     *                           transaction or starts one
     * @param processType        names the process manager (e.g. {@code RegistrationProcessManager}); ids of
     *                           different types must not collide
     */
    public ProcessManagerStore(DataSource dataSource, PlatformTransactionManager transactionManager,
                               OutgoingMessages outgoing, String processType, Class<S> stateType, JsonMapper json) {
        this.jdbc = new JdbcTemplate(Objects.requireNonNull(dataSource));
        this.transactions = new TransactionTemplate(Objects.requireNonNull(transactionManager));
        this.outgoing = Objects.requireNonNull(outgoing);
        this.processType = Objects.requireNonNull(processType);
        this.stateType = Objects.requireNonNull(stateType);
        this.json = Objects.requireNonNull(json);
    }

    /** The process's state and version, or empty if it has never been saved. */
    public Optional<VersionedProcess<S>> load(UUID processId) {
        return jdbc.query(LOAD, (rs, row) -> {
            String storedType = rs.getString(1);
            if (!processType.equals(storedType)) {
                throw new IllegalStateException("Process " + processId + " is a " + storedType + ", not a " + processType);
            }
            return new VersionedProcess<>(processId, json.readValue(rs.getString(2), stateType), rs.getInt(3), rs.getBoolean(4));
        }, processId).stream().findFirst();
    }

    /**
     * Locks the process's row until the caller's transaction ends (nothing if it has never been saved). For a writer
     * that changes what a process follows (an aggregate) before the process itself, while the process's own handlers
     * save the process first and then change the aggregate: taking the process's lock first keeps both in one lock
     * order, so they queue instead of deadlocking.
     */
    public void lock(UUID processId) {
        jdbc.query(LOCK, rs -> {
        }, processId);
    }

    /**
     * Saves the process's new state and enqueues the messages it decided, atomically.
     *
     * @param expectedVersion the version loaded (0 for a process not saved before)
     * @param completed       whether the process has finished
     * @param toSend          commands to send now and messages scheduled for later (e.g. its expiry)
     * @return the new version
     * @throws ProcessConcurrencyException if the process is no longer at {@code expectedVersion}; nothing is
     *                                     saved or enqueued (and a caller's transaction is marked rollback-only)
     */
    public int save(UUID processId, int expectedVersion, S state, boolean completed, List<OutgoingMessage> toSend) {
        return save(processId, expectedVersion, state, completed, toSend, List.of());
    }

    /**
     * As {@link #save(UUID, int, Object, boolean, List)}, and also cancels scheduled messages the process no
     * longer wants ("forget the expiry" once the order is confirmed). Cancelling is best effort: a message
     * already on its way is delivered, so its handler must still recognise it as stale.
     */
    public int save(UUID processId, int expectedVersion, S state, boolean completed,
                    List<OutgoingMessage> toSend, Collection<UUID> toCancel) {
        Objects.requireNonNull(processId);
        Objects.requireNonNull(state);
        if (expectedVersion < 0) throw new IllegalArgumentException("expectedVersion must be 0 or more");
        String stateJson = json.writeValueAsString(state);
        Integer version = transactions.execute(tx -> {
            int saved = expectedVersion == 0
                    ? jdbc.update(INSERT, processId, processType, stateJson, completed)
                    : jdbc.update(UPDATE, stateJson, completed, processId, processType, expectedVersion);
            if (saved == 0) throw new ProcessConcurrencyException(processId, expectedVersion);
            // Only once the state is ours: a conflicting save enqueues and cancels nothing.
            toCancel.forEach(outgoing::cancel);
            outgoing.enqueueAll(toSend);
            return expectedVersion + 1;
        });
        return Objects.requireNonNull(version);
    }

    public String processType() {
        return processType;
    }
}

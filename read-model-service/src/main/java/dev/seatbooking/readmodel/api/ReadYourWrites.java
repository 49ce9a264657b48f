package dev.seatbooking.readmodel.api;

import dev.seatbooking.contracts.ConsistencyToken;
import dev.seatbooking.readmodel.projection.AppliedVersions;
import dev.seatbooking.readmodel.projection.GenerationSchema;
import dev.seatbooking.readmodel.projection.Projection;
import dev.seatbooking.readmodel.projection.ReadTransactions;
import dev.seatbooking.readmodel.projection.ServingGenerations;
import dev.seatbooking.readmodel.projection.Tables;

import java.time.Duration;
import java.util.OptionalLong;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Read-your-writes: a query carrying a consistency token ({@code <stream id>.<version>}, as a command
 * answered) waits until the projection that serves it has applied at least that version of that stream,
 * then answers; after {@code seatbooking.readmodel.consistency-wait} it answers with what it has and says
 * so. The wait is woken by the projection's commits that concern the stream ({@link AppliedVersions}): this
 * instance's, or another instance's told over PostgreSQL ({@code InstanceSignals}); it also looks again every
 * {@code recheck}, in case such a notification was lost (the listening connection re-established meanwhile).
 * A commit's signal carries the version it reached, so a query woken by one answers without asking the database
 * again; each look at the tables is a query like any other ({@link ReadTransactions#once}, admitted by
 * {@code QueryAdmission}), and none holds a connection while it waits.
 */
public final class ReadYourWrites {

    private final ServingGenerations serving;
    private final AppliedVersions appliedVersions;
    private final ReadTransactions reads;
    private final Duration bound;
    private final Duration recheck;

    public ReadYourWrites(ServingGenerations serving, AppliedVersions appliedVersions, ReadTransactions reads,
                          Duration bound, Duration recheck) {
        this.serving = serving;
        this.appliedVersions = appliedVersions;
        this.reads = reads;
        this.bound = bound;
        this.recheck = recheck;
    }

    /**
     * @param header the {@code Consistency-Token} header, or null
     * @param param  the {@code consistencyToken} query parameter, or null (the header wins)
     * @throws InvalidConsistencyTokenException if the token is malformed
     */
    public Consistency await(Projection projection, String header, String param) {
        ConsistencyToken token = parse(header, param);
        return token == null ? Consistency.NONE : await(projection, token);
    }

    /**
     * The token a query carried, or null if none.
     *
     * @param header the {@code Consistency-Token} header, or null
     * @param param  the {@code consistencyToken} query parameter, or null (the header wins)
     * @throws InvalidConsistencyTokenException if the token is malformed
     */
    public static ConsistencyToken parse(String header, String param) {
        String text = header != null && !header.isBlank() ? header : param;
        if (text == null || text.isBlank()) return null;
        try {
            return ConsistencyToken.parse(text.trim());
        } catch (IllegalArgumentException e) {
            throw new InvalidConsistencyTokenException(e.getMessage());
        }
    }

    /**
     * Returns no earlier than the end of a wait that started at {@code startedNanos} ({@link System#nanoTime()}) and
     * could have lasted the whole bound. A query refused after a wait answers then, so that how long the wait took
     * (at once for a stream that has the version, the bound for one that does not) tells nothing about a stream the
     * caller may not see. A delay on purpose, not a synchronisation; cheap on the virtual threads requests run on.
     */
    public void holdUntilBound(long startedNanos) {
        long remaining = startedNanos + bound.toNanos() - System.nanoTime();
        if (remaining <= 0) return;
        try {
            TimeUnit.NANOSECONDS.sleep(remaining);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    public Consistency await(Projection projection, ConsistencyToken token) {
        long deadline = System.nanoTime() + bound.toNanos();
        while (true) {
            AppliedVersions.Waiter waiter = appliedVersions.register(projection.name(), token.streamId(), token.version());
            long applied;
            try {
                Tables tables = serving.tables(projection);
                applied = reads.once(() -> GenerationSchema.appliedVersion(tables, projection.tokenStream(),
                        token.streamId()));
            } catch (RuntimeException e) {
                appliedVersions.unregister(waiter);
                throw e;
            }
            if (applied >= token.version()) {
                appliedVersions.unregister(waiter);
                return new Consistency(token, applied, true);
            }
            long remaining = deadline - System.nanoTime();
            if (remaining <= 0) {
                appliedVersions.unregister(waiter);
                return new Consistency(token, applied, false);
            }
            OptionalLong reached = signal(waiter, Math.min(remaining, recheck.toNanos()));
            // A commit that reached the version says so: no need to ask the database again, under load least of all.
            if (reached.isPresent()) return new Consistency(token, reached.getAsLong(), true);
            if (Thread.currentThread().isInterrupted()) return new Consistency(token, applied, false);
        }
    }

    /** The version a commit reached, or empty: no signal within {@code nanos}, or one that says to look again. */
    private OptionalLong signal(AppliedVersions.Waiter waiter, long nanos) {
        try {
            return waiter.reached().get(nanos, TimeUnit.NANOSECONDS);
        } catch (TimeoutException | ExecutionException e) {
            return OptionalLong.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return OptionalLong.empty();
        } finally {
            appliedVersions.unregister(waiter);
        }
    }
}

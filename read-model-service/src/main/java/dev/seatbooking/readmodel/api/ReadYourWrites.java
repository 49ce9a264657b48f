package dev.seatbooking.readmodel.api;

import dev.seatbooking.contracts.ConsistencyToken;
import dev.seatbooking.readmodel.projection.AppliedVersions;
import dev.seatbooking.readmodel.projection.GenerationSchema;
import dev.seatbooking.readmodel.projection.Projection;
import dev.seatbooking.readmodel.projection.ServingGenerations;

import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Read-your-writes: a query carrying a consistency token ({@code <stream id>.<version>}, as a command
 * answered) waits until the projection that serves it has applied at least that version of that stream,
 * then answers; after {@code seatbooking.readmodel.consistency-wait} it answers with what it has and says
 * so. The wait is woken by the projection's commits that concern the stream ({@link AppliedVersions}),
 * never by polling the tables.
 */
public final class ReadYourWrites {

    private final ServingGenerations serving;
    private final AppliedVersions appliedVersions;
    private final Duration bound;

    public ReadYourWrites(ServingGenerations serving, AppliedVersions appliedVersions, Duration bound) {
        this.serving = serving;
        this.appliedVersions = appliedVersions;
        this.bound = bound;
    }

    /**
     * @param header the {@code Consistency-Token} header, or null
     * @param param  the {@code consistencyToken} query parameter, or null (the header wins)
     * @throws InvalidConsistencyTokenException if the token is malformed
     */
    public Consistency await(Projection projection, String header, String param) {
        String text = header != null && !header.isBlank() ? header : param;
        if (text == null || text.isBlank()) return Consistency.NONE;
        ConsistencyToken token;
        try {
            token = ConsistencyToken.parse(text.trim());
        } catch (IllegalArgumentException e) {
            throw new InvalidConsistencyTokenException(e.getMessage());
        }
        return await(projection, token);
    }

    public Consistency await(Projection projection, ConsistencyToken token) {
        long deadline = System.nanoTime() + bound.toNanos();
        while (true) {
            AppliedVersions.Waiter waiter = appliedVersions.register(projection.name(), token.streamId(), token.version());
            long applied;
            try {
                applied = GenerationSchema.appliedVersion(serving.tables(projection), projection.tokenStream(),
                        token.streamId());
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
            try {
                waiter.reached().get(remaining, TimeUnit.NANOSECONDS);
            } catch (TimeoutException e) {
                appliedVersions.unregister(waiter);
            } catch (InterruptedException e) {
                appliedVersions.unregister(waiter);
                Thread.currentThread().interrupt();
                return new Consistency(token, applied, false);
            } catch (ExecutionException e) {
                appliedVersions.unregister(waiter);
            }
        }
    }
}

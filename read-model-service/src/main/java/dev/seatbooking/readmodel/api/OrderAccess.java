package dev.seatbooking.readmodel.api;

import dev.seatbooking.contracts.ConsistencyToken;
import dev.seatbooking.contracts.AccessCodeHash;
import dev.seatbooking.readmodel.access.OrderAccessCodes;
import dev.seatbooking.readmodel.projection.Projection;
import dev.seatbooking.readmodel.projection.ReadTransactions;
import dev.seatbooking.readmodel.projection.ServingGenerations;
import dev.seatbooking.readmodel.projection.StreamType;
import dev.seatbooking.readmodel.projection.Tables;
import dev.seatbooking.web.throttle.GuessThrottle;
import dev.seatbooking.web.throttle.TooManyAttempts;

import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;

/**
 * What every read of an order goes through: the caller proves it holds the order's access code (header
 * {@value #HEADER}), checked against the hash the serving projection keeps, with failed checks throttled.
 *
 * <p>In this order, so that nothing but the code opens the order and nothing tells an unknown order from a wrong code:
 * <ol>
 *     <li>a consistency token that must name the order is checked against the path (the request alone decides);</li>
 *     <li>the throttle (the shared {@link GuessThrottle}: {@link TooManyAttempts}, 429), for right and wrong codes
 *     alike;</li>
 *     <li>the read-your-writes wait, since right after an order was placed its hash may not be projected yet;</li>
 *     <li>the code, in constant time: unknown order, missing or wrong code are one {@link NoSuchOrderException}, and a
 *     query that carried a token is refused only once its wait could have ended ({@link
 *     ReadYourWrites#holdUntilBound}), so the wait's length is no oracle either.</li>
 * </ol>
 * The code and the view are read in one transaction, so in one admitted query: the view of the state the code was
 * checked against, and one place and one transaction per read instead of two.
 */
public final class OrderAccess {

    /** The request header that carries the order's access code (as registration's order commands take it). */
    public static final String HEADER = "Order-Access-Code";

    private final GuessThrottle<String> throttle;
    private final ReadYourWrites readYourWrites;
    private final ServingGenerations serving;
    private final ReadTransactions reads;

    public OrderAccess(GuessThrottle<String> throttle, ReadYourWrites readYourWrites, ServingGenerations serving,
                       ReadTransactions reads) {
        this.throttle = throttle;
        this.readYourWrites = readYourWrites;
        this.serving = serving;
        this.reads = reads;
    }

    /**
     * Opens an order's view in {@code projection} for a caller that holds its code: {@code view} reads it from the
     * serving generation's tables, in the transaction that checked the code.
     *
     * @param client the caller's address, for the throttle
     * @throws NoSuchOrderException           unknown order, missing or wrong code
     * @throws TooManyAttempts               too many failed checks by this client or on this order
     * @throws InvalidConsistencyTokenException a malformed token, or one that names another order
     */
    public <T> Granted<T> open(Projection projection, UUID orderId, String accessCode, String client,
                               String tokenHeader, String tokenParam, Function<Tables, Optional<T>> view) {
        ConsistencyToken token = ReadYourWrites.parse(tokenHeader, tokenParam);
        boolean tokenNamesOrder = projection.tokenStream() == StreamType.ORDER;
        if (token != null && tokenNamesOrder && !token.streamId().equals(orderId)) {
            throw new InvalidConsistencyTokenException("the token names stream " + token.streamId()
                    + ", not this order");
        }
        long started = System.nanoTime();
        AtomicReference<Granted<T>> granted = new AtomicReference<>();
        // A check that throws (the projection not ready, the database away ...) is no failed check.
        boolean right = throttle.check("order:" + orderId, client, () -> {
            Consistency consistency = token == null ? Consistency.NONE : readYourWrites.await(projection, token);
            Tables tables = serving.tables(projection);
            CodeChecked<T> checked = reads.read(() ->
                    AccessCodeHash.matches(accessCode, OrderAccessCodes.hashOf(tables, orderId))
                            ? CodeChecked.granting(view.apply(tables)) : CodeChecked.refusing());
            if (!checked.right()) return false;
            granted.set(new Granted<>(tables, checked.view(), token, tokenNamesOrder, consistency, started));
            return true;
        });
        if (right) return granted.get();
        if (token != null) readYourWrites.holdUntilBound(started);
        throw NoSuchOrderException.byId(orderId);
    }

    /** The code's check, and with a right code the view read in the same transaction (empty if not there yet). */
    private record CodeChecked<T>(boolean right, Optional<T> view) {
        static <T> CodeChecked<T> granting(Optional<T> view) {
            return new CodeChecked<>(true, view);
        }

        static <T> CodeChecked<T> refusing() {
            return new CodeChecked<>(false, Optional.empty());
        }
    }

    /** An order the caller may see, in the serving generation its code was checked against, and its view there. */
    public final class Granted<T> {
        private final Tables tables;
        private final Optional<T> view;
        private final ConsistencyToken token;
        private final boolean tokenNamesOrder;
        private final Consistency consistency;
        private final long started;

        private Granted(Tables tables, Optional<T> view, ConsistencyToken token, boolean tokenNamesOrder,
                        Consistency consistency, long started) {
            this.tables = tables;
            this.view = view;
            this.token = token;
            this.tokenNamesOrder = tokenNamesOrder;
            this.consistency = consistency;
            this.started = started;
        }

        public Tables tables() {
            return tables;
        }

        /** The view, read with the code; empty if it is not there (yet): see {@link #absent}. */
        public Optional<T> view() {
            return view;
        }

        public Consistency consistency() {
            return consistency;
        }

        /**
         * For a view whose token names another stream than the order (its seat assignments): the token must name
         * {@code streamId}, the view's own, else the wait told of a stream the caller has no code for; then the
         * answer comes once that wait could have ended, and says nothing of it.
         */
        public void requireTokenNames(UUID streamId) {
            if (token == null || tokenNamesOrder || token.streamId().equals(streamId)) return;
            readYourWrites.holdUntilBound(started);
            throw new InvalidConsistencyTokenException("the token names stream " + token.streamId()
                    + ", not this order's");
        }

        /**
         * The order is the caller's, but this view of it is not there (yet). With a token that names the order, the
         * answer says how far the wait got; with one that names another stream, whose stream cannot be vouched for
         * without the view, it says nothing of the wait and comes once it could have ended.
         */
        public ViewNotFoundException absent(String what, UUID orderId) {
            if (token == null || tokenNamesOrder) return new ViewNotFoundException(what, orderId, consistency);
            readYourWrites.holdUntilBound(started);
            return new ViewNotFoundException(what, orderId, Consistency.NONE);
        }
    }
}

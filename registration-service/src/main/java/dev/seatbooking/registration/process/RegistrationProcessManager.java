package dev.seatbooking.registration.process;

import dev.seatbooking.contracts.Envelope;
import dev.seatbooking.contracts.Message;
import dev.seatbooking.contracts.payments.PaymentEvent.PaymentCompleted;
import dev.seatbooking.contracts.payments.PaymentEvent.PaymentRejected;
import dev.seatbooking.contracts.registration.OrderCommand.ConfirmOrder;
import dev.seatbooking.contracts.registration.OrderCommand.MarkSeatsAsReserved;
import dev.seatbooking.contracts.registration.OrderCommand.RejectOrder;
import dev.seatbooking.contracts.registration.OrderEvent.OrderConfirmed;
import dev.seatbooking.contracts.registration.OrderEvent.OrderPlaced;
import dev.seatbooking.contracts.registration.OrderEvent.OrderUpdated;
import dev.seatbooking.contracts.registration.RegistrationProcessCommand.ExpireRegistrationProcess;
import dev.seatbooking.contracts.registration.SeatQuantity;
import dev.seatbooking.contracts.registration.SeatsAvailabilityCommand.CancelSeatReservation;
import dev.seatbooking.contracts.registration.SeatsAvailabilityCommand.CommitSeatReservation;
import dev.seatbooking.contracts.registration.SeatsAvailabilityCommand.MakeSeatReservation;
import dev.seatbooking.contracts.registration.SeatsAvailabilityEvent.SeatsReserved;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

import static dev.seatbooking.registration.process.ProcessState.AWAITING_RESERVATION_CONFIRMATION;
import static dev.seatbooking.registration.process.ProcessState.NOT_STARTED;
import static dev.seatbooking.registration.process.ProcessState.PAYMENT_CONFIRMATION_RECEIVED;
import static dev.seatbooking.registration.process.ProcessState.RESERVATION_CONFIRMATION_RECEIVED;

/**
 * Coordinates an order, the conference's seats and the payment (one process per order; the RI's V3 state machine).
 * Pure: {@link #handle} takes the process's state and one incoming message and returns a {@link Decision}; it
 * neither stores nor sends anything. Where the RI threw, the decision records an {@link Outcome} instead, so a late
 * or misplaced message is handled once rather than retried into a dead-letter queue.
 */
public final class RegistrationProcessManager {

    /** The book's last setting (up from 5): a countdown in the UI never outlives the hold. */
    public static final Duration DEFAULT_EXPIRATION_BUFFER = Duration.ofMinutes(14);

    /**
     * A MakeSeatReservation lives one minute longer than the hold it serves; still queued after that, it must not
     * reserve seats nobody can buy any more.
     */
    public static final Duration RESERVATION_TIME_TO_LIVE_MARGIN = Duration.ofMinutes(1);

    private final Duration expirationBuffer;

    public RegistrationProcessManager() {
        this(DEFAULT_EXPIRATION_BUFFER);
    }

    /** @param expirationBuffer how long after the hold the seats are released if the order is not confirmed */
    public RegistrationProcessManager(Duration expirationBuffer) {
        Objects.requireNonNull(expirationBuffer, "expirationBuffer");
        if (expirationBuffer.isNegative()) throw new IllegalArgumentException("expirationBuffer must not be negative");
        this.expirationBuffer = expirationBuffer;
    }

    /** The process (order) a message concerns, or empty if this process manager does not handle it. */
    public static Optional<UUID> processIdOf(Message message) {
        return Optional.ofNullable(switch (message) {
            case OrderPlaced e -> e.orderId();
            case OrderUpdated e -> e.orderId();
            case OrderConfirmed e -> e.orderId();
            case SeatsReserved e -> e.reservationId(); // the reservation id is the order id
            case PaymentCompleted e -> e.paymentSourceId();
            case PaymentRejected e -> e.paymentSourceId();
            case ExpireRegistrationProcess c -> c.orderId();
            default -> null;
        });
    }

    /**
     * Decides what {@code message} means for the process in {@code state}.
     *
     * @param now when the message is handled: whether the hold is over, and the time of the envelopes sent
     * @throws IllegalArgumentException if the message is not one of this process's (see {@link #processIdOf})
     * @throws IllegalStateException    if OrderPlaced comes again for another conference (one order id, two orders)
     */
    public Decision handle(RegistrationProcessState state, Envelope message, Instant now) {
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(now, "now");
        UUID processId = processIdOf(message.payload()).orElseThrow(() -> new IllegalArgumentException(
                message.type() + " is not a message of the registration process"));
        if (!processId.equals(state.orderId())) {
            throw new IllegalArgumentException(message.type() + " for order " + processId + " given to the process of "
                    + state.orderId());
        }
        var outgoing = new Outgoing(message, now.truncatedTo(ChronoUnit.MICROS));
        return switch (message.payload()) {
            case OrderPlaced e -> onOrderPlaced(state, e, outgoing, now);
            case OrderUpdated e -> onOrderUpdated(state, e, outgoing);
            case SeatsReserved e -> onSeatsReserved(state, e, message.causationId(), outgoing);
            case PaymentCompleted e -> onPaymentCompleted(state, e, outgoing);
            case PaymentRejected e -> Decision.noCommands(state, new Outcome.Ignored(
                    "payment " + e.paymentId() + " was rejected; the registrant may pay again while the seats are held"));
            case OrderConfirmed e -> onOrderConfirmed(state, outgoing);
            case ExpireRegistrationProcess c -> onExpiry(state, message.messageId(), outgoing);
            default -> throw new IllegalStateException("unreachable: " + message.type());
        };
    }

    private Decision onOrderPlaced(RegistrationProcessState state, OrderPlaced placed, Outgoing out, Instant now) {
        if (state.state() != NOT_STARTED || state.completed()) {
            if (!placed.conferenceId().equals(state.conferenceId())) {
                throw new IllegalStateException("order " + placed.orderId() + " was placed for conference "
                        + state.conferenceId() + " and again for " + placed.conferenceId());
            }
            return Decision.noCommands(state, new Outcome.Ignored("OrderPlaced again"));
        }
        Instant holdEnd = placed.reservationAutoExpiration();
        RegistrationProcessState started = state.placed(placed.conferenceId(), holdEnd);
        if (!now.isBefore(holdEnd)) {
            // Reached the process after its hold: reserving now would only take seats from other registrants.
            return Decision.to(started.completedAs(Completion.REJECTED),
                    List.of(out.command("RejectOrder", new RejectOrder(placed.orderId()), placed.orderId())));
        }
        Envelope reservation = makeReservation(started, placed.seats(), out);
        Envelope expiry = out.command("ExpireRegistrationProcess", new ExpireRegistrationProcess(placed.orderId()),
                placed.orderId());
        return new Decision(started.awaitingReservation(reservation.messageId()).expiringWith(expiry.messageId()),
                List.of(reservation), List.of(new Decision.Scheduled(expiry, holdEnd.plus(expirationBuffer))),
                List.of(), List.of());
    }

    private Decision onOrderUpdated(RegistrationProcessState state, OrderUpdated updated, Outgoing out) {
        if (!state.completed() && (state.state() == AWAITING_RESERVATION_CONFIRMATION
                || state.state() == RESERVATION_CONFIRMATION_RECEIVED)) {
            Envelope reservation = makeReservation(state, updated.seats(), out);
            return Decision.to(state.awaitingReservation(reservation.messageId()), List.of(reservation));
        }
        if (!state.completed() && state.state() == PAYMENT_CONFIRMATION_RECEIVED) {
            // The Order took the change, so it will refuse the ConfirmOrder already sent: the expiry must then
            // reject it after all; the payment made for the order as it was is then not applied.
            return Decision.noCommands(state.changedAfterPayment(),
                    new Outcome.Refused("order " + state.orderId() + " was changed after it was paid"));
        }
        return Decision.noCommands(state, new Outcome.Refused("order " + state.orderId() + " cannot be updated "
                + (state.completed() ? "once its registration is " + state.completion() : "before it was placed")));
    }

    private Decision onSeatsReserved(RegistrationProcessState state, SeatsReserved reserved, UUID causationId,
                                     Outgoing out) {
        if (!causationId.equals(state.seatReservationCommandId())) {
            // Out of order: the answer to a reservation the order has since replaced.
            return Decision.noCommands(state, new Outcome.Ignored("SeatsReserved answers " + causationId
                    + ", not the latest reservation " + state.seatReservationCommandId()));
        }
        if (state.completed() || state.state() != AWAITING_RESERVATION_CONFIRMATION) {
            return Decision.noCommands(state, new Outcome.Ignored("SeatsReserved for " + causationId + " again"));
        }
        var mark = new MarkSeatsAsReserved(state.orderId(), reserved.reservationDetails(),
                state.reservationAutoExpiration());
        return Decision.to(state.in(RESERVATION_CONFIRMATION_RECEIVED),
                List.of(out.command("MarkSeatsAsReserved", mark, state.orderId())));
    }

    private Decision onPaymentCompleted(RegistrationProcessState state, PaymentCompleted payment, Outgoing out) {
        UUID paymentId = payment.paymentId();
        if (paymentId.equals(state.paymentId()) || state.paymentsToRefund().contains(paymentId)) {
            return Decision.noCommands(state, new Outcome.Ignored("PaymentCompleted " + paymentId + " again"));
        }
        if (!state.completed() && state.state() == RESERVATION_CONFIRMATION_RECEIVED) {
            // The order checks that the payment paid its current total; if not, see paymentRefusedByOrder.
            var confirm = ConfirmOrder.paidBy(state.orderId(), paymentId, payment.amount());
            return Decision.to(state.paidWith(paymentId), List.of(out.command("ConfirmOrder", confirm, state.orderId())));
        }
        String why;
        if (state.completion() == Completion.CONFIRMED) why = "the order was already confirmed";
        else if (state.completion() == Completion.REJECTED) why = "the order had expired";
        else why = switch (state.state()) {
            case NOT_STARTED -> "no order " + state.orderId() + " is being registered";
            case AWAITING_RESERVATION_CONFIRMATION -> "the order changed after it was priced; its seats are being "
                    + "reserved again";
            case PAYMENT_CONFIRMATION_RECEIVED -> "the order was already paid with payment " + state.paymentId();
            case RESERVATION_CONFIRMATION_RECEIVED -> throw new IllegalStateException("unreachable: handled above");
        };
        return Decision.noCommands(state.notApplying(paymentId),
                new Outcome.PaymentNotApplied(paymentId, state.orderId(), why));
    }

    /**
     * The order refused the ConfirmOrder sent for {@code paymentId}, because that payment did not pay its current
     * total (it was started before a seat change). The payment is not applied and the process waits for a payment
     * again, so the registrant can pay the order as it now is, or let it expire.
     */
    public Decision paymentRefusedByOrder(RegistrationProcessState state, UUID paymentId, String why) {
        Objects.requireNonNull(state, "state");
        if (state.completed() || state.state() != PAYMENT_CONFIRMATION_RECEIVED || !paymentId.equals(state.paymentId())) {
            return Decision.noCommands(state, new Outcome.Ignored("the order refused payment " + paymentId
                    + ", which the process is not confirming it with"));
        }
        return Decision.noCommands(state.paymentRefused(), new Outcome.PaymentNotApplied(paymentId, state.orderId(), why));
    }

    private Decision onOrderConfirmed(RegistrationProcessState state, Outgoing out) {
        if (state.completion() == Completion.CONFIRMED) {
            return Decision.noCommands(state, new Outcome.Ignored("OrderConfirmed again"));
        }
        if (state.completion() == Completion.REJECTED || state.state() == NOT_STARTED) {
            return Decision.noCommands(state, new Outcome.NeedsAttention("order " + state.orderId()
                    + " was confirmed although its registration " + (state.completed()
                    ? "had rejected it: its seats were released" : "never started: no seats were reserved")));
        }
        // Confirmed in any running stage, the order is sold: commit whatever reservation it holds. (A reservation
        // still being remade is on the same partition ahead of the commit, so the commit takes the latest seats.)
        var commit = new CommitSeatReservation(state.conferenceId(), state.orderId());
        List<UUID> forgetExpiry = state.expirationCommandId() == null ? List.of() : List.of(state.expirationCommandId());
        return new Decision(state.completedAs(Completion.CONFIRMED).expiringWith(null),
                List.of(out.command("CommitSeatReservation", commit, state.conferenceId())), List.of(), forgetExpiry,
                List.of());
    }

    private Decision onExpiry(RegistrationProcessState state, UUID expiryId, Outgoing out) {
        if (state.completed() || !expiryId.equals(state.expirationCommandId())) {
            return Decision.noCommands(state, new Outcome.Ignored("expiry " + expiryId + " is not the one scheduled"));
        }
        boolean paid = state.state() == PAYMENT_CONFIRMATION_RECEIVED;
        if (paid && !state.orderChangedAfterPayment()) {
            // Paid inside the buffer: ConfirmOrder is on its way, and rejecting now would release sold seats.
            return Decision.noCommands(state, new Outcome.Ignored("expiry after payment " + state.paymentId()
                    + ": the order is being confirmed"));
        }
        RegistrationProcessState rejected = state.completedAs(Completion.REJECTED);
        List<Outcome> outcomes = List.of();
        if (paid) {
            rejected = rejected.notApplying(state.paymentId());
            outcomes = List.of(new Outcome.PaymentNotApplied(state.paymentId(), state.orderId(),
                    "the order was changed after it was paid and expired before it was paid again"));
        }
        return new Decision(rejected, List.of(
                out.command("RejectOrder", new RejectOrder(state.orderId()), state.orderId()),
                out.command("CancelSeatReservation", new CancelSeatReservation(state.conferenceId(), state.orderId()),
                        state.conferenceId())),
                List.of(), List.of(), outcomes);
    }

    private static Envelope makeReservation(RegistrationProcessState state, List<SeatQuantity> seats, Outgoing out) {
        Instant timeToLiveEnd = state.reservationAutoExpiration().plus(RESERVATION_TIME_TO_LIVE_MARGIN);
        var command = new MakeSeatReservation(state.conferenceId(), state.orderId(), seats, timeToLiveEnd);
        return out.command("MakeSeatReservation", command, state.conferenceId());
    }

    /** Envelopes for what one incoming message causes. */
    private record Outgoing(Envelope cause, Instant now) {

        /**
         * The message id is derived from the cause's and the command's role, not random: handling the same message
         * again (after a conflict, say) yields the same ids, so the outgoing table and inboxes drop the repeats.
         */
        Envelope command(String role, Message payload, UUID aggregateId) {
            UUID id = UUID.nameUUIDFromBytes((cause.messageId() + "/" + role).getBytes(StandardCharsets.UTF_8));
            return Envelope.of(id, payload, aggregateId, Envelope.UNVERSIONED, now).causedBy(cause);
        }
    }
}

package dev.seatbooking.registration.process;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * Everything one registration process (process id = order id) remembers between messages; stored as JSON by the
 * service. Immutable: the process manager returns a new one with each decision.
 *
 * @param completion                null while the process runs
 * @param conferenceId              null until OrderPlaced
 * @param reservationAutoExpiration the order's hold, from OrderPlaced; null until then
 * @param seatReservationCommandId  the message id of the last MakeSeatReservation sent: only the SeatsReserved it
 *                                  caused is acted on
 * @param expirationCommandId       the message id of the scheduled ExpireRegistrationProcess: any other is stale
 * @param paymentId                 the payment being (or that was) confirmed
 * @param orderChangedAfterPayment  the order was updated once paid, so its ConfirmOrder will be refused and the
 *                                  expiry must reject it after all
 * @param paymentsToRefund          payments that came when the order could not take them, not applied (so that one
 *                                  arriving again is recognised); Payments records that their money must go back
 */
public record RegistrationProcessState(UUID orderId, ProcessState state, Completion completion, UUID conferenceId,
                                       Instant reservationAutoExpiration, UUID seatReservationCommandId,
                                       UUID expirationCommandId, UUID paymentId, boolean orderChangedAfterPayment,
                                       List<UUID> paymentsToRefund) {

    public RegistrationProcessState {
        Objects.requireNonNull(orderId, "orderId");
        Objects.requireNonNull(state, "state");
        paymentsToRefund = paymentsToRefund == null ? List.of() : List.copyOf(paymentsToRefund);
    }

    /** The process of an order before any message reached it. */
    public static RegistrationProcessState notStarted(UUID orderId) {
        return new RegistrationProcessState(orderId, ProcessState.NOT_STARTED, null, null, null, null, null, null,
                false, List.of());
    }

    /** The flag the store keeps beside the state: a completed process only answers late and duplicate messages. */
    public boolean completed() {
        return completion != null;
    }

    RegistrationProcessState placed(UUID conferenceId, Instant reservationAutoExpiration) {
        return new RegistrationProcessState(orderId, state, completion, conferenceId, reservationAutoExpiration,
                seatReservationCommandId, expirationCommandId, paymentId, orderChangedAfterPayment, paymentsToRefund);
    }

    RegistrationProcessState in(ProcessState newState) {
        return new RegistrationProcessState(orderId, newState, completion, conferenceId, reservationAutoExpiration,
                seatReservationCommandId, expirationCommandId, paymentId, orderChangedAfterPayment, paymentsToRefund);
    }

    RegistrationProcessState completedAs(Completion how) {
        return new RegistrationProcessState(orderId, state, how, conferenceId, reservationAutoExpiration,
                seatReservationCommandId, expirationCommandId, paymentId, orderChangedAfterPayment, paymentsToRefund);
    }

    RegistrationProcessState awaitingReservation(UUID commandId) {
        return new RegistrationProcessState(orderId, ProcessState.AWAITING_RESERVATION_CONFIRMATION, completion,
                conferenceId, reservationAutoExpiration, commandId, expirationCommandId, paymentId,
                orderChangedAfterPayment, paymentsToRefund);
    }

    RegistrationProcessState expiringWith(UUID commandId) {
        return new RegistrationProcessState(orderId, state, completion, conferenceId, reservationAutoExpiration,
                seatReservationCommandId, commandId, paymentId, orderChangedAfterPayment, paymentsToRefund);
    }

    RegistrationProcessState paidWith(UUID payment) {
        return new RegistrationProcessState(orderId, ProcessState.PAYMENT_CONFIRMATION_RECEIVED, completion,
                conferenceId, reservationAutoExpiration, seatReservationCommandId, expirationCommandId, payment,
                orderChangedAfterPayment, paymentsToRefund);
    }

    /** The order refused the payment being confirmed: not applied, and the order waits for a payment again. */
    RegistrationProcessState paymentRefused() {
        return new RegistrationProcessState(orderId, ProcessState.RESERVATION_CONFIRMATION_RECEIVED, completion,
                conferenceId, reservationAutoExpiration, seatReservationCommandId, expirationCommandId, null,
                orderChangedAfterPayment, paymentsToRefund).notApplying(paymentId);
    }

    RegistrationProcessState changedAfterPayment() {
        return new RegistrationProcessState(orderId, state, completion, conferenceId, reservationAutoExpiration,
                seatReservationCommandId, expirationCommandId, paymentId, true, paymentsToRefund);
    }

    RegistrationProcessState notApplying(UUID payment) {
        List<UUID> refunds = new ArrayList<>(paymentsToRefund);
        refunds.add(payment);
        return new RegistrationProcessState(orderId, state, completion, conferenceId, reservationAutoExpiration,
                seatReservationCommandId, expirationCommandId, paymentId, orderChangedAfterPayment, refunds);
    }
}

package dev.seatbooking.contracts.registration;

import dev.seatbooking.contracts.Message;
import dev.seatbooking.contracts.MessageType;
import dev.seatbooking.contracts.Money;
import dev.seatbooking.contracts.Require;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Commands to the Order aggregate. They never cross a service: the registration service handles them in-process, in
 * the transaction of whoever decided them (the REST request, or the registration process).
 */
public sealed interface OrderCommand extends Message {

    UUID orderId();

    /** Places a new order, or updates one whose reservation is still held. */
    @MessageType(name = "registration.RegisterToConference")
    record RegisterToConference(UUID orderId, UUID conferenceId, List<SeatQuantity> seats) implements OrderCommand {
        public RegisterToConference {
            Require.nonNull(orderId, "orderId");
            Require.nonNull(conferenceId, "conferenceId");
            seats = Require.list(seats, "seats");
        }
    }

    /** @param seats what SeatsAvailability actually reserved; fewer than ordered makes the order partially reserved */
    @MessageType(name = "registration.MarkSeatsAsReserved")
    record MarkSeatsAsReserved(UUID orderId, List<SeatQuantity> seats, Instant expiration) implements OrderCommand {
        public MarkSeatsAsReserved {
            Require.nonNull(orderId, "orderId");
            seats = Require.list(seats, "seats");
            Require.nonNull(expiration, "expiration");
        }
    }

    @MessageType(name = "registration.RejectOrder")
    record RejectOrder(UUID orderId) implements OrderCommand {
        public RejectOrder {
            Require.nonNull(orderId, "orderId");
        }
    }

    /**
     * Cancels a confirmed order (issue 16): the registrant's (in-process, from registration's API, before the
     * conference's cut-off) or the conference owner's (sent by Conference Management on
     * {@code registration.process.commands}, key = order id, at any time).
     *
     * @param conferenceId the conference the sender believes the order is of: an owner may cancel only its own
     *                     conference's orders, so registration refuses a command naming another
     */
    @MessageType(name = "registration.CancelOrder")
    record CancelOrder(UUID orderId, UUID conferenceId, OrderEvent.OrderCancelled.CancelledBy cancelledBy)
            implements OrderCommand {
        public CancelOrder {
            Require.nonNull(orderId, "orderId");
            Require.nonNull(conferenceId, "conferenceId");
            Require.nonNull(cancelledBy, "cancelledBy");
        }
    }

    @MessageType(name = "registration.AssignRegistrantDetails")
    record AssignRegistrantDetails(UUID orderId, String firstName, String lastName, String email)
            implements OrderCommand {
        public AssignRegistrantDetails {
            Require.nonNull(orderId, "orderId");
            Require.nonNull(firstName, "firstName");
            Require.nonNull(lastName, "lastName");
            Require.text(email, "email");
        }
    }

    /**
     * Confirms an order: with the payment that paid it, or, for a free order, without one (both null). The order
     * takes a payment only if {@code paidAmount} is its current total. Both fields were added later: a command
     * stored before them reads as one without a payment.
     *
     * @param paymentId  the completed payment that pays the order; null for a free order
     * @param paidAmount what that payment paid; null for a free order
     */
    @MessageType(name = "registration.ConfirmOrder")
    record ConfirmOrder(UUID orderId, UUID paymentId, Money paidAmount) implements OrderCommand {
        public ConfirmOrder {
            Require.nonNull(orderId, "orderId");
            if ((paymentId == null) != (paidAmount == null)) {
                throw new IllegalArgumentException("paymentId and paidAmount go together: " + paymentId + ", " + paidAmount);
            }
        }

        /** A free order's confirmation: no payment. */
        public ConfirmOrder(UUID orderId) {
            this(orderId, null, null);
        }

        /** Paid by {@code paymentId}, of {@code paidAmount}. */
        public static ConfirmOrder paidBy(UUID orderId, UUID paymentId, Money paidAmount) {
            return new ConfirmOrder(orderId, Require.nonNull(paymentId, "paymentId"),
                    Require.nonNull(paidAmount, "paidAmount"));
        }
    }
}

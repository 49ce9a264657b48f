package dev.seatbooking.contracts.registration;

import dev.seatbooking.contracts.Message;
import dev.seatbooking.contracts.MessageType;
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

    @MessageType(name = "registration.ConfirmOrder")
    record ConfirmOrder(UUID orderId) implements OrderCommand {
        public ConfirmOrder {
            Require.nonNull(orderId, "orderId");
        }
    }
}

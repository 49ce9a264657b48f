package dev.seatbooking.contracts.registration;

import dev.seatbooking.contracts.Message;
import dev.seatbooking.contracts.MessageType;
import dev.seatbooking.contracts.Require;
import java.util.UUID;

/**
 * Commands to the RegistrationProcessManager, which exists once per order and is identified by the order id
 * (topic {@code registration.process.commands}, key = order id).
 */
public sealed interface RegistrationProcessCommand extends Message {

    UUID orderId();

    /**
     * Fired when an order's hold plus the buffer is over. The process acts only on the one whose message id it
     * remembered, so an expiry scheduled before an order update is ignored.
     */
    @MessageType(name = "registration.ExpireRegistrationProcess")
    record ExpireRegistrationProcess(UUID orderId) implements RegistrationProcessCommand {
        public ExpireRegistrationProcess {
            Require.nonNull(orderId, "orderId");
        }
    }
}

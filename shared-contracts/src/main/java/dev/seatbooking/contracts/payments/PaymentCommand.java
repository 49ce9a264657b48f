package dev.seatbooking.contracts.payments;

import dev.seatbooking.contracts.Message;
import dev.seatbooking.contracts.MessageType;
import dev.seatbooking.contracts.Money;
import dev.seatbooking.contracts.Require;
import java.util.List;
import java.util.UUID;

/**
 * Commands to a third-party processor payment. They travel on no topic: payments' REST API and the processor's
 * answers hand them to the payment in-process.
 */
public sealed interface PaymentCommand extends Message {

    UUID paymentId();

    /** @param paymentSourceId the order being paid */
    @MessageType(name = "payments.InitiateThirdPartyProcessorPayment")
    record InitiateThirdPartyProcessorPayment(UUID paymentId, UUID paymentSourceId, UUID conferenceId,
                                              String description, Money totalAmount, List<PaymentItem> items)
            implements PaymentCommand {
        public InitiateThirdPartyProcessorPayment {
            Require.nonNull(paymentId, "paymentId");
            Require.nonNull(paymentSourceId, "paymentSourceId");
            Require.nonNull(conferenceId, "conferenceId");
            Require.nonNull(description, "description");
            Require.nonNull(totalAmount, "totalAmount");
            items = Require.list(items, "items");
        }
    }

    /** The processor accepted the payment. */
    @MessageType(name = "payments.CompleteThirdPartyProcessorPayment")
    record CompleteThirdPartyProcessorPayment(UUID paymentId) implements PaymentCommand {
        public CompleteThirdPartyProcessorPayment {
            Require.nonNull(paymentId, "paymentId");
        }
    }

    /** The processor rejected the payment, or the payer cancelled it. */
    @MessageType(name = "payments.CancelThirdPartyProcessorPayment")
    record CancelThirdPartyProcessorPayment(UUID paymentId) implements PaymentCommand {
        public CancelThirdPartyProcessorPayment {
            Require.nonNull(paymentId, "paymentId");
        }
    }
}

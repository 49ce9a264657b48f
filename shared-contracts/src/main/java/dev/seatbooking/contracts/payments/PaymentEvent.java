package dev.seatbooking.contracts.payments;

import dev.seatbooking.contracts.Message;
import dev.seatbooking.contracts.MessageType;
import dev.seatbooking.contracts.Money;
import dev.seatbooking.contracts.Require;
import java.util.UUID;

/**
 * Events of a third-party processor payment (topic {@code payments.events}, key = payment id). The payment source
 * is the order being paid: registration matches payments to orders by {@code paymentSourceId}.
 */
public sealed interface PaymentEvent extends Message {

    UUID paymentId();

    UUID paymentSourceId();

    @MessageType(name = "payments.PaymentInitiated")
    record PaymentInitiated(UUID paymentId, UUID paymentSourceId, UUID conferenceId, Money amount)
            implements PaymentEvent {
        public PaymentInitiated {
            Require.nonNull(paymentId, "paymentId");
            Require.nonNull(paymentSourceId, "paymentSourceId");
            Require.nonNull(conferenceId, "conferenceId");
            Require.nonNull(amount, "amount");
        }
    }

    @MessageType(name = "payments.PaymentCompleted")
    record PaymentCompleted(UUID paymentId, UUID paymentSourceId, UUID conferenceId, Money amount)
            implements PaymentEvent {
        public PaymentCompleted {
            Require.nonNull(paymentId, "paymentId");
            Require.nonNull(paymentSourceId, "paymentSourceId");
            Require.nonNull(conferenceId, "conferenceId");
            Require.nonNull(amount, "amount");
        }
    }

    @MessageType(name = "payments.PaymentRejected")
    record PaymentRejected(UUID paymentId, UUID paymentSourceId, UUID conferenceId, Money amount)
            implements PaymentEvent {
        public PaymentRejected {
            Require.nonNull(paymentId, "paymentId");
            Require.nonNull(paymentSourceId, "paymentSourceId");
            Require.nonNull(conferenceId, "conferenceId");
            Require.nonNull(amount, "amount");
        }
    }
}

package dev.seatbooking.payments.processor;

import dev.seatbooking.contracts.Money;

import java.util.UUID;

/** The simulated processor's books of the refunds it paid out, by refund id. */
public interface ProcessorRefunds {

    /** Records a refund paid out; false if that refund id was paid already (nothing is paid twice). */
    boolean paidOut(UUID refundId, UUID paymentId, Money amount);

    /** How many times the processor paid this payment's money back (0 or 1). */
    int timesPaidOut(UUID paymentId);
}

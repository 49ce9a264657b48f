package dev.seatbooking.payments.processor;

/** The processor did not pay a refund back (it was down, refused or did not answer); it may be tried again. */
public class RefundNotDone extends RuntimeException {

    public RefundNotDone(String message) {
        super(message);
    }
}

package dev.seatbooking.payments.domain;

/**
 * Where a refund stands: requested (and being tried, again after each failure), completed (the processor paid the
 * money back), or failed for good (payments gave up after its last attempt; operators take over).
 */
public enum RefundState {
    REQUESTED, COMPLETED, FAILED
}

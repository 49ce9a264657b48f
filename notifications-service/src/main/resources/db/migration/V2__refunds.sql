-- The order each refund gives money back for (issue 16): RefundRequested names it, RefundCompleted only the payment.
CREATE TABLE refunds (
    refund_id  uuid PRIMARY KEY,
    order_id   uuid NOT NULL,
    reason     text NOT NULL
);

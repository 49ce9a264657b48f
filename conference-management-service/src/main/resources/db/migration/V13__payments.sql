-- The payments of the conferences' orders (issue 17: the orders export's amount paid and payment ids), kept from
-- payments' PaymentCompleted events (PaymentProjection): one row per completed payment, only for a conference this
-- service holds (a conference is created here before anything is sold for it). The order is the payment's source
-- (paymentSourceId). No foreign key to orders: another topic, so a payment may be consumed before its order's events.
-- Payments completed before this migration were skipped by the consumer then, and are not here.
CREATE TABLE payments (
    payment_id    uuid           PRIMARY KEY,
    conference_id uuid           NOT NULL,
    order_id      uuid           NOT NULL,
    amount        numeric(14, 3) NOT NULL,
    currency      varchar(3)     NOT NULL,
    completed_at  timestamptz    NOT NULL
);

CREATE INDEX payments_conference ON payments (conference_id, order_id);

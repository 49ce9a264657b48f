-- The owner's list of refunds (issue 16), kept from payments' RefundEvents (RefundProjection): one row per refund.
-- No foreign keys: payments' word, and a refund's events may be consumed before its order's (another topic).
-- state/will_retry/completed_at come from the refund's newest event applied (state_version: its version in the
-- refund's stream), so an event consumed late does not take the state back; what only RefundRequested says
-- (order, reason, requested_at) is kept whenever it arrives; failed_attempts is the highest failed attempt seen and
-- last_error that attempt's error.
CREATE TABLE refunds (
    refund_id      uuid           PRIMARY KEY,
    conference_id  uuid           NOT NULL,
    payment_id     uuid           NOT NULL,
    order_id       uuid,
    amount         numeric(14, 3) NOT NULL,
    currency       varchar(3)     NOT NULL,
    reason         varchar(32),
    state          varchar(16)    NOT NULL CHECK (state IN ('REQUESTED', 'COMPLETED', 'FAILED')),
    will_retry     boolean        NOT NULL DEFAULT false,
    failed_attempts int           NOT NULL DEFAULT 0,
    last_error     text,
    requested_at   timestamptz,
    completed_at   timestamptz,
    state_version  bigint         NOT NULL
);

CREATE INDEX refunds_conference ON refunds (conference_id, requested_at);

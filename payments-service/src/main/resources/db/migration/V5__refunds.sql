-- Issue 16: refunds that really happen. An order can now be cancelled after it was confirmed; its payment is then
-- refunded (ORDER_CANCELLED).
ALTER TABLE order_totals DROP CONSTRAINT order_totals_status_check;
ALTER TABLE order_totals ADD CONSTRAINT order_totals_status_check
    CHECK (status IN ('PENDING', 'CONFIRMED', 'EXPIRED', 'CANCELLED'));
ALTER TABLE payments DROP CONSTRAINT payments_refund_reason_check;
ALTER TABLE payments ADD CONSTRAINT payments_refund_reason_check
    CHECK (refund_reason IN ('ORDER_EXPIRED', 'ORDER_ALREADY_PAID', 'ORDER_CANCELLED'));

-- Each refund as its events left it (stream type 'refund': the event table is the truth and the outbox), plus what
-- drives its attempts: a refund is REQUESTED in the transaction that marks its payment refund due, tried when
-- next_attempt_at has come (PostgreSQL's clock), and leased for the attempt by moving next_attempt_at on, so a
-- worker killed mid-attempt only delays it. One refund per payment: the refund id is derived from the payment id.
CREATE TABLE refunds (
    refund_id       uuid        PRIMARY KEY,
    payment_id      uuid        NOT NULL UNIQUE,
    order_id        uuid,
    conference_id   uuid        NOT NULL,
    amount          numeric(19, 4) NOT NULL,
    currency        text        NOT NULL,
    reason          text        NOT NULL CHECK (reason IN ('ORDER_EXPIRED', 'ORDER_ALREADY_PAID', 'ORDER_CANCELLED')),
    state           text        NOT NULL CHECK (state IN ('REQUESTED', 'COMPLETED', 'FAILED')),
    attempts        int         NOT NULL DEFAULT 0,
    next_attempt_at timestamptz,
    last_error      text,
    correlation_id  uuid        NOT NULL,
    requested_at    timestamptz NOT NULL DEFAULT now(),
    updated_at      timestamptz NOT NULL DEFAULT now()
);

CREATE INDEX refunds_due ON refunds (next_attempt_at) WHERE state = 'REQUESTED';
CREATE INDEX refunds_by_order ON refunds (order_id);
CREATE INDEX refunds_by_conference ON refunds (conference_id, requested_at);

-- The simulated processor's own books: the refunds it has paid out, by refund id, so that it answers a repeated
-- refund (an attempt whose answer was lost) without paying twice, across restarts, as a real processor's
-- idempotency key does.
CREATE TABLE processor_refunds (
    refund_id       uuid        PRIMARY KEY,
    payment_id      uuid        NOT NULL,
    amount          numeric(19, 4) NOT NULL,
    currency        text        NOT NULL,
    refunded_at     timestamptz NOT NULL DEFAULT now()
);

-- What payments knows of the orders registration publishes (registration.events): enough to check that a
-- payment is for a known, open order and for exactly its total. Events of one order arrive in order (key =
-- order id) and at most once (inbox); the version guard keeps a late or repeated event from regressing a row.
CREATE TABLE order_totals (
    order_id        uuid        PRIMARY KEY,
    conference_id   uuid,                          -- from OrderPlaced
    total_amount    numeric(19, 4),                -- from the latest OrderTotalsCalculated
    total_currency  text,
    free_of_charge  boolean     NOT NULL DEFAULT false,
    status          text        NOT NULL DEFAULT 'PENDING' CHECK (status IN ('PENDING', 'CONFIRMED', 'EXPIRED')),
    version         bigint      NOT NULL,          -- the order stream's version last applied here
    updated_at      timestamptz NOT NULL DEFAULT now()
);

-- Every payment as its events left it, written in the transaction that appends them (the event table is the
-- truth and the outbox; this is its queryable view), plus what the events do not carry: the description and
-- items shown to the payer, and whether the money is due back.
CREATE TABLE payments (
    payment_id      uuid        PRIMARY KEY,
    order_id        uuid        NOT NULL,
    conference_id   uuid        NOT NULL,
    description     text        NOT NULL,
    amount          numeric(19, 4) NOT NULL,
    currency        text        NOT NULL,
    items           jsonb       NOT NULL,
    status          text        NOT NULL CHECK (status IN ('INITIATED', 'COMPLETED', 'REJECTED')),
    version         int         NOT NULL,          -- the payment stream's version
    refund_reason   text        CHECK (refund_reason IN ('ORDER_EXPIRED', 'ORDER_ALREADY_PAID')),
    correlation_id  uuid        NOT NULL,
    initiated_at    timestamptz NOT NULL DEFAULT now(),
    updated_at      timestamptz NOT NULL DEFAULT now()
);

CREATE INDEX payments_by_order ON payments (order_id);
CREATE INDEX payments_refund_due ON payments (updated_at) WHERE refund_reason IS NOT NULL;

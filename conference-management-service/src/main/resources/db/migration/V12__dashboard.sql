-- The owner's dashboard (issue 17, ADR 18): projections of registration's events, fed by the same consumer as the
-- orders (RegistrationEventsConsumer), in its inbox transaction. V12: the session's other changes take V8 to V11.

-- Seats on sale and seats owed per seat type, as the conference's SeatsAvailability stream last said: the sums of its
-- events' signed deltas (availableSeatsChanged, seatsOwedChanged). No foreign key: registration's word.
CREATE TABLE dashboard_seat_availability (
    conference_id uuid NOT NULL,
    seat_type_id  uuid NOT NULL,
    available     int  NOT NULL,
    owed          int  NOT NULL,
    PRIMARY KEY (conference_id, seat_type_id)
);

-- Seats taken off sale per holder: a reservation (its id is the order's) HELD until committed, then SOLD until the
-- order is cancelled; or a waitlist entry's open offer (OFFERED) until it is accepted (it becomes the order's
-- reservation), declined or lapses. A row leaves when its seats come back.
CREATE TABLE dashboard_seat_holds (
    holder_id     uuid       NOT NULL,
    seat_type_id  uuid       NOT NULL,
    conference_id uuid       NOT NULL,
    quantity      int        NOT NULL,
    state         varchar(8) NOT NULL CHECK (state IN ('HELD', 'OFFERED', 'SOLD')),
    PRIMARY KEY (holder_id, seat_type_id)
);

CREATE INDEX dashboard_seat_holds_conference ON dashboard_seat_holds (conference_id, seat_type_id);

-- The version of the last event of each conference's SeatsAvailability stream applied to the two tables above: the
-- deltas are not idempotent, so an event published again (under another message id) or older changes nothing.
CREATE TABLE dashboard_seat_streams (
    conference_id  uuid   PRIMARY KEY,
    stream_version bigint NOT NULL
);

-- What each promotional code took off each line of an order, from the order's latest OrderTotalsCalculated (replaced
-- with its lines): the discounts a code gave are those of its confirmed orders.
CREATE TABLE order_discounts (
    order_id     uuid           NOT NULL REFERENCES orders (order_id) ON DELETE CASCADE,
    position     int            NOT NULL,
    code_id      uuid           NOT NULL,
    code         varchar(32)    NOT NULL,
    seat_type_id uuid           NOT NULL,
    amount       numeric(14, 3) NOT NULL,
    currency     varchar(3)     NOT NULL,
    PRIMARY KEY (order_id, position)
);

CREATE INDEX order_discounts_code ON order_discounts (code_id);

-- When an order was confirmed and cancelled (the events' occurredAt), for the orders and revenue over time. Orders
-- projected before this migration get their last change as the closest known instant.
ALTER TABLE orders ADD COLUMN confirmed_at timestamptz, ADD COLUMN cancelled_at timestamptz;
UPDATE orders SET confirmed_at = updated_at WHERE status = 'CONFIRMED';
UPDATE orders SET cancelled_at = updated_at WHERE status = 'CANCELLED';

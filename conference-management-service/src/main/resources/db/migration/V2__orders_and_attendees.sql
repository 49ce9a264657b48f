-- Orders and attendees of every conference, kept from registration's events (OrderProjection), for the
-- owners' lists. Not foreign keys to conferences: events of one order arrive in order, but the seat
-- assignments of an order travel under another key and may be consumed before the order itself.
CREATE TABLE orders (
    order_id              uuid         PRIMARY KEY,
    conference_id         uuid,
    status                varchar(16)  NOT NULL CHECK (status IN ('PENDING', 'CONFIRMED', 'EXPIRED')),
    registrant_first_name text,
    registrant_last_name  text,
    registrant_email      text,
    total_amount          numeric(14, 3),
    total_currency        varchar(3),
    placed_at             timestamptz,
    updated_at            timestamptz  NOT NULL
);

CREATE INDEX orders_conference ON orders (conference_id, placed_at);

-- The priced lines of an order's latest OrderTotalsCalculated: what a confirmed order has bought.
CREATE TABLE order_lines (
    order_id     uuid           NOT NULL REFERENCES orders (order_id) ON DELETE CASCADE,
    seat_type_id uuid           NOT NULL,
    description  text           NOT NULL,
    unit_price   numeric(14, 3) NOT NULL,
    quantity     int            NOT NULL,
    line_total   numeric(14, 3) NOT NULL,
    currency     varchar(3)      NOT NULL,
    PRIMARY KEY (order_id, seat_type_id)
);

CREATE INDEX order_lines_seat_type ON order_lines (seat_type_id);

-- One row per purchased seat (SeatAssignmentsCreated), with its attendee once assigned.
CREATE TABLE order_seats (
    order_id            uuid         NOT NULL,
    position            int          NOT NULL,
    seat_assignments_id uuid         NOT NULL,
    seat_type_id        uuid         NOT NULL,
    attendee_first_name text,
    attendee_last_name  text,
    attendee_email      text,
    PRIMARY KEY (order_id, position)
);

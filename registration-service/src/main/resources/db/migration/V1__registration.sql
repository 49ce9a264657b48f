-- The service's own tables (the event store, inbox, outgoing messages and process managers are the library's,
-- migrated with their own history).

-- The conferences Conference Management announced (ConferenceCreated/Updated/Published/Unpublished). A row may
-- exist before its ConferenceCreated is seen (slug null): such a conference is unknown to registrants.
CREATE TABLE conferences (
    id                     uuid        PRIMARY KEY,
    slug                   text,
    published              boolean     NOT NULL DEFAULT false,
    reservation_hold_ms    bigint      NOT NULL DEFAULT 900000 CHECK (reservation_hold_ms > 0),
    updated_at             timestamptz NOT NULL DEFAULT now()
);

-- The seat types and prices Conference Management published (SeatCreated/SeatUpdated). quantity is the last
-- announced total; its changes become AddSeats/RemoveSeats for SeatsAvailability, enqueued in the same transaction.
CREATE TABLE seat_types (
    conference_id uuid        NOT NULL REFERENCES conferences (id),
    id            uuid        NOT NULL,
    name          text        NOT NULL,
    description   text        NOT NULL DEFAULT '',
    price         numeric     NOT NULL CHECK (price >= 0),
    currency      char(3)     NOT NULL,
    quantity      int         NOT NULL CHECK (quantity >= 0),
    position      bigint      GENERATED ALWAYS AS IDENTITY,
    updated_at    timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (conference_id, id)
);

-- What finds an order again: its access code (set when it is placed) and the registrant's email (once assigned).
-- Written in the same transaction as the events that set them.
CREATE TABLE order_access (
    order_id    uuid PRIMARY KEY,
    access_code text NOT NULL,
    email       text
);

CREATE INDEX order_access_by_email ON order_access (lower(email), access_code) WHERE email IS NOT NULL;

-- Payments that came when their order could not take them (too late, already paid, changed after payment):
-- the registration process recorded them here, for a refund.
CREATE TABLE payment_refunds (
    payment_id  uuid        PRIMARY KEY,
    order_id    uuid        NOT NULL,
    reason      text        NOT NULL,
    recorded_at timestamptz NOT NULL DEFAULT now(),
    refunded_at timestamptz
);

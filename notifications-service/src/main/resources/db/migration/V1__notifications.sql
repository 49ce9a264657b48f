-- What the mails need to know, kept from the events (a small projection), and the mails themselves.

-- An order as the mails describe it; its registrant is where its mails go.
CREATE TABLE orders (
    order_id         uuid PRIMARY KEY,
    conference_id    uuid,
    -- the code OrderPlaced carries (the registrant's own, shown once on the thank-you page): the confirmation mail
    -- repeats it, as the registrant's proof of the order
    access_code      text,
    total_amount     numeric(19, 2),
    total_currency   text,
    lines            jsonb,
    discounts        jsonb,
    updated_at       timestamptz NOT NULL DEFAULT now()
);

-- Who an order's or a waitlist entry's mails go to (OrderRegistrantAssigned, WaitlistContactGiven).
CREATE TABLE contacts (
    address_key  uuid PRIMARY KEY,  -- an order id or a waitlist entry id
    name         text NOT NULL,
    email        text NOT NULL
);

CREATE TABLE conferences (
    conference_id  uuid PRIMARY KEY,
    name           text NOT NULL
);

CREATE TABLE seat_types (
    seat_type_id   uuid PRIMARY KEY,
    conference_id  uuid NOT NULL,
    name           text NOT NULL
);

-- One row per mail to send: dedup_key (the event's message id and the kind of mail) makes a redelivered event a
-- no-op; recipient is null until the address is known (its contact may arrive after the event on another
-- partition), then the sender sends it when next_attempt_at comes, retrying with backoff.
CREATE TABLE mails (
    mail_id          uuid PRIMARY KEY,
    dedup_key        text NOT NULL UNIQUE,
    kind             text NOT NULL,
    address_key      uuid NOT NULL,
    recipient        text,
    recipient_name   text,
    model            jsonb NOT NULL,
    status           text NOT NULL DEFAULT 'PENDING' CHECK (status IN ('PENDING', 'SENT')),
    attempts         int NOT NULL DEFAULT 0,
    next_attempt_at  timestamptz NOT NULL DEFAULT now(),
    last_error       text,
    created_at       timestamptz NOT NULL DEFAULT now(),
    sent_at          timestamptz
);

CREATE INDEX mails_due ON mails (next_attempt_at) WHERE status = 'PENDING' AND recipient IS NOT NULL;
CREATE INDEX mails_awaiting_address ON mails (address_key) WHERE recipient IS NULL;

-- Issue 15: a waitlist entry's personal data and access code, beside the conference's SeatsAvailability stream
-- (which holds only the entry id, seat type and quantity: no personal data in the single writer's hot stream).
-- Written in the transaction that sends JoinWaitlist (outbox); `ended` is set in the transaction of the event that
-- took the entry off the list (LEFT, LAPSED, ACCEPTED), since the aggregate forgets ended entries.
CREATE TABLE waitlist_entries (
    entry_id         uuid        PRIMARY KEY,
    conference_id    uuid        NOT NULL REFERENCES conferences (id),
    seat_type_id     uuid        NOT NULL,
    quantity         int         NOT NULL CHECK (quantity >= 1),
    name             text        NOT NULL,
    email            text        NOT NULL,
    access_code_hash bytea       NOT NULL,
    ended            text        CHECK (ended IN ('LEFT', 'LAPSED', 'ACCEPTED')),
    joined_at        timestamptz NOT NULL,
    -- The order the entry's offer was accepted into (set with the AcceptWaitlistOffer sent), and its seats: a
    -- repeated accept answers as the first, another order id is refused.
    order_id         uuid,
    order_seats      int
);

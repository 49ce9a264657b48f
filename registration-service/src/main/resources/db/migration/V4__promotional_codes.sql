-- The promotional codes Conference Management defined (PromotionalCodeDefined: each code's full current definition,
-- upserted). What a registrant's code is checked against; how many uses are left is the conference's
-- PromotionalCodeUses stream's to say (issue 14).
CREATE TABLE promotional_codes (
    conference_id   uuid        NOT NULL REFERENCES conferences (id),
    id              uuid        NOT NULL,
    code            text        NOT NULL,
    discount_kind   text        NOT NULL CHECK (discount_kind IN ('PERCENTAGE', 'FIXED_AMOUNT')),
    percent         int         CHECK (percent BETWEEN 1 AND 100),
    amount          numeric     CHECK (amount > 0),
    currency        char(3),
    all_seat_types  boolean     NOT NULL,
    seat_type_ids   uuid[]      NOT NULL,
    usage_limit     int         CHECK (usage_limit >= 1),
    valid_from      timestamptz,
    valid_until     timestamptz,
    exclusive       boolean     NOT NULL,
    enabled         boolean     NOT NULL,
    updated_at      timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (conference_id, id),
    UNIQUE (conference_id, code)
);

-- Promotional codes (issue 14): what an owner defines (JPA entity PromotionalCode) and the uses registration reports.
CREATE TABLE promotional_codes (
    id                uuid           PRIMARY KEY,
    conference_id     uuid           NOT NULL REFERENCES conferences (id),
    -- normalized (PromotionalCodeText): upper-case, so uniqueness below is case-insensitive
    code              varchar(32)    NOT NULL CHECK (code = upper(code)),
    discount_kind     varchar(16)    NOT NULL CHECK (discount_kind IN ('PERCENTAGE', 'FIXED_AMOUNT')),
    discount_percent  int            CHECK (discount_percent BETWEEN 1 AND 100),
    discount_amount   numeric(12, 3) CHECK (discount_amount > 0),
    discount_currency varchar(3),
    -- true: every seat type of the conference, also those added later; false: those of promotional_code_seat_types
    all_seat_types    boolean        NOT NULL,
    -- how many orders may use it; NULL = unlimited
    usage_limit       int            CHECK (usage_limit >= 1),
    valid_from        timestamptz,
    valid_until       timestamptz,
    exclusive         boolean        NOT NULL,
    enabled           boolean        NOT NULL,
    version           bigint         NOT NULL, -- JPA optimistic lock
    created_at        timestamptz    NOT NULL,
    updated_at        timestamptz    NOT NULL,
    CONSTRAINT promotional_codes_code_unique UNIQUE (conference_id, code),
    CONSTRAINT promotional_codes_discount CHECK (
        (discount_kind = 'PERCENTAGE' AND discount_percent IS NOT NULL AND discount_amount IS NULL
            AND discount_currency IS NULL)
        OR (discount_kind = 'FIXED_AMOUNT' AND discount_percent IS NULL AND discount_amount IS NOT NULL
            AND discount_currency IS NOT NULL)),
    CONSTRAINT promotional_codes_window CHECK (valid_from < valid_until)
);

-- The chosen seat types of a code whose scope is not every seat type, in the owner's order.
CREATE TABLE promotional_code_seat_types (
    code_id      uuid NOT NULL REFERENCES promotional_codes (id) ON DELETE CASCADE,
    position     int  NOT NULL,
    seat_type_id uuid NOT NULL REFERENCES seat_types (id),
    PRIMARY KEY (code_id, position),
    CONSTRAINT promotional_code_seat_types_once UNIQUE (code_id, seat_type_id)
);

CREATE INDEX promotional_code_seat_types_seat_type ON promotional_code_seat_types (seat_type_id);

-- Each code's uses as registration last reported them (PromotionalCodeUseHeld/Released/Spent carry the counts
-- after the event). stream_version: the version, in the conference's code-uses stream, of the event they come
-- from; an older or repeated event changes nothing. No foreign key: the counts are registration's word.
CREATE TABLE promotional_code_uses (
    code_id        uuid        PRIMARY KEY,
    conference_id  uuid        NOT NULL,
    held           int         NOT NULL CHECK (held >= 0),
    used           int         NOT NULL CHECK (used >= 0),
    stream_version bigint      NOT NULL,
    updated_at     timestamptz NOT NULL
);

CREATE INDEX promotional_code_uses_conference ON promotional_code_uses (conference_id);

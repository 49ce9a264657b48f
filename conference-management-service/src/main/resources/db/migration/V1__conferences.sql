-- Conferences and their seat types: what the owners edit through the admin API (JPA entities Conference and
-- SeatType). The library's tables (outgoing_messages, inbox, ...) have their own Flyway history (ADR 3).
CREATE TABLE conferences (
    id                       uuid         PRIMARY KEY,
    slug                     varchar(64)  NOT NULL,
    name                     varchar(200) NOT NULL,
    description              varchar(4000) NOT NULL,
    location                 varchar(500) NOT NULL,
    tagline                  varchar(200),
    twitter_search           varchar(200),
    start_date               date         NOT NULL,
    end_date                 date         NOT NULL,
    owner_name               varchar(200) NOT NULL,
    owner_email              varchar(254) NOT NULL,
    -- SHA-256 of the access code: the code itself is shown once, to its owner, and never stored.
    access_code_hash         bytea        NOT NULL,
    reservation_hold_minutes int          NOT NULL,
    published                boolean      NOT NULL,
    was_ever_published       boolean      NOT NULL,
    -- aggregateVersion of the last integration event published for this conference (0: none yet).
    event_version            bigint       NOT NULL,
    version                  bigint       NOT NULL, -- JPA optimistic lock
    created_at               timestamptz  NOT NULL,
    updated_at               timestamptz  NOT NULL,
    CONSTRAINT conferences_slug_unique UNIQUE (slug),
    CONSTRAINT conferences_access_code_unique UNIQUE (access_code_hash),
    CONSTRAINT conferences_dates CHECK (end_date >= start_date),
    CONSTRAINT conferences_hold CHECK (reservation_hold_minutes > 0),
    CONSTRAINT conferences_published_once CHECK (was_ever_published OR NOT published)
);

-- An owner signs in with email + access code: find the owner's conferences by email, case-insensitively.
CREATE INDEX conferences_owner_email ON conferences (lower(owner_email));

CREATE TABLE seat_types (
    id            uuid          PRIMARY KEY,
    conference_id uuid          NOT NULL REFERENCES conferences (id),
    -- the order the owner added them in, for listing
    display_order int           NOT NULL,
    name          varchar(70)   NOT NULL,
    description   varchar(250)  NOT NULL,
    quantity      int           NOT NULL CHECK (quantity >= 0),
    price         numeric(12, 3) NOT NULL CHECK (price >= 0),
    currency      varchar(3)    NOT NULL,
    version       bigint        NOT NULL, -- JPA optimistic lock
    created_at    timestamptz   NOT NULL,
    updated_at    timestamptz   NOT NULL
);

CREATE INDEX seat_types_conference ON seat_types (conference_id, display_order);

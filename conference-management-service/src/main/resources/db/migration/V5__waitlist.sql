-- The waitlists of every conference (issue 15), kept from registration's SeatsAvailability events (WaitlistProjection)
-- for the owner's view. One row per entry, never deleted: an ended entry keeps its row (and the version it ended at),
-- so a join published again after the entry ended cannot put it back. No personal data: registration keeps the
-- registrants' names and emails; the owner sees counts. No foreign key: registration's word, as for code uses.
-- V5, not V4: issue 15's conference-settings change takes V4 (the two were written side by side).
CREATE TABLE waitlist_entries (
    entry_id       uuid        PRIMARY KEY,
    conference_id  uuid        NOT NULL,
    seat_type_id   uuid        NOT NULL,
    -- the seats the entry wants, and of them those held in its open offer (0 before any offer)
    wanted         int         NOT NULL CHECK (wanted >= 0),
    offered        int         NOT NULL CHECK (offered >= 0),
    -- NULL while the entry is on the list (waiting or holding an offer)
    ended          varchar(8)  CHECK (ended IN ('LEFT', 'LAPSED', 'ACCEPTED')),
    -- version, in the conference's SeatsAvailability stream, of the last event applied to the row
    stream_version bigint      NOT NULL,
    updated_at     timestamptz NOT NULL
);

CREATE INDEX waitlist_entries_on_the_list ON waitlist_entries (conference_id, seat_type_id) WHERE ended IS NULL;

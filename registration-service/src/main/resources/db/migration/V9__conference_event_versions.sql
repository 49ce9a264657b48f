-- Conference Management's events carry the conference's event version (1, 2, 3 ... per conference), and may arrive
-- out of order: two of its dispatchers' rounds side by side, or a record that steps aside, send one key's messages
-- in another order. Each of these events carries the whole state of what it is about (a conference's details, whether
-- it is on sale, a seat type, a promotional code), so the newest wins: each row keeps the version it was last written
-- from, and an older event is skipped. 0: written before this column (any versioned event is newer).
ALTER TABLE conferences
    ADD COLUMN details_version   bigint NOT NULL DEFAULT 0,
    ADD COLUMN published_version bigint NOT NULL DEFAULT 0;

ALTER TABLE seat_types
    ADD COLUMN event_version bigint NOT NULL DEFAULT 0;

ALTER TABLE promotional_codes
    ADD COLUMN event_version bigint NOT NULL DEFAULT 0;

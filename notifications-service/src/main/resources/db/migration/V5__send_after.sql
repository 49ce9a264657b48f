-- The cut-off (issue 16): events that occurred before it update the facts but queue no mail, so that a first
-- deployment onto a platform with history, consuming from the earliest offsets, does not mail years of old events.
-- It is when this database was created: V1's installation (on a new database, a moment ago). Flyway keeps
-- installed_on as a timestamp without time zone in the migrating session's time zone, read back the same way here.
-- notifications.send-after, if set, overrides it.
CREATE TABLE send_after (
    only_row  boolean PRIMARY KEY DEFAULT true CHECK (only_row),
    at        timestamptz NOT NULL
);

INSERT INTO send_after (at)
SELECT coalesce((SELECT min(installed_on) FROM flyway_schema_history WHERE version = '1'), now());

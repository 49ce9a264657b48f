-- The linear event store: one append-only table, every event of every stream of this service.
-- global_position orders inserts; transaction_id lets readers follow commit order without skipping
-- events of transactions that commit out of order (see ReadAll in PostgresEventStore).
CREATE TABLE events (
    global_position bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    transaction_id  xid8        NOT NULL DEFAULT pg_current_xact_id(),
    stream_id       uuid        NOT NULL,
    stream_type     text        NOT NULL,
    version         int         NOT NULL CHECK (version > 0),
    event_type      text        NOT NULL,
    schema_version  int         NOT NULL,
    message_id      uuid        NOT NULL,
    payload         jsonb       NOT NULL,
    metadata        jsonb       NOT NULL,
    recorded_at     timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT events_stream_version_unique UNIQUE (stream_id, version)
);

-- readAll walks this index: (transaction_id, global_position) is the commit-order position.
CREATE INDEX events_commit_order ON events (transaction_id, global_position);

-- The latest snapshot of a stream; older ones are overwritten. Snapshots are a cache: dropping them is safe.
CREATE TABLE snapshots (
    stream_id      uuid        PRIMARY KEY,
    stream_type    text        NOT NULL,
    version        int         NOT NULL,
    schema_version int         NOT NULL,
    payload        jsonb       NOT NULL,
    taken_at       timestamptz NOT NULL DEFAULT now()
);

-- How far each reader of the event table (the relay, in-process projections) has come.
CREATE TABLE subscription_checkpoints (
    subscription    text   PRIMARY KEY,
    transaction_id  xid8   NOT NULL,
    global_position bigint NOT NULL,
    updated_at      timestamptz NOT NULL DEFAULT now()
);

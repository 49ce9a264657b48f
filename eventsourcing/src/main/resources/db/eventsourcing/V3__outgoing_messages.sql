-- Outgoing messages: every message this service still has to send to Kafka, and those it sent lately.
-- One table serves two needs: a command to send now is due now (it is enqueued in the transaction that
-- decided it, and sent after commit), and a scheduled message (a reservation's expiry) is due later.
-- The dispatcher (OutgoingMessageDispatcher) claims due rows with FOR UPDATE SKIP LOCKED, sends them and
-- sets sent_at in the same transaction. A failed send counts an attempt and keeps the error; a message
-- that failed by itself (not for want of a broker) is moved back by a backoff: due_at means "not to be
-- sent before".
CREATE TABLE outgoing_messages (
    message_id  uuid        PRIMARY KEY,
    -- Ties between equal due times are broken by enqueue order, so the commands one transaction
    -- enqueues go out in the order they were given.
    position    bigint      GENERATED ALWAYS AS IDENTITY,
    topic       text        NOT NULL,
    message_key text,
    payload     bytea       NOT NULL, -- the record's value, as the caller encoded it
    headers     jsonb       NOT NULL DEFAULT '{}',
    due_at      timestamptz NOT NULL,
    created_at  timestamptz NOT NULL DEFAULT now(),
    sent_at     timestamptz,
    attempts    int         NOT NULL DEFAULT 0,
    last_error  text
);

-- What the dispatcher reads: unsent rows by due time. Sent rows drop out of this index.
CREATE INDEX outgoing_messages_due ON outgoing_messages (due_at, position) WHERE sent_at IS NULL;

-- What the retention clean-up reads: sent rows by age.
CREATE INDEX outgoing_messages_sent ON outgoing_messages (sent_at) WHERE sent_at IS NOT NULL;

-- The state of each process manager (one row per process, e.g. one RegistrationProcessManager per order).
-- version guards against lost updates: a save names the version it loaded and fails if another
-- instance saved in between. The commands a save decides are enqueued in outgoing_messages in the same
-- transaction.
CREATE TABLE process_managers (
    process_id   uuid        PRIMARY KEY,
    process_type text        NOT NULL,
    state        jsonb       NOT NULL,
    version      int         NOT NULL CHECK (version > 0),
    completed    boolean     NOT NULL DEFAULT false,
    created_at   timestamptz NOT NULL DEFAULT now(),
    updated_at   timestamptz NOT NULL DEFAULT now()
);

-- Open processes by age: to find processes that seem stuck (see ProcessManagerStore.findStale).
CREATE INDEX process_managers_open ON process_managers (process_type, updated_at) WHERE NOT completed;

-- Messages each consumer has processed. A handler records the message in the same transaction as its
-- effects, so a redelivered message finds its row and is skipped, and a failed one leaves no row behind.
CREATE TABLE inbox (
    consumer     text        NOT NULL,
    message_id   uuid        NOT NULL,
    processed_at timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (consumer, message_id)
);

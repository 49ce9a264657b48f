-- The simulated processor's payer links: a payment's page and answers (/payment-processor/{paymentId}?secret=...)
-- open only with the secret of the link the payer was sent to, as a real hosted payment page's URL carries a token.
-- Only the secret's SHA-256 is kept. Starting the same payment again issues a new link, which replaces this row.
CREATE TABLE payer_links (
    payment_id      uuid        PRIMARY KEY,
    secret_sha256   bytea       NOT NULL,
    issued_at       timestamptz NOT NULL DEFAULT now()
);

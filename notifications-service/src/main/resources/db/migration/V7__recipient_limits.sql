-- Mails to one person, counted together (the recipient limits): the address in lower case without a "+tag", as most
-- mailboxes deliver victim+1@… and Victim@… to one inbox. A mail over its recipient's limits is SUPPRESSED: kept to be
-- looked at and purged like the others, never sent.
ALTER TABLE mails ADD COLUMN recipient_key text
    GENERATED ALWAYS AS (regexp_replace(lower(recipient), '\+[^@]*@', '@')) STORED;
ALTER TABLE mails DROP CONSTRAINT mails_status_check;
ALTER TABLE mails ADD CONSTRAINT mails_status_check CHECK (status IN ('PENDING', 'SENT', 'FAILED', 'SUPPRESSED'));
CREATE INDEX mails_sent_to ON mails (recipient_key, sent_at) WHERE status = 'SENT';

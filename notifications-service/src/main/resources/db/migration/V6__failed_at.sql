-- When a mail was given up, for the operators' list of failed mails (GET /api/admin/mails?state=FAILED), newest first.
-- Mails failed before this column: their last attempt was due at next_attempt_at and made within a round of the
-- sender after it, the nearest time known.
ALTER TABLE mails ADD COLUMN failed_at timestamptz;
UPDATE mails SET failed_at = next_attempt_at WHERE status = 'FAILED';
CREATE INDEX mails_failed ON mails (failed_at DESC) WHERE status = 'FAILED';

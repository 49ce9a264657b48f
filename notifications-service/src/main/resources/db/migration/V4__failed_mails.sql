-- A mail the SMTP server refuses for good (5xx, invalid recipient), or that still fails after
-- notifications.sender.max-attempts, is FAILED: never tried again, kept (until purged) to be looked at.
ALTER TABLE mails DROP CONSTRAINT mails_status_check;
ALTER TABLE mails ADD CONSTRAINT mails_status_check CHECK (status IN ('PENDING', 'SENT', 'FAILED'));

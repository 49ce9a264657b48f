-- A SUPPRESSED mail an operator sends again (POST /api/admin/mails/{id}/resend) is sent whatever its recipient's limits
-- say: the operator looked at it. Every other mail is held to them.
ALTER TABLE mails ADD COLUMN limits_waived boolean NOT NULL DEFAULT false;

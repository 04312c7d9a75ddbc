-- E-mail copies of notifications (where SMTP is configured): sent after the step's transaction commits;
-- a failure is recorded here and retried a few times, never undoing the step.
ALTER TABLE notification ADD COLUMN mail_status VARCHAR(10);        -- NULL: no mail configured; PENDING, SENT, FAILED, NONE (no address)
ALTER TABLE notification ADD COLUMN mail_attempts INTEGER DEFAULT 0 NOT NULL;
ALTER TABLE notification ADD COLUMN mail_error VARCHAR(500);
ALTER TABLE notification ADD COLUMN mailed_at TIMESTAMP WITH TIME ZONE;
CREATE INDEX notification_mail_status ON notification (mail_status);

-- A burst of notifications to one recipient (a plan upload, a council round) is shown as one digest: the
-- notifications folded into it keep their rows (the dossier trail still lists them) but point to the digest,
-- and readers see and count only the digest.
ALTER TABLE notification ADD COLUMN digest_id VARCHAR(36);
CREATE INDEX notification_digest ON notification (digest_id);

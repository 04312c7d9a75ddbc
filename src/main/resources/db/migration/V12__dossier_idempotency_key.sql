-- Idempotency-Key of POST /api/dossiers (draft-ietf-httpapi-idempotency-key-header): a client that lost the
-- response to a submission (timeout, broken connection, a node that died) sends the same request again with the
-- same key and gets the dossier its first attempt created, instead of a second dossier or a 409 it cannot tell
-- from a real duplicate. The key is the user's (created_by); the fingerprint (SHA-256 of the fields and of each
-- document) tells a true retry from a different request that reuses the key (422).
ALTER TABLE dossier ADD COLUMN idempotency_key VARCHAR(255);
ALTER TABLE dossier ADD COLUMN request_fingerprint CHAR(64);
-- Serves the look-up of a retried request (created_by = ? AND idempotency_key = ?) and makes two requests with
-- one key that race each other create one dossier: the second waits for the first's commit, then fails here.
-- Rows without a key (NULL) are not unique-checked, on PostgreSQL as on H2.
CREATE UNIQUE INDEX dossier_idempotency_key ON dossier (created_by, idempotency_key);

-- The project's own audit records: append-only, each hashed and chained to the previous one
-- (vn.gov.sonla.tdkt.audit.AuditLog). seq is gapless and assigned under the row lock of the counter
-- 'audit', so the chain is a total order. The refusal of UPDATE/DELETE is vendor-specific:
-- db/vendor/{postgresql,h2}/V6_1__audit_append_only.sql.
CREATE TABLE audit_record (
    seq           BIGINT        PRIMARY KEY,
    recorded_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    actor         VARCHAR(64)   NOT NULL,             -- Camunda user id, or 'system'
    dossier_code  VARCHAR(40),
    kind          VARCHAR(40)   NOT NULL,             -- STATUS_CHANGED, DOCUMENT_ADDED, DECISION_ISSUED, ...
    detail        VARCHAR(8000) NOT NULL,             -- canonical JSON (keys sorted)
    prev_hash     CHAR(64)      NOT NULL,             -- hash of seq - 1; 64 zeros for the first record
    hash          CHAR(64)      NOT NULL              -- SHA-256 hex of seq|recorded_at|actor|dossier_code|kind|detail|prev_hash
);
CREATE INDEX audit_record_dossier ON audit_record (dossier_code);

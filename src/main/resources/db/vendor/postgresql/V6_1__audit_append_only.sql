-- Audit records are append-only: the database refuses UPDATE, DELETE and TRUNCATE whoever asks.
-- (A superuser can still disable the trigger; the hash chain, GET /api/audit/verify, detects that.)
CREATE FUNCTION audit_record_append_only() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'audit_record is append-only: % refused', TG_OP
        USING ERRCODE = 'insufficient_privilege',
              HINT = 'Audit records are never changed or deleted (vn.gov.sonla.tdkt.audit.AuditLog).';
END;
$$;

CREATE TRIGGER audit_record_no_update_delete
    BEFORE UPDATE OR DELETE ON audit_record
    FOR EACH ROW EXECUTE FUNCTION audit_record_append_only();

CREATE TRIGGER audit_record_no_truncate
    BEFORE TRUNCATE ON audit_record
    FOR EACH STATEMENT EXECUTE FUNCTION audit_record_append_only();

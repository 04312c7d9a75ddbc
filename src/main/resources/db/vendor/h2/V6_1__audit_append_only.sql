-- Audit records are append-only (H2, the demo database): UPDATE and DELETE are refused by a Java
-- trigger. H2 fires no trigger on TRUNCATE; the application has no such path either.
CREATE TRIGGER audit_record_no_update_delete
    BEFORE UPDATE, DELETE ON audit_record
    FOR EACH ROW CALL 'vn.gov.sonla.tdkt.audit.AppendOnlyTrigger';

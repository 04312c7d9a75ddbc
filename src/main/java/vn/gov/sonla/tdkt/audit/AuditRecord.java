package vn.gov.sonla.tdkt.audit;

import java.time.Instant;

/** One audit record, as stored; {@code detail} is canonical JSON. */
public record AuditRecord(long seq, Instant recordedAt, String actor, String dossierCode, String kind, String detail,
    String prevHash, String hash) {}

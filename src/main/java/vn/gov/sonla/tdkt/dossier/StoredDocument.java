package vn.gov.sonla.tdkt.dossier;

import java.time.OffsetDateTime;

/** A document's metadata (its bytes are read separately). */
public record StoredDocument(
    String id,
    String dossierCode,
    DocumentType type,
    String fileName,
    String contentType,
    long sizeBytes,
    String sha256,
    String uploadedBy,
    OffsetDateTime uploadedAt) {}

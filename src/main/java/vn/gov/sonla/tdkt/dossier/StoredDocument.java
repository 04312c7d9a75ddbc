package vn.gov.sonla.tdkt.dossier;

import java.time.OffsetDateTime;
import vn.gov.sonla.tdkt.award.DocumentType;

/**
 * A document's metadata (its bytes are read separately). {@code signatureStatus}: what verifying its digital
 * signatures at intake found (VALID, INVALID, UNSIGNED, NOT_PDF; null for documents stored before the check).
 */
public record StoredDocument(
    String id,
    String dossierCode,
    DocumentType type,
    String fileName,
    String contentType,
    long sizeBytes,
    String sha256,
    String uploadedBy,
    OffsetDateTime uploadedAt,
    String signatureStatus,
    String signatureSigner,
    String signatureProblem) {}

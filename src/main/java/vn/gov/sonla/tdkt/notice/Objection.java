package vn.gov.sonla.tdkt.notice;

import java.time.OffsetDateTime;

public record Objection(String id, String dossierCode, String objectorName, String objectorContact, String content,
    String clientAddress, OffsetDateTime filedAt, String status, String finding, String reviewedBy,
    OffsetDateTime reviewedAt) {}

package vn.gov.sonla.tdkt.notice;

import java.time.OffsetDateTime;

/**
 * An objection to a dossier under public notice. {@code reference} is the number the citizen is given
 * ({@code PA-<year>-<nnnn>}, gapless per year), shown to them and kept in the trail.
 */
public record Objection(String id, String dossierCode, String objectorName, String objectorContact, String content,
    String clientAddress, OffsetDateTime filedAt, String status, String finding, String reviewedBy,
    OffsetDateTime reviewedAt, String reference) {}

package vn.gov.sonla.tdkt.decision;

import java.time.OffsetDateTime;

/**
 * A decision of the Chairman (its PDF is read separately): number {@code <seq>/<register>}, unique per year and
 * register; {@code numberedBy} the clerk who entered the number, null when the system's register gave it.
 */
public record Decision(String id, int decisionYear, int seq, String register, String number, String dossierCode,
    String signedBy, OffsetDateTime signedAt, String pdfSha256, String numberedBy) {}

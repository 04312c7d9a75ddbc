package vn.gov.sonla.tdkt.decision;

import java.time.OffsetDateTime;

/** A decision of the Chairman (its PDF is read separately). */
public record Decision(String id, int decisionYear, int seq, String number, String dossierCode, String signedBy,
    OffsetDateTime signedAt, String pdfSha256) {}

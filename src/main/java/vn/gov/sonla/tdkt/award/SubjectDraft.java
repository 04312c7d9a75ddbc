package vn.gov.sonla.tdkt.award;

import java.time.LocalDate;

/**
 * What a register entry, an import row or a dossier says about its subject. {@code citizenIdHash} is the
 * HMAC of the citizen ID ({@link CitizenIds}), never the number itself.
 */
public record SubjectDraft(SubjectKind kind, String name, LocalDate birthDate, String unitCode, String workUnit,
    String position, String role, String citizenIdHash) {

  public String identityKey() {
    return SubjectKey.of(kind, name, kind == SubjectKind.INDIVIDUAL ? birthDate : null, unitCode);
  }
}

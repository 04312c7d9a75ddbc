package vn.gov.sonla.tdkt.award;

import java.time.LocalDate;

/** An entry of the award register. */
public record AwardRecord(
    String id,
    String subjectKind,
    String subjectName,
    LocalDate subjectBirthDate,
    String subjectUnit,
    String subjectKey,
    String awardType,
    String awardKind,
    int awardYear,
    String decisionNumber,
    LocalDate decisionDate,
    String decidedBy,
    String source,
    String dossierCode,
    String subjectId,
    String subjectRole) {

  /** An entry not yet linked to a subject of the register. */
  public AwardRecord(String id, String subjectKind, String subjectName, LocalDate subjectBirthDate, String subjectUnit,
      String subjectKey, String awardType, String awardKind, int awardYear, String decisionNumber,
      LocalDate decisionDate, String decidedBy, String source, String dossierCode) {
    this(id, subjectKind, subjectName, subjectBirthDate, subjectUnit, subjectKey, awardType, awardKind, awardYear,
        decisionNumber, decisionDate, decidedBy, source, dossierCode, null, null);
  }
}

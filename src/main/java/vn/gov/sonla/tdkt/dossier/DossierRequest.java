package vn.gov.sonla.tdkt.dossier;

import java.time.LocalDate;

/**
 * The fields of a dossier as sent by a unit officer. Enumerations arrive as strings, so that a bad
 * value is reported on its field like any other bad input.
 */
public record DossierRequest(
    String unitCode,
    String awardType,
    String awardKind,
    Integer year,
    String subjectKind,
    String subjectName,
    LocalDate birthDate,
    String position,
    String workUnit,
    String achievements,
    String movementId) {

  /** A request outside any thematic movement. */
  public DossierRequest(String unitCode, String awardType, String awardKind, Integer year, String subjectKind,
      String subjectName, LocalDate birthDate, String position, String workUnit, String achievements) {
    this(unitCode, awardType, awardKind, year, subjectKind, subjectName, birthDate, position, workUnit, achievements,
        null);
  }
}

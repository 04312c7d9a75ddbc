package vn.gov.sonla.tdkt.dossier;

import jakarta.validation.Valid;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Size;

import java.time.LocalDate;
import vn.gov.sonla.tdkt.award.DeclaredFacts;

/**
 * The fields of a dossier as sent by a unit officer. Enumerations arrive as strings, so that a bad
 * value is reported on its field like any other bad input. The rules of a field alone are declared here (Bean
 * Validation, messages in ValidationMessages_vi.properties); {@link DossierValidator} checks them with the rules that
 * depend on the draft or submission, the catalogue and the other fields, and reports every bad field at once.
 */
public record DossierRequest(
    String unitCode,
    String awardType,
    String awardKind,
    Integer year,
    String subjectKind,
    String subjectName,
    @PastOrPresent(message = "{dossier.birthDate.past}") LocalDate birthDate,
    @Size(max = 200, message = "{dossier.position.size}") String position,
    @Size(max = 200, message = "{dossier.workUnit.size}") String workUnit,
    @Size(max = 8000, message = "{dossier.achievements.size}") String achievements,
    String movementId,
    String subjectRole,
    @Valid DeclaredFacts declaredFacts) {

  /** A request outside any thematic movement. */
  public DossierRequest(String unitCode, String awardType, String awardKind, Integer year, String subjectKind,
      String subjectName, LocalDate birthDate, String position, String workUnit, String achievements) {
    this(unitCode, awardType, awardKind, year, subjectKind, subjectName, birthDate, position, workUnit, achievements,
        null, null, null);
  }

  public DossierRequest(String unitCode, String awardType, String awardKind, Integer year, String subjectKind,
      String subjectName, LocalDate birthDate, String position, String workUnit, String achievements,
      String movementId) {
    this(unitCode, awardType, awardKind, year, subjectKind, subjectName, birthDate, position, workUnit, achievements,
        movementId, null, null);
  }

  /** The same request with the subject's role. */
  public DossierRequest withRole(String role) {
    return new DossierRequest(unitCode, awardType, awardKind, year, subjectKind, subjectName, birthDate, position,
        workUnit, achievements, movementId, role, declaredFacts);
  }

  /** The same request with declared facts. */
  public DossierRequest withFacts(DeclaredFacts facts) {
    return new DossierRequest(unitCode, awardType, awardKind, year, subjectKind, subjectName, birthDate, position,
        workUnit, achievements, movementId, subjectRole, facts);
  }
}

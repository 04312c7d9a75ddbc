package vn.gov.sonla.tdkt.dossier;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import vn.gov.sonla.tdkt.award.AwardKind;
import vn.gov.sonla.tdkt.award.SubjectKind;

/** A row of the dossier read model. */
public record Dossier(
    String code,
    String unitCode,
    String awardType,
    AwardKind awardKind,
    int awardYear,
    SubjectKind subjectKind,
    String subjectName,
    LocalDate subjectBirthDate,
    String subjectPosition,
    String subjectWorkUnit,
    String achievements,
    DossierStatus status,
    String statusReason,
    String processInstanceId,
    String createdBy,
    OffsetDateTime createdAt,
    OffsetDateTime submittedAt,
    OffsetDateTime updatedAt) {

  public String unitGroup() {
    return "unit-" + unitCode;
  }

  /** Position and work unit of an individual, for documents and forms. */
  public String subjectDetails() {
    if (subjectKind != SubjectKind.INDIVIDUAL) {
      return "";
    }
    StringBuilder details = new StringBuilder();
    if (subjectPosition != null && !subjectPosition.isBlank()) {
      details.append(subjectPosition);
    }
    if (subjectWorkUnit != null && !subjectWorkUnit.isBlank()) {
      if (!details.isEmpty()) {
        details.append(", ");
      }
      details.append(subjectWorkUnit);
    }
    return details.toString();
  }
}

package vn.gov.sonla.tdkt.dossier;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

/** A dossier as the API shows it. */
public record DossierView(
    String code,
    String unitCode,
    String unitName,
    String awardType,
    String awardTypeName,
    AwardKind awardKind,
    int year,
    SubjectKind subjectKind,
    String subjectName,
    LocalDate birthDate,
    String position,
    String workUnit,
    String achievements,
    String subjectRole,
    DeclaredFacts declaredFacts,
    DossierStatus status,
    String statusLabel,
    String statusReason,
    List<String> currentSteps,
    List<DocumentView> documents,
    DecisionView decision,
    String createdBy,
    OffsetDateTime createdAt,
    OffsetDateTime submittedAt) {

  public record DocumentView(String id, DocumentType type, String typeLabel, String fileName, String contentType,
      long sizeBytes, String sha256, String uploadedBy, OffsetDateTime uploadedAt, String url) {}

  public record DecisionView(String number, OffsetDateTime signedAt, String signedBy, String pdfSha256, String url) {}

  /** The list form: no documents, steps or decision. */
  public record Summary(String code, String unitCode, String awardType, AwardKind awardKind, int year,
      SubjectKind subjectKind, String subjectName, DossierStatus status, String statusLabel,
      OffsetDateTime createdAt, OffsetDateTime submittedAt) {

    static Summary of(Dossier d) {
      return new Summary(d.code(), d.unitCode(), d.awardType(), d.awardKind(), d.awardYear(), d.subjectKind(),
          d.subjectName(), d.status(), d.status().label(), d.createdAt(), d.submittedAt());
    }
  }
}

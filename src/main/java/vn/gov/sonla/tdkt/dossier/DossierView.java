package vn.gov.sonla.tdkt.dossier;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import vn.gov.sonla.tdkt.award.AwardKind;
import vn.gov.sonla.tdkt.award.DeclaredFacts;
import vn.gov.sonla.tdkt.award.DocumentType;
import vn.gov.sonla.tdkt.award.SubjectKind;

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
    String createdByName,
    OffsetDateTime createdAt,
    OffsetDateTime submittedAt,
    vn.gov.sonla.tdkt.calendar.ProcedureDeadlines.View procedureDeadline) {

  /**
   * A document; {@code signature}: its digital signatures as verified at intake (VALID, INVALID, UNSIGNED, NOT_PDF;
   * null when stored before the check), with a Vietnamese label, the signer and why it is invalid.
   */
  public record DocumentView(String id, DocumentType type, String typeLabel, String fileName, String contentType,
      long sizeBytes, String sha256, String uploadedBy, String uploadedByName, OffsetDateTime uploadedAt,
      String url, String signature, String signatureLabel, String signatureSigner, String signatureProblem) {}

  /**
   * The provincial decision on the dossier: {@code signedByName} is the signer's full name; {@code certificateUrl}
   * the certificate (bằng khen) once the dossier is awarded; {@code rewardAmount} the reward in đồng (coefficient of
   * the award × base salary, both in force on the signing date), null when either is not configured;
   * {@code signatureValid} whether its PAdES signature verifies now (false when unsigned or changed),
   * {@code signatureStatus} and {@code signatureLabel} say which.
   */
  public record DecisionView(String number, OffsetDateTime signedAt, String signedBy, String signedByName,
      String pdfSha256, String url, String certificateUrl, Long rewardAmount, String rewardBasis,
      boolean signatureValid, String signatureStatus, String signatureLabel, String signatureSigner) {}

  /** The list form: no documents, steps or decision. */
  public record Summary(String code, String unitCode, String unitName, String awardType, String awardTypeName,
      AwardKind awardKind, int year, SubjectKind subjectKind, String subjectName, DossierStatus status,
      String statusLabel, OffsetDateTime createdAt, OffsetDateTime submittedAt) {

    static Summary of(Dossier d, String unitName, String awardTypeName) {
      return new Summary(d.code(), d.unitCode(), unitName, d.awardType(), awardTypeName, d.awardKind(), d.awardYear(),
          d.subjectKind(), d.subjectName(), d.status(), d.status().label(), d.createdAt(), d.submittedAt());
    }
  }
}

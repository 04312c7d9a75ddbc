package vn.gov.sonla.tdkt.support;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import vn.gov.sonla.tdkt.award.AwardRecord;
import vn.gov.sonla.tdkt.award.AwardRegister;
import vn.gov.sonla.tdkt.award.DocumentType;
import vn.gov.sonla.tdkt.award.Subject;
import vn.gov.sonla.tdkt.award.SubjectDraft;
import vn.gov.sonla.tdkt.award.SubjectKind;
import vn.gov.sonla.tdkt.award.Subjects;
import vn.gov.sonla.tdkt.dossier.DossierRequest;
import vn.gov.sonla.tdkt.dossier.Upload;
import vn.gov.sonla.tdkt.identity.CurrentUser;

/** Dossier requests and documents for tests. */
public final class TestDossiers {

  public static final CurrentUser OFFICER_SGDDT = new CurrentUser("officer.sgddt", Set.of("unit-sgddt"));
  public static final CurrentUser OFFICER_SYT = new CurrentUser("officer.syt", Set.of("unit-syt"));

  private TestDossiers() {}

  /** An individual proposed for the Chairman's certificate of merit, with a unique name. */
  public static DossierRequest individual(String awardKind) {
    return individual(awardKind, LocalDate.now().getYear());
  }

  /** The same, for an award year of the test's own (full-application tests share their database). */
  public static DossierRequest individual(String awardKind, int year) {
    return new DossierRequest(null, "BK_TINH", awardKind, year, "INDIVIDUAL",
        "Nguyễn Thị Hương " + UUID.randomUUID().toString().substring(0, 8), LocalDate.of(1985, 3, 12),
        "Giáo viên", "Trường THPT Chiềng Sinh",
        "Hoàn thành xuất sắc nhiệm vụ năm học; sáng kiến đổi mới phương pháp dạy học được áp dụng toàn tỉnh.")
        .withRole("DIRECT_WORKER");
  }

  /**
   * A direct worker of the unit sgddt with "Chiến sĩ thi đua cơ sở" in the award register for 2023, 2024 and 2025
   * (three years running); to be called in a transaction.
   */
  public static Subject subjectWithCstdcsYears(Subjects subjects, AwardRegister register, String name,
      LocalDate birth) {
    Subject subject = subjects.resolve(new SubjectDraft(SubjectKind.INDIVIDUAL, name, birth, "sgddt", null, null,
        "DIRECT_WORKER", null));
    for (int y = 2023; y <= 2025; y++) {
      register.record(new AwardRecord(UUID.randomUUID().toString(), "INDIVIDUAL", name, birth, "Trường", "k",
          "CSTD_CS", "ANNUAL", y, y + "/QĐ-SGDĐT", LocalDate.of(y, 12, 20), "Giám đốc Sở", "UNIT", null,
          subject.id(), "DIRECT_WORKER"));
    }
    return subject;
  }

  public static byte[] pdf(String text) {
    return ("%PDF-1.4\n% " + text + "\n%%EOF\n").getBytes(StandardCharsets.UTF_8);
  }

  public static Upload upload(DocumentType type) {
    return new Upload(type, type.name().toLowerCase() + ".pdf", "application/pdf", pdf(type.name()));
  }

  /** The documents required for the kind: normal procedure, or SUDDEN (simplified). */
  public static List<Upload> requiredUploads(String awardKind) {
    List<Upload> uploads = new ArrayList<>();
    uploads.add(upload(DocumentType.PROPOSAL_LETTER));
    if ("SUDDEN".equals(awardKind)) {
      uploads.add(upload(DocumentType.ACHIEVEMENT_SUMMARY));
    } else {
      uploads.add(upload(DocumentType.ACHIEVEMENT_REPORT));
      uploads.add(upload(DocumentType.REVIEW_MINUTES));
    }
    return uploads;
  }
}

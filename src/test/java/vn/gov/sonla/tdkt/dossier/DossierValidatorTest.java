package vn.gov.sonla.tdkt.dossier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.time.LocalDate;
import java.time.Year;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import vn.gov.sonla.tdkt.award.AwardCatalog;
import vn.gov.sonla.tdkt.award.AwardLevel;
import vn.gov.sonla.tdkt.award.AwardType;
import vn.gov.sonla.tdkt.award.DocumentType;
import vn.gov.sonla.tdkt.award.RequiredDocuments;
import vn.gov.sonla.tdkt.kernel.FieldProblem;
import vn.gov.sonla.tdkt.kernel.InvalidDossierException;

/** What a draft and a submission need, and the Vietnamese sentences that name what is missing (issue 17). */
class DossierValidatorTest {

  final AwardCatalog catalog = mock(AwardCatalog.class);
  final RequiredDocuments required = mock(RequiredDocuments.class);
  final DossierValidator validator = new DossierValidator(catalog, required, List.of(),
      java.time.Clock.system(java.time.ZoneId.of("Asia/Ho_Chi_Minh")));

  {
    when(catalog.find(anyString())).thenReturn(Optional.empty());
    when(catalog.find("BK_TINH")).thenReturn(Optional.of(new AwardType("BK_TINH", "Bằng khen của Chủ tịch UBND tỉnh",
        AwardLevel.PROVINCIAL, Set.of("INDIVIDUAL", "COLLECTIVE"), "Luật TĐKT 2022, Điều 74")));
    when(required.forDossier(anyString(), any())).thenReturn(List.of(DocumentType.PROPOSAL_LETTER));
  }

  static DossierRequest nameAndYearOnly() {
    return new DossierRequest(null, null, null, Year.now().getValue(), null, "Lò Thị Xuân", null, null, null, null);
  }

  static List<String> fields(List<FieldProblem> problems) {
    return problems.stream().map(FieldProblem::field).toList();
  }

  @Test
  void aDraftNeedsOnlyItsYearAndSubjectName() {
    assertThat(validator.checkDraft(nameAndYearOnly())).isEmpty();
    assertThat(fields(validator.checkDraft(new DossierRequest(null, null, null, null, null, " ", null, null, null,
        null)))).containsExactlyInAnyOrder("year", "subjectName");
  }

  @Test
  void aDraftsChosenValuesMustStillBeValid() {
    DossierRequest bad = new DossierRequest(null, "HUY_CHUONG", "FOREVER", Year.now().getValue(), "ROBOT", "Lò Thị Xuân",
        null, null, null, null);
    assertThat(fields(validator.checkDraft(bad))).containsExactlyInAnyOrder("awardType", "awardKind", "subjectKind");
  }

  @Test
  void aSubmissionNamesTheMissingFieldsInItsDetail() {
    List<FieldProblem> problems = validator.checkSubmission(nameAndYearOnly(), Set.of());
    assertThat(fields(problems)).contains("awardType", "awardKind", "subjectKind", "achievements");
    InvalidDossierException refused = DossierValidator.submissionRefused(problems);
    assertThat(refused.detail()).isEqualTo("Chưa nộp được hồ sơ: còn thiếu hình thức khen thưởng, loại hình khen"
        + " thưởng, đối tượng là cá nhân hay tập thể, tóm tắt thành tích.");
    assertThat(refused.problems()).isEqualTo(problems);
  }

  @Test
  void aSubmissionMissingADocumentNamesIt() {
    DossierRequest complete = new DossierRequest(null, "BK_TINH", "SUDDEN", Year.now().getValue(), "COLLECTIVE",
        "Đội cứu hộ xã Mường La", null, null, null, "Cứu hộ trong lũ quét.").withRole("COLLECTIVE");
    InvalidDossierException refused = DossierValidator.submissionRefused(validator.checkSubmission(complete, Set.of()));
    assertThat(refused.detail()).isEqualTo("Chưa nộp được hồ sơ: còn thiếu tờ trình đề nghị khen thưởng.");
  }

  @Test
  void malformedValuesKeepTheGeneralDetail() {
    DossierRequest bad = new DossierRequest(null, "BK_TINH", "SUDDEN", Year.now().getValue(), "ROBOT",
        "Đội cứu hộ", null, null, null, "Cứu hộ.");
    assertThat(DossierValidator.submissionRefused(validator.checkSubmission(bad, Set.of(DocumentType.PROPOSAL_LETTER)))
        .detail()).isNull();
  }

  @Test
  void aFutureBirthDateSaysSo() {
    assertThat(vn.gov.sonla.tdkt.award.SubjectKey.birthDateProblem(LocalDate.now().plusDays(1), LocalDate.now()))
        .isEqualTo("Ngày sinh không được sau ngày hôm nay.");
    DossierRequest future = new DossierRequest(null, null, null, Year.now().getValue(), "INDIVIDUAL", "Cầm Văn Thanh",
        LocalDate.now().plusYears(1), null, null, null);
    assertThat(validator.checkDraft(future)).containsExactly(
        new FieldProblem("birthDate", "Ngày sinh không được sau ngày hôm nay."));
  }
}

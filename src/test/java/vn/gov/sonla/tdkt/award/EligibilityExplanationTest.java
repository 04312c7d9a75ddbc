package vn.gov.sonla.tdkt.award;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Explanations a person can act on (issue 17): each unmet criterion names what the rule needs and what the
 * register holds, by year; no internal ids or table names reach the appraisal form.
 */
class EligibilityExplanationTest {

  @Test
  void aRunThatDoesNotReachTheDossiersYearNamesTheMissingYear() {
    String text = EligibilityExplanation.of("BK_TINH_BASIS", 2026,
        Map.of("CSTD_CS", List.of(2023, 2024, 2025), "EXCELLENT", List.of()));
    assertThat(text).isEqualTo("Cần Chiến sĩ thi đua cơ sở các năm 2025 và 2026; sổ khen thưởng có 2023, 2024 và 2025"
        + " — thiếu 2026; hoặc cần hoàn thành xuất sắc nhiệm vụ các năm 2025 và 2026; sổ khen thưởng có không năm nào"
        + " — thiếu 2025 và 2026.");
  }

  @Test
  void threeYearsForTheProvincialEmulationFighter() {
    assertThat(EligibilityExplanation.of("CSTD_TINH_CSTDCS_3", 2026, Map.of("CSTD_CS", List.of(2024, 2026))))
        .isEqualTo("Cần Chiến sĩ thi đua cơ sở các năm 2024, 2025 và 2026; sổ khen thưởng có 2024 và 2026 — thiếu 2025.");
  }

  @Test
  void criteriaWithoutYearsHaveNoDetail() {
    assertThat(EligibilityExplanation.of("PROCEEDINGS_PENDING", 2026, Map.of())).isNull();
  }

  @Test
  void theAppraisalFormShowsTheDetailAndNoInternalNames() throws Exception {
    String form = Files.readString(Path.of("forms/appraisal.form"));
    // the detail shown, as every user-visible value, escaped so that it renders as text (FormTextInertTest)
    assertThat(form).contains("{{replace(string(this.detail)").doesNotContain("eligibility.decisionKey")
        .doesNotContain("eligibility.versionTag").doesNotContain("bảng tiêu chuẩn");
  }
}

package vn.gov.sonla.tdkt.legal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.FileInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import vn.gov.sonla.tdkt.award.AwardCatalog;
import vn.gov.sonla.tdkt.award.AwardConsultation;
import vn.gov.sonla.tdkt.calendar.DeadlineProperties;

/**
 * Issue 16, item 6, in the register of legal values: the consultation before the council (Decree 98/2023 Art. 46(2)
 * as summarised) is marked "to confirm" wherever it is cited — the setting's row (10 working days as shipped), the
 * catalogue's mark on HCLD_3 and every row of the DMN council-consultation.
 */
class ConsultationLegalBasisTest {

  @Test
  void theShippedSettingIsTenWorkingDaysToConfirm() {
    DeadlineProperties shipped = LegalFixtures.settings().bind("tdkt.deadlines", DeadlineProperties.class).get();
    assertThat(shipped.consultationWorkingDays()).isEqualTo(10);
    assertThat(new DeadlineProperties(10, 2, 5).consultationWorkingDays()).isEqualTo(10);

    LegalValue row = LegalBasisService.deadlines(shipped).stream()
        .filter(r -> r.key().equals("tdkt.deadlines.consultation-working-days")).findFirst().orElseThrow();
    assertThat(row.value()).isEqualTo("10 ngày làm việc");
    assertThat(row.source()).contains("Nghị định 98/2023/NĐ-CP, Điều 46 khoản 2");
    assertThat(row.reading()).isEqualTo(LegalValue.Reading.TO_CONFIRM);
  }

  @Test
  void theCatalogueMarksTheLabourOrderWithItsSourceToConfirm() {
    JdbcClient jdbc = LegalFixtures.migratedDatabase("consultation-mark");
    AwardCatalog catalog = new AwardCatalog(jdbc);
    AwardConsultation consultation = new AwardConsultation(catalog);
    assertThat(consultation.marked("HCLD_3")).isTrue();
    assertThat(consultation.marked("BK_TINH")).isFalse();
    assertThat(consultation.marked("BK_TTG")).isFalse();
    assertThat(consultation.marked("NO_SUCH_AWARD")).isFalse();
    assertThat(consultation.marked(null)).isFalse();

    List<LegalValue> marks = LegalBasisService.catalogue(catalog).stream()
        .filter(r -> r.category().equals("CONSULTATION")).toList();
    assertThat(marks).singleElement().satisfies(r -> {
      assertThat(r.key()).isEqualTo("HCLD_3/consultation");
      assertThat(r.source()).contains("Nghị định 98/2023/NĐ-CP, Điều 46 khoản 2");
      assertThat(r.reading()).isEqualTo(LegalValue.Reading.TO_CONFIRM);
    });
  }

  @Test
  void everyRowOfTheConsultationTableIsToConfirm() throws IOException {
    try (InputStream in = new FileInputStream("processes/council-consultation.dmn")) {
      List<LegalValue> rows = DecisionTableRows.read(in, null);
      assertThat(rows).extracting(LegalValue::key).containsExactly("council-consultation/Rule_HCLD3",
          "council-consultation/Rule_CatalogueMarked", "council-consultation/Rule_Other");
      assertThat(rows).allSatisfy(r -> assertThat(r.reading()).as(r.key()).isEqualTo(LegalValue.Reading.TO_CONFIRM));
    }
  }
}

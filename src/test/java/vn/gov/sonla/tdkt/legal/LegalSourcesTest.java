package vn.gov.sonla.tdkt.legal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.FileInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import vn.gov.sonla.tdkt.award.AwardCatalog;
import vn.gov.sonla.tdkt.calendar.CalendarDays;

/**
 * Every legal value as shipped carries its source: each row of every decision table (processes/*.dmn), each
 * catalogue and reward row, base salary, rounding rule and calendar day; and each reward, salary and rounding
 * source says how far it was checked (original, secondary source, or to confirm).
 */
class LegalSourcesTest {

  private static List<LegalValue> decisionTableRows() throws IOException {
    List<LegalValue> rows = new ArrayList<>();
    try (Stream<Path> files = Files.list(Path.of("processes"))) {
      for (Path p : files.filter(f -> f.toString().endsWith(".dmn")).sorted().toList()) {
        try (InputStream in = new FileInputStream(p.toFile())) {
          rows.addAll(DecisionTableRows.read(in, null));
        }
      }
    }
    return rows;
  }

  @Test
  void everyDecisionTableRowHasASource() throws IOException {
    List<LegalValue> rows = decisionTableRows();
    assertThat(rows).hasSizeGreaterThan(50);
    assertThat(rows).allSatisfy(r -> assertThat(r.source()).as(r.key()).isNotBlank());
  }

  @Test
  void everyCatalogueRewardSalaryRoundingAndCalendarRowHasASource() {
    JdbcClient jdbc = LegalFixtures.migratedDatabase("legal-sources");
    List<LegalValue> rows = new ArrayList<>();
    rows.addAll(LegalBasisService.values(LegalFixtures.baseSalaries(), LegalFixtures.rounding()));
    rows.addAll(LegalBasisService.catalogue(new AwardCatalog(jdbc)));
    rows.addAll(LegalBasisService.holidays(new CalendarDays(jdbc).all()));
    assertThat(rows).extracting(LegalValue::category)
        .contains("BASE_SALARY", "ROUNDING", "AWARD_TYPE", "REWARD", "CALENDAR");
    assertThat(rows).allSatisfy(r -> assertThat(r.source()).as(r.key()).isNotBlank());
    assertThat(rows).filteredOn(r -> List.of("BASE_SALARY", "ROUNDING", "REWARD").contains(r.category()))
        .allSatisfy(r -> assertThat(r.reading()).as("%s: %s", r.key(), r.source())
            .isNotEqualTo(LegalValue.Reading.UNSTATED));
  }

  @Test
  void theChairmansPowerIsCitedFromArticle79() throws IOException {
    LegalValue provincial = decisionTableRows().stream()
        .filter(r -> r.key().equals("approval-authority/Rule_Provincial")).findFirst().orElseThrow();
    assertThat(provincial.source()).contains("Điều 79").doesNotContain("Điều 80 khoản 4");
  }

  @Test
  void theRegimeRowsCiteTheTransitionalClauseOfDecree152AsToConfirm() throws IOException {
    for (String rule : List.of("Rule_Nd152", "Rule_Nd98")) {
      LegalValue row = decisionTableRows().stream()
          .filter(r -> r.key().equals("award-eligibility-regime/" + rule)).findFirst().orElseThrow();
      assertThat(row.source()).as(rule).contains("chuyển tiếp").contains("Nghị định 152/2025/NĐ-CP");
      assertThat(row.reading()).as(rule).isEqualTo(LegalValue.Reading.TO_CONFIRM);
    }
  }

  @Test
  void aRowWithoutSourceIsCaught() {
    String dmn = """
        <definitions xmlns="https://www.omg.org/spec/DMN/20191111/MODEL/" id="d" name="d" namespace="x">
          <decision id="t" name="t"><decisionTable id="dt">
            <input id="i"><inputExpression id="ie" typeRef="string"><text>a</text></inputExpression></input>
            <output id="o" name="share" typeRef="double"/>
            <rule id="r"><inputEntry id="e"><text>"X"</text></inputEntry><outputEntry id="oe"><text>0.5</text></outputEntry></rule>
          </decisionTable></decision>
        </definitions>""";
    List<LegalValue> rows = DecisionTableRows.read(new java.io.ByteArrayInputStream(
        dmn.getBytes(java.nio.charset.StandardCharsets.UTF_8)), null);
    assertThat(rows).singleElement().satisfies(r -> assertThat(r.source()).isBlank());
  }

  @Test
  void readingsFollowTheMarksOfTheSource() {
    assertThat(LegalValue.Reading.of("Nghị định 1/2026 (theo nguồn thứ cấp; cần xác nhận)"))
        .isEqualTo(LegalValue.Reading.TO_CONFIRM);
    assertThat(LegalValue.Reading.of("Nghị định 1/2026 (theo nguồn thứ cấp)")).isEqualTo(LegalValue.Reading.SECONDARY);
    assertThat(LegalValue.Reading.of("Luật 2022, Điều 80 (đã đối chiếu nguyên văn)"))
        .isEqualTo(LegalValue.Reading.ORIGINAL);
  }
}

package vn.gov.sonla.tdkt.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.groups.Tuple.tuple;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A plan file with errors is refused whole, each error named with its line and field. */
class PlanParserTest {

  private final PlanParser parser = PlanFixtures.parser();

  private Plan parse(String yaml) {
    return parser.parse(new ByteArrayInputStream(yaml.getBytes(StandardCharsets.UTF_8)));
  }

  private List<PlanError> errorsOf(String yaml) {
    PlanValidationException refused = catchThrowableOfType(PlanValidationException.class, () -> parse(yaml));
    assertThat(refused).as("the plan is refused").isNotNull();
    return refused.errors();
  }

  @Test
  void everyErrorIsNamedWithItsLineAndFieldAllAtOnce() {
    String yaml = """
        year: 2025
        number: 99/KH-UBND
        items:
          - section: I
            number: 1
            content: Ban hành kế hoạch
            timing: 01/2025
            lead: Sở Nội vụ
            coordinating: [Sở Tài chính]
            kind: DOCUMENT
          - section: I
            number: 2
            content: Tổng kết
            timing: đầu năm
            lead: Sở Nội vụ
          - section: II
            number: 1
            timing: 04/2025
            lead: Sở Nội vụ
          - section: I
            number: 2
            content: Báo cáo
            timing: 02/2025
            lead: Sở Nội vụ
            kind: REPORT
          - section: II
            number: 2
            content: Sơ kết
            timing: 8/2025
            lead: Sở Nội vụ
          - section: IV
            number: 1
            content: Thẩm định hồ sơ đợt 2
            timing: 10/2025
            lead: Sở Nội vụ
            kind: COUNCIL_ROUND
        """;
    List<PlanError> errors = errorsOf(yaml);

    assertThat(errors).extracting(PlanError::line, PlanError::field).containsExactly(
        tuple(9, "coordinating"),   // unknown unit
        tuple(14, "timing"),        // bad timing
        tuple(16, "content"),       // missing content
        tuple(21, "number"),        // I.2 twice
        tuple(29, "timing"),        // August is not in quarter II
        tuple(31, "round"));        // council round without its round
    assertThat(errors.get(0).message()).contains("Sở Tài chính").contains("không có trong bảng đơn vị");
    assertThat(errors.get(1).message()).contains("đầu năm").contains("không hợp lệ");
    assertThat(errors.get(2).message()).contains("Thiếu nội dung");
    assertThat(errors.get(3).message()).contains("I.2").contains("trùng").contains("dòng 12");
    assertThat(errors.get(4).message()).contains("8/2025").contains("không thuộc quý II");
    assertThat(errors.get(5).message()).contains("Thiếu đợt").contains("COUNCIL_ROUND");
  }

  @Test
  void headerSectionKindAndUnitErrors() {
    String yaml = """
        number: 99/KH-UBND
        issuedOn: 02/01/2025
        items:
          - section: VI
            number: 1
            content: Việc gì đó
            timing: 01/2025
            lead: Sở Nội vụ
          - section: V
            number: 1
            content: "   "
            timing: 12/2025
            lead: Sở Ngoại vụ
            kind: MEETING
            remark: thêm
          - section: I
            number: 3
            content: Đăng ký thi đua
            timing: 01/2024
            lead: Sở Nội vụ
            kind: DOCUMENT
            round: 1
          - section: III
            number: 1
            content: Tập huấn
            timing: Trong quý II
            lead: ""
        """;
    List<PlanError> errors = errorsOf(yaml);

    assertThat(errors).extracting(PlanError::line, PlanError::field).containsExactlyInAnyOrder(
        tuple(1, "year"),        // no year
        tuple(2, "issuedOn"),    // not ISO
        tuple(4, "section"),     // VI
        tuple(15, "remark"),     // unknown field
        tuple(11, "content"),    // blank
        tuple(12, "timing"),     // section V must be "Thường xuyên"
        tuple(13, "lead"),       // unknown unit
        tuple(14, "kind"),       // unknown kind
        tuple(22, "round"),      // round on a DOCUMENT
        tuple(26, "timing"),     // quarter II in section III
        tuple(27, "lead"));      // blank lead
    assertThat(errors).filteredOn(e -> e.field().equals("year")).first().extracting(PlanError::message)
        .asString().contains("Thiếu năm");
    assertThat(errors).filteredOn(e -> e.line() == 12).first().extracting(PlanError::message).asString()
        .contains("Thường xuyên");
    assertThat(errors).filteredOn(e -> e.line() == 14).first().extracting(PlanError::message).asString()
        .contains("MEETING").contains("COUNCIL_ROUND");
  }

  @Test
  void aMonthOfAnotherYearIsRefused() {
    String yaml = """
        year: 2025
        items:
          - section: I
            number: 1
            content: Đăng ký thi đua
            timing: 01/2024
            lead: Sở Nội vụ
        """;
    assertThat(errorsOf(yaml)).singleElement().satisfies(e -> {
      assertThat(e.line()).isEqualTo(6);
      assertThat(e.field()).isEqualTo("timing");
      assertThat(e.message()).contains("2024").contains("2025");
    });
  }

  @Test
  void malformedYamlIsOneErrorWithItsLine() {
    String yaml = """
        year: 2025
        items:
          - section: I
            number: [1, 2
            content: x
        """;
    List<PlanError> errors = errorsOf(yaml);
    assertThat(errors).hasSize(1);
    assertThat(errors.get(0).field()).isEqualTo("yaml");
    assertThat(errors.get(0).line()).isBetween(4, 6);
    assertThat(errors.get(0).message()).startsWith("Tệp kế hoạch sai cú pháp YAML");
  }

  @Test
  void aValidFileLoadsWithUnitsMatchedLoosely() {
    String decomposed = Normalizer.normalize("Văn phòng Ủy ban nhân dân tỉnh", Normalizer.Form.NFD);
    String yaml = """
        year: 2026
        number: 03/KH-UBND
        issuedOn: 2026-01-05
        title: Kế hoạch năm 2026
        items:
          - section: II
            number: 1
            content: Tập huấn
            timing: Trong quý II
            lead: "  sở nội  vụ. "
            coordinating: "%s; - các cơ quan, đơn vị, địa phương;"
            kind: TRAINING
          - section: IV
            number: 1
            content: Thẩm định hồ sơ đợt 2
            timing: 10/2026
            lead: Sở Nội vụ
            kind: COUNCIL_ROUND
            round: 2
        """.formatted(decomposed);
    Plan plan = parse(yaml);
    assertThat(plan.year()).isEqualTo(2026);
    assertThat(plan.items()).extracting(PlanItem::key, PlanItem::line, PlanItem::kind, PlanItem::round)
        .containsExactly(tuple("II.1", 6, PlanItemKind.TRAINING, null), tuple("IV.1", 13, PlanItemKind.COUNCIL_ROUND, 2));
    PlanItem training = plan.items().get(0);
    assertThat(training.coordinatingUnits())
        .containsExactly("Văn phòng Ủy ban nhân dân tỉnh", "- các cơ quan, đơn vị, địa phương");
    PlanUnits units = PlanFixtures.units();
    assertThat(units.groupsFor(training.leadUnit())).containsExactly("home-affairs");
    assertThat(units.groupsFor(training.coordinatingUnits().get(1))).containsExactly("unit-sgddt", "unit-syt",
        "unit-ptohieu");
    assertThat(units.isKnown("Sở Tài chính")).isFalse();
    assertThat(units.groupsFor("Sở Tài chính")).isEmpty();
  }
}

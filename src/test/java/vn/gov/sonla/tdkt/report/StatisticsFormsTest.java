package vn.gov.sonla.tdkt.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import vn.gov.sonla.tdkt.award.AwardCatalog;
import vn.gov.sonla.tdkt.award.RewardMoney;
import vn.gov.sonla.tdkt.legal.LegalFixtures;

/**
 * The statistics forms 0601.N–0603.N/BNV-TĐKT carry the row and column names listed below, and each form says
 * where they come from. The primary text of Circular 02/2023/TT-BNV was not found (searched 7 December 2026); the
 * lists are those of a public implementation of the circular's forms (lifephongphanmem/thiduakhenthuong,
 * resources/views/BaoCao/TT022023/Mau0601–0603.blade.php, "Ban hành theo Thông tư số 2/2023/TT-BNV ngày
 * 23/3/2023"): a secondary source, to be checked against the circular. Forms 0604.N and 0605.N were found in no
 * source and are marked to confirm.
 */
class StatisticsFormsTest {

  // ---------------------------------------------------------------- the lists (secondary source, to confirm)

  static final List<String> ROWS_0601 = List.of("Tổng số", "1. Chia theo phạm vi tổ chức thi đua", "- Toàn quốc",
      "- Bộ, ban, ngành đoàn thể, địa phương",
      "- Cụm, khối thi đua do Hội đồng Thi đua - Khen thưởng các cấp tổ chức", "- Cơ quan, tổ chức, đơn vị",
      "2. Chia theo thời hạn thi đua", "- Dưới 1 năm", "- 1 năm", "- Từ 1 năm đến dưới 3 năm",
      "- Từ 3 năm đến dưới 5 năm", "- Từ 5 năm trở lên", "3. Chia theo phương thức tổ chức phong trào thi đua",
      "- Thi đua theo chuyên đề", "- Thi đua thường xuyên hàng năm");
  static final List<String> CODES_0601 = List.of("01", "", "02", "03", "04", "05", "", "06", "07", "08", "09", "10",
      "", "11", "12");
  static final List<String> COLUMNS_0601 = List.of("Tổng số",
      "Số phong trào thi đua chia theo cấp chủ trì phát động thi đua: Cấp Trung ương (Hội đồng Thi đua - Khen"
          + " thưởng Trung ương)",
      "Số phong trào thi đua chia theo cấp chủ trì phát động thi đua: Cấp bộ, ban ngành đoàn thể trung ương,"
          + " tỉnh, thành phố trực thuộc Trung ương",
      "Số phong trào thi đua chia theo cấp chủ trì phát động thi đua: Cơ quan, tổ chức, đơn vị");

  static final List<String> SUBJECT_AND_METHOD_ROWS = List.of("- Tập thể", "Trong đó: Doanh nghiệp",
      "- Hộ gia đình", "- Cá nhân", "+ Lãnh đạo cấp bộ, cấp tỉnh và tương đương trở lên",
      "+ Lãnh đạo cấp vụ, sở, ngành và tương đương", "+ Doanh nhân", "+ Các cấp lãnh đạo khác từ phó phòng trở lên",
      "+ Người trực tiếp công tác, lao động, học tập, chiến đấu và phục vụ chiến đấu (công nhân, nông dân,...)",
      "3. Chia theo phương thức khen thưởng", "- Thường xuyên", "- Chuyên đề", "- Đột xuất", "- Đối ngoại",
      "- Cống hiến", "- Niên hạn", "- Kháng chiến");

  static final List<String> ROWS_0602 = concat(List.of("Tổng số",
      "1. Chia theo đơn vị ban hành tờ trình Thủ tướng Chính phủ về khen thưởng",
      "- Bộ, ban, ngành, đoàn thể Trung ương", "- Tỉnh, thành phố trực thuộc Trung ương",
      "2. Chia theo đối tượng khen thưởng"), SUBJECT_AND_METHOD_ROWS);
  // as in the source: codes 04 and 05 are not used
  static final List<String> CODES_0602 = List.of("01", "", "02", "03", "", "06", "07", "08", "09", "10", "11", "12",
      "13", "14", "", "15", "16", "17", "18", "19", "20", "21");
  static final List<String> COLUMNS_0602 = List.of("Tổng số",
      "Các loại huân chương, huy chương: Huân chương Lao động hạng Ba — Tập thể",
      "Các loại huân chương, huy chương: Huân chương Lao động hạng Ba — Cá nhân",
      "Giải thưởng Hồ Chí Minh — Cá nhân", "Giải thưởng Nhà nước — Cá nhân",
      "Danh hiệu vinh dự nhà nước (mỗi hình thức khen thưởng ghi riêng một cột)",
      "Cờ thi đua của Chính phủ — Tập thể", "Bằng khen của Thủ tướng Chính phủ — Tập thể",
      "Bằng khen của Thủ tướng Chính phủ — Cá nhân", "Danh hiệu “Chiến sĩ thi đua toàn quốc” — Cá nhân",
      "Các hình thức khen thưởng khác — Tập thể", "Các hình thức khen thưởng khác — Cá nhân");

  // as in the source: the second heading is numbered 3
  static final List<String> ROWS_0603 = concat(List.of("Tổng số", "1. Chia theo đối tượng khen thưởng"),
      SUBJECT_AND_METHOD_ROWS);
  static final List<String> CODES_0603 = List.of("01", "", "02", "03", "04", "05", "06", "07", "08", "09", "10", "",
      "11", "12", "13", "14", "15", "16", "17");
  static final List<String> COLUMNS_0603 = List.of("Tổng số", "Bằng khen", "Chiến sĩ thi đua cấp bộ, cấp tỉnh",
      "Cờ thi đua của bộ, ban, ngành, đoàn thể Trung ương, tỉnh, thành phố trực thuộc Trung ương",
      "Huy hiệu (kỷ niệm chương) của bộ, ban, ngành, đoàn thể Trung ương, tỉnh, thành phố trực thuộc Trung ương");

  private static List<String> concat(List<String> a, List<String> b) {
    List<String> all = new ArrayList<>(a);
    all.addAll(b);
    return List.copyOf(all);
  }

  // ---------------------------------------------------------------- fixture

  private final JdbcClient jdbc = LegalFixtures.migratedDatabase("statistics-forms-" + UUID.randomUUID());
  private final AwardCatalog catalog = new AwardCatalog(jdbc);
  private final StatisticsService service = new StatisticsService(jdbc, catalog,
      new RewardMoney(catalog, LegalFixtures.baseSalaries(), LegalFixtures.rounding()), null,
      java.time.Clock.systemUTC());

  private void award(String type, String subjectKind, String role, String kind) {
    jdbc.sql("INSERT INTO award_record (id, subject_kind, subject_name, subject_key, award_type, award_kind,"
            + " award_year, decision_number, decision_date, decided_by, source, subject_role)"
            + " VALUES (:id, :subject, :name, :key, :type, :kind, 2025, :number, DATE '2025-12-10', 'Chủ tịch',"
            + " 'IMPORT', :role)")
        .param("id", UUID.randomUUID().toString()).param("subject", subjectKind).param("name", "Người " + type)
        .param("key", UUID.randomUUID().toString()).param("type", type).param("kind", kind)
        .param("number", UUID.randomUUID().toString().substring(0, 8)).param("role", role).update();
  }

  private StatisticsService.Form form(int year, String code) {
    return service.of(year).forms().stream().filter(f -> f.code().equals(code)).findFirst().orElseThrow();
  }

  private static List<String> column(StatisticsService.Form form, int index) {
    return form.rows().stream().map(r -> String.valueOf(r.get(index))).toList();
  }

  private static List<Object> row(StatisticsService.Form form, String label) {
    return form.rows().stream().filter(r -> label.equals(r.get(0))).findFirst().orElseThrow().subList(3,
        form.header().size());
  }

  // ---------------------------------------------------------------- tests

  @Test
  void theFormsCarryTheRowAndColumnNamesOfTheList() {
    StatisticsService.Statistics s = service.of(2025);
    assertThat(s.forms()).extracting(StatisticsService.Form::code).containsExactly("0601.N/BNV-TĐKT",
        "0602.N/BNV-TĐKT", "0603.N/BNV-TĐKT", "0604.N/BNV-TĐKT", "0605.N/BNV-TĐKT");
    record Expected(String code, List<String> rows, List<String> codes, List<String> columns) {}
    for (Expected e : List.of(new Expected("0601.N/BNV-TĐKT", ROWS_0601, CODES_0601, COLUMNS_0601),
        new Expected("0602.N/BNV-TĐKT", ROWS_0602, CODES_0602, COLUMNS_0602),
        new Expected("0603.N/BNV-TĐKT", ROWS_0603, CODES_0603, COLUMNS_0603))) {
      StatisticsService.Form form = form(2025, e.code());
      assertThat(column(form, 0)).as(e.code()).containsExactlyElementsOf(e.rows());
      assertThat(column(form, 1)).as(e.code()).containsExactlyElementsOf(e.codes());
      assertThat(form.header().subList(0, 3)).containsExactly("Chỉ tiêu", "Mã số", "Đơn vị tính");
      assertThat(form.header().subList(3, form.header().size())).as(e.code())
          .containsExactlyElementsOf(e.columns());
      assertThat(form.rows()).allSatisfy(r -> assertThat(r).hasSameSizeAs(form.header()));
      assertThat(form.layoutSource()).contains("Thông tư 02/2023/TT-BNV").contains("nguồn thứ cấp")
          .contains("cần đối chiếu nguyên văn").contains("lifephongphanmem/thiduakhenthuong");
    }
    for (String code : List.of("0604.N/BNV-TĐKT", "0605.N/BNV-TĐKT")) {
      assertThat(form(2025, code).layoutSource()).as(code).startsWith("Cần xác nhận")
          .contains("không phải mẫu của Thông tư");
    }
  }

  @Test
  void awardsAreCountedByFormSubjectAndMethodAndWhatIsNotHeldIsLeftEmpty() {
    award("BK_TINH", "INDIVIDUAL", "DIRECT_WORKER", "ANNUAL");
    award("BK_TINH", "INDIVIDUAL", "LEADER", "SUDDEN");
    award("BK_TINH", "COLLECTIVE", "SMALL_COLLECTIVE", "THEMATIC");
    award("CSTD_TINH", "INDIVIDUAL", "DIRECT_WORKER", "ANNUAL");
    award("CO_TINH", "COLLECTIVE", null, "ANNUAL");
    award("TTLDXS", "COLLECTIVE", null, "ANNUAL");
    award("BK_TTG", "INDIVIDUAL", null, "ANNUAL");
    award("BK_TTG", "COLLECTIVE", null, "CONTRIBUTION");
    award("CSTD_CS", "INDIVIDUAL", "DIRECT_WORKER", "ANNUAL");

    StatisticsService.Form provincial = form(2025, "0603.N/BNV-TĐKT");
    // total, Bằng khen, Chiến sĩ thi đua, Cờ thi đua, Huy hiệu (not held)
    assertThat(row(provincial, "Tổng số")).containsExactly(5L, 3L, 1L, 1L, "");
    assertThat(row(provincial, "- Tập thể")).containsExactly(2L, 1L, 0L, 1L, "");
    assertThat(row(provincial, "Trong đó: Doanh nghiệp")).containsExactly("", "", "", "", "");
    assertThat(row(provincial, "- Cá nhân")).containsExactly(3L, 2L, 1L, 0L, "");
    assertThat(row(provincial, "+ Người trực tiếp công tác, lao động, học tập, chiến đấu và phục vụ chiến đấu"
        + " (công nhân, nông dân,...)")).containsExactly(2L, 1L, 1L, 0L, "");
    assertThat(row(provincial, "- Thường xuyên")).containsExactly(3L, 1L, 1L, 1L, "");
    assertThat(row(provincial, "- Đột xuất")).containsExactly(1L, 1L, 0L, 0L, "");
    assertThat(row(provincial, "- Chuyên đề")).containsExactly(1L, 1L, 0L, 0L, "");
    assertThat(row(provincial, "- Kháng chiến")).containsExactly("", "", "", "", "");
    assertThat(provincial.note()).contains("lãnh đạo, quản lý (chưa phân theo cấp): 1")
        .contains("Tập thể lao động xuất sắc");

    StatisticsService.Form state = form(2025, "0602.N/BNV-TĐKT");
    // BK_TTG: collective column 8, individual column 9 of the header (index 3 is the total)
    assertThat(row(state, "Tổng số")).containsExactly(2L, 0L, 0L, "", "", "", 0L, 1L, 1L, 0L, 0L, 0L);
    assertThat(row(state, "- Tỉnh, thành phố trực thuộc Trung ương").get(0)).isEqualTo(2L);
    assertThat(row(state, "- Bộ, ban, ngành, đoàn thể Trung ương").get(0)).isEqualTo("");
    assertThat(row(state, "- Cống hiến")).containsExactly(1L, 0L, 0L, "", "", "", 0L, 1L, 0L, 0L, 0L, 0L);
  }

  @Test
  void movementsAreCountedByLengthAndLaunchingLevel() {
    movement("Phong trào một năm", LocalDate.of(2025, 1, 1), LocalDate.of(2025, 12, 31));
    movement("Phong trào sáu tháng", LocalDate.of(2025, 3, 1), LocalDate.of(2025, 8, 31));
    movement("Phong trào năm năm", LocalDate.of(2021, 1, 1), LocalDate.of(2025, 12, 31));
    movement("Phong trào năm trước", LocalDate.of(2024, 1, 1), LocalDate.of(2024, 12, 31));

    StatisticsService.Form movements = form(2025, "0601.N/BNV-TĐKT");
    // total, central (not held), provincial, agencies (not held)
    assertThat(row(movements, "Tổng số")).containsExactly(3L, "", 3L, "");
    assertThat(row(movements, "- Dưới 1 năm")).containsExactly(1L, "", 1L, "");
    assertThat(row(movements, "- 1 năm")).containsExactly(1L, "", 1L, "");
    assertThat(row(movements, "- Từ 1 năm đến dưới 3 năm")).containsExactly(0L, "", 0L, "");
    assertThat(row(movements, "- Từ 5 năm trở lên")).containsExactly(1L, "", 1L, "");
    assertThat(row(movements, "- Toàn quốc")).containsExactly("", "", "", "");
    assertThat(movements.note()).contains("Phong trào một năm").doesNotContain("Phong trào năm trước");
  }

  private void movement(String name, LocalDate start, LocalDate end) {
    jdbc.sql("INSERT INTO movement (id, name, launching_document, period_start, period_end, criteria, intake_start,"
            + " intake_end, created_by, created_at) VALUES (:id, :name, 'Kế hoạch số 1/KH-UBND', :start, :end,"
            + " 'Tiêu chí', :start, :end, 'appraiser', CURRENT_TIMESTAMP)")
        .param("id", UUID.randomUUID().toString()).param("name", name).param("start", start).param("end", end)
        .update();
  }
}

package vn.gov.sonla.tdkt.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import vn.gov.sonla.tdkt.support.Api;
import vn.gov.sonla.tdkt.support.AppTest;

/**
 * Reports over HTTP: dossiers created through the API (two units), two sudden-achievement dossiers driven to
 * AWARDED through the engine REST API; the JSON counts, processing times, CSV and XLSX, and who may read.
 */
@AppTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ReportApiTest {

  /**
   * A past award year of its own (proposals may be up to five years back): the context is shared, and the report of a
   * year counts every dossier of that year.
   */
  static final int YEAR = LocalDate.now().getYear() - 4;

  @Autowired TestRestTemplate rest;
  @Autowired org.springframework.jdbc.core.JdbcTemplate jdbc;

  Api api;
  List<String> awarded = new ArrayList<>();

  @BeforeAll
  void drive() {
    api = new Api(rest);
    // the education department is in a bloc this year (it was in another the year before); health is in none
    jdbc.update("INSERT INTO bloc (code, name, kind, created_at) VALUES ('KVX', 'Khối Văn hóa - Xã hội', 'BLOC',"
        + " CURRENT_TIMESTAMP), ('KKT', 'Khối Kinh tế', 'BLOC', CURRENT_TIMESTAMP)");
    jdbc.update("INSERT INTO bloc_member (bloc_code, unit_code, year_from, year_to) VALUES ('KKT', 'sgddt', ?, ?),"
        + " ('KVX', 'sgddt', ?, ?)", YEAR - 3, YEAR - 1, YEAR, YEAR);
    awarded.add(submit("officer.sgddt", "SUDDEN", "Lò Văn Thắng"));
    awarded.add(submit("officer.sgddt", "SUDDEN", "Quàng Thị Hoa"));
    submit("officer.sgddt", "ANNUAL", "Cầm Văn Bình");
    submit("officer.syt", "ANNUAL", "Hà Thị Lan");
    for (String code : awarded) {
      complete("appraiser", code, "Task_Appraise",
          Api.variables("appraisalOutcome", "VALID", "appraisalSummary", "Hồ sơ đầy đủ, đúng quy định.", "eligibilityOverrideReason", "Thành tích đã được xác nhận; sổ khen thưởng chưa cập nhật."));
      complete("chairman", code, "Task_Decide", Api.variables("decisionOutcome", "APPROVE"));
      assertThat(api.get("officer.sgddt", "/api/dossiers/" + code).getBody().get("status").asText())
          .isEqualTo("AWARDED");
    }
  }

  private String submit(String officer, String kind, String name) {
    Map<String, Object> d = new LinkedHashMap<>();
    d.put("awardType", "BK_TINH");
    d.put("awardKind", kind);
    d.put("year", YEAR);
    d.put("subjectKind", "INDIVIDUAL");
    d.put("subjectRole", "DIRECT_WORKER");
    d.put("subjectName", name);
    // a birth date of its own: the context is shared, and other classes propose people of the same names
    d.put("birthDate", "1986-11-20");
    d.put("position", "Chuyên viên");
    d.put("workUnit", "Phòng Tổ chức cán bộ");
    d.put("achievements", "Hoàn thành xuất sắc nhiệm vụ; có sáng kiến được áp dụng toàn tỉnh.");
    ResponseEntity<JsonNode> created = api.createDossier(officer, d, Api.requiredFiles(kind), false);
    assertThat(created.getStatusCode()).isEqualTo(HttpStatus.CREATED);
    return created.getBody().get("code").asText();
  }

  private void complete(String user, String code, String taskKey, Map<String, Object> variables) {
    JsonNode task = api.task(user, code);
    assertThat(task.get("taskDefinitionKey").asText()).isEqualTo(taskKey);
    String id = task.get("id").asText();
    assertThat(api.postJson(user, "/engine-rest/task/" + id + "/claim", Map.of("userId", user)).getStatusCode())
        .isEqualTo(HttpStatus.NO_CONTENT);
    assertThat(api.postJson(user, "/engine-rest/task/" + id + "/complete", variables).getStatusCode())
        .isEqualTo(HttpStatus.NO_CONTENT);
    vn.gov.sonla.tdkt.support.Jobs.settle(code); // the decision is issued by a job after the click
  }

  @Test
  void theReportCountsDossiersAwardsAndProcessingTimes() {
    ResponseEntity<JsonNode> response = api.get("auditor", "/api/reports?year=" + YEAR);
    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
    JsonNode report = response.getBody();
    assertThat(report.get("year").asInt()).isEqualTo(YEAR);

    JsonNode dossiers = report.get("dossiers");
    assertThat(dossiers.get("total").asLong()).isEqualTo(4);
    assertThat(dossiers.get("byStatus").get("AWARDED").asLong()).isEqualTo(2);
    assertThat(dossiers.get("byStatus").get("SUBMITTED").asLong()).isEqualTo(2);
    assertThat(dossiers.get("byUnit").get("sgddt").asLong()).isEqualTo(3);
    assertThat(dossiers.get("byUnit").get("syt").asLong()).isEqualTo(1);
    assertThat(dossiers.get("byBloc").get("KVX").asLong()).isEqualTo(3);
    assertThat(dossiers.get("byBloc").get("-").asLong()).isEqualTo(1);
    assertThat(dossiers.get("byBloc").has("KKT")).as("the bloc the unit left the year before").isFalse();
    assertThat(report.get("labels").get("bloc").get("KVX").asText()).isEqualTo("Khối Văn hóa - Xã hội");
    assertThat(dossiers.get("byAwardType").get("BK_TINH").asLong()).isEqualTo(4);
    assertThat(dossiers.get("byKind").get("SUDDEN").asLong()).isEqualTo(2);
    assertThat(dossiers.get("byKind").get("ANNUAL").asLong()).isEqualTo(2);
    assertThat(dossiers.get("byYear").get(String.valueOf(YEAR)).asLong()).isEqualTo(4);

    JsonNode awards = report.get("awards");
    assertThat(awards.get("byYearAndLevel")).hasSize(1);
    JsonNode provincial = awards.get("byYearAndLevel").get(0);
    assertThat(provincial.get("year").asInt()).isEqualTo(YEAR);
    assertThat(provincial.get("level").asText()).isEqualTo("PROVINCIAL");
    assertThat(provincial.get("count").asLong()).isEqualTo(2);
    assertThat(awards.get("individual").asLong()).isEqualTo(2);
    assertThat(awards.get("collective").asLong()).isEqualTo(0);

    JsonNode appraisal = report.get("processing").get("steps").get(0);
    assertThat(appraisal.get("step").asText()).isEqualTo("Task_Appraise");
    assertThat(appraisal.get("label").asText()).isEqualTo("Thẩm định hồ sơ");
    assertThat(appraisal.get("all").get("count").asLong()).isGreaterThanOrEqualTo(2);
    assertThat(appraisal.get("all").get("medianHours").asDouble()).isGreaterThanOrEqualTo(0);
    assertThat(appraisal.get("all").get("p90Hours").asDouble())
        .isGreaterThanOrEqualTo(appraisal.get("all").get("medianHours").asDouble());
    assertThat(appraisal.get("all").get("late").asLong()).isZero();
    assertThat(appraisal.get("byAppraiser").get("appraiser").get("count").asLong()).isEqualTo(2);
    assertThat(appraisal.get("byUnit").get("sgddt").get("count").asLong()).isEqualTo(2);
    JsonNode total = report.get("processing").get("total");
    assertThat(total.get("all").get("count").asLong()).isEqualTo(2);
    assertThat(total.get("all").get("late").asLong()).isZero();
    assertThat(total.get("byUnit").get("sgddt").get("count").asLong()).isEqualTo(2);

    assertThat(report.get("labels").get("unit").get("syt").asText()).isEqualTo("Sở Y tế");
    assertThat(report.get("labels").get("status").get("AWARDED").asText()).isEqualTo("Đã khen thưởng");

    // another year has nothing; no year = every year
    JsonNode other = api.get("auditor", "/api/reports?year=" + (YEAR - 5)).getBody();
    assertThat(other.get("dossiers").get("total").asLong()).isZero();
    assertThat(other.get("processing").get("steps").get(0).get("all").get("count").asLong()).isZero();
    assertThat(other.get("processing").get("steps").get(0).get("all").get("medianHours").isNull()).isTrue();
    JsonNode all = api.get("auditor", "/api/reports").getBody();
    assertThat(all.get("year").isNull()).isTrue();
    // every year: at least this year's four (the context is shared)
    assertThat(all.get("dossiers").get("total").asLong()).isGreaterThanOrEqualTo(4);
  }

  @Test
  void theCsvHasABomAndVietnameseHeaders() {
    ResponseEntity<byte[]> response = api.as("auditor").getForEntity("/api/reports/export.csv?year=" + YEAR,
        byte[].class);
    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(response.getHeaders().getContentType().isCompatibleWith(MediaType.parseMediaType("text/csv"))).isTrue();
    assertThat(response.getHeaders().getContentDisposition().getFilename()).isEqualTo("bao-cao-" + YEAR + ".csv");
    byte[] body = response.getBody();
    assertThat(body).startsWith(0xEF, 0xBB, 0xBF);
    String csv = new String(body, StandardCharsets.UTF_8);
    assertThat(csv).contains("Hồ sơ theo trạng thái").contains("Trạng thái,Số hồ sơ")
        .contains("Đã khen thưởng (AWARDED),2").contains("Sở Giáo dục và Đào tạo (sgddt),3")
        .contains("Sở Y tế (syt),1").contains("\"Hồ sơ theo cụm, khối thi đua\"")
        .contains("Khối Văn hóa - Xã hội (KVX),3").contains("\"Chưa thuộc cụm, khối thi đua (-)\",1")
        .contains("Khen thưởng theo năm và cấp").contains(YEAR + ",Cấp tỉnh (PROVINCIAL),2")
        .contains("Cá nhân,2").contains(String.join(",", ReportExport.PROCESSING_HEADER))
        .contains("Thẩm định hồ sơ,Tất cả,2,").contains("Người thẩm định: appraiser");
  }

  @Test
  void theWorkbookHasOneSheetPerTable() throws Exception {
    ResponseEntity<byte[]> response = api.as("appraiser").getForEntity("/api/reports/export.xlsx?year=" + YEAR,
        byte[].class);
    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(response.getHeaders().getContentType().toString())
        .isEqualTo("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
    try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(response.getBody()))) {
      assertThat(workbook.getNumberOfSheets()).isEqualTo(11);
      DataFormatter format = new DataFormatter();
      // the two awarded sudden dossiers' subjects are direct workers (TestDossiers/Api default role)
      Sheet priority = workbook.getSheet(org.apache.poi.ss.util.WorkbookUtil.createSafeSheetName(
          "Ưu tiên người trực tiếp lao động và tập thể nhỏ"));
      assertThat(format.formatCellValue(priority.getRow(2).getCell(0)))
          .isEqualTo("trong đó: người trực tiếp lao động, công tác");
      assertThat(format.formatCellValue(priority.getRow(2).getCell(1))).isEqualTo("2");
      assertThat(format.formatCellValue(priority.getRow(2).getCell(2))).isEqualTo("100");
      Sheet status = workbook.getSheet("Hồ sơ theo trạng thái");
      assertThat(format.formatCellValue(status.getRow(0).getCell(0))).isEqualTo("Trạng thái");
      assertThat(format.formatCellValue(status.getRow(0).getCell(1))).isEqualTo("Số hồ sơ");
      Map<String, String> counts = new LinkedHashMap<>();
      for (int r = 1; r <= status.getLastRowNum(); r++) {
        counts.put(format.formatCellValue(status.getRow(r).getCell(0)),
            format.formatCellValue(status.getRow(r).getCell(1)));
      }
      assertThat(counts).containsEntry("Đã khen thưởng (AWARDED)", "2").containsEntry("Đã nộp (SUBMITTED)", "2");
      Sheet blocs = workbook.getSheet(org.apache.poi.ss.util.WorkbookUtil.createSafeSheetName(
          "Hồ sơ theo cụm, khối thi đua"));
      assertThat(format.formatCellValue(blocs.getRow(0).getCell(0))).isEqualTo("Cụm, khối thi đua");
      assertThat(format.formatCellValue(blocs.getRow(2).getCell(0))).isEqualTo("Khối Văn hóa - Xã hội (KVX)");
      assertThat(format.formatCellValue(blocs.getRow(2).getCell(1))).isEqualTo("3");
      Sheet awards = workbook.getSheet("Khen thưởng theo năm và cấp");
      assertThat(format.formatCellValue(awards.getRow(1).getCell(1))).isEqualTo("Cấp tỉnh (PROVINCIAL)");
      assertThat(awards.getRow(1).getCell(2).getNumericCellValue()).isEqualTo(2d);
      Sheet processing = workbook.getSheet("Thời gian xử lý");
      assertThat(format.formatCellValue(processing.getRow(0).getCell(3))).isEqualTo("Trung vị (giờ)");
      assertThat(format.formatCellValue(processing.getRow(1).getCell(0))).isEqualTo("Thẩm định hồ sơ");
    }
  }

  @Test
  void whoMayReadTheReports() {
    for (String path : List.of("/api/reports", "/api/reports/export.csv", "/api/reports/export.xlsx")) {
      assertThat(status("auditor", path)).as("auditor " + path).isEqualTo(HttpStatus.OK);
      assertThat(status("appraiser", path)).as("home-affairs " + path).isEqualTo(HttpStatus.OK);
      assertThat(status("admin", path)).as("admin " + path).isEqualTo(HttpStatus.OK);
      assertThat(status("officer.sgddt", path)).as("unit officer " + path).isEqualTo(HttpStatus.FORBIDDEN);
      assertThat(status("chairman", path)).as("chairman " + path).isEqualTo(HttpStatus.FORBIDDEN);
      assertThat(rest.getForEntity(path, byte[].class).getStatusCode()).as("anonymous " + path)
          .isEqualTo(HttpStatus.UNAUTHORIZED);
    }
    assertThat(rest.getForEntity("/reports/index.html", String.class).getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
  }

  @Test
  void aBadYearIsRefused() {
    for (String year : List.of("abc", "1999", "2101")) {
      ResponseEntity<JsonNode> response = api.get("auditor", "/api/reports?year=" + year);
      assertThat(response.getStatusCode()).as(year).isEqualTo(HttpStatus.BAD_REQUEST);
      assertThat(response.getBody().get("detail").asText()).contains("2000").contains("2100");
      assertThat(status("auditor", "/api/reports/export.csv?year=" + year)).isEqualTo(HttpStatus.BAD_REQUEST);
    }
  }

  /**
   * The JSON report carries the late dossiers a page of 100 at a time, most working days late first, with their
   * total; the exports carry all of them. 205 dossiers of a year of their own, received complete 100 to 304 days ago
   * and still open (written by SQL, removed after the test: the context is shared).
   */
  @Test
  void theLateDossiersArePagedAndTheExportsCarryThemAll() {
    int year = 2071;
    List<String> codes = new ArrayList<>();
    java.time.OffsetDateTime now = java.time.OffsetDateTime.now();
    for (int i = 0; i < 205; i++) {
      String code = year + "-syt-late" + String.format("%03d", i);
      codes.add(code);
      java.time.OffsetDateTime submitted = now.minusDays(100 + i);
      jdbc.update("INSERT INTO dossier (code, unit_code, award_type, award_kind, award_year, subject_kind,"
          + " subject_name, subject_key, subject_search, status, created_by, created_at, submitted_at, updated_at)"
          + " VALUES (?, 'syt', 'BK_TINH', 'ANNUAL', ?, 'INDIVIDUAL', ?, ?, ?, 'SUBMITTED', 'officer.syt', ?, ?, ?)",
          code, year, "Người quá hạn " + i, "late-page-" + i, "nguoi qua han " + i, submitted, submitted, submitted);
    }
    try {
      List<String> paged = new ArrayList<>();
      List<Integer> daysLate = new ArrayList<>();
      for (int page = 0; page <= 3; page++) {
        ResponseEntity<JsonNode> response = api.get("auditor", "/api/reports?year=" + year + "&late-page=" + page);
        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
        JsonNode late = response.getBody().get("late");
        assertThat(late.get("total").asLong()).isEqualTo(205);
        assertThat(late.get("page").asInt()).isEqualTo(page);
        assertThat(late.get("pageSize").asInt()).isEqualTo(100);
        assertThat(late.get("workingDays").asInt()).isEqualTo(25);
        assertThat(late.get("dossiers")).as("page " + page).hasSize(new int[] {100, 100, 5, 0}[page]);
        late.get("dossiers").forEach(d -> {
          paged.add(d.get("code").asText());
          daysLate.add(d.get("workingDaysLate").asInt());
          assertThat(d.get("state").asText()).isEqualTo("OVERDUE");
          assertThat(d.get("dueText").asText()).matches("17:00 ngày \\d{2}/\\d{2}/\\d{4}");
        });
      }
      // every one once, the most overdue (received first) first, never more late after less
      assertThat(paged).containsExactlyInAnyOrderElementsOf(codes);
      assertThat(paged.subList(0, 100)).contains(codes.get(204)).doesNotContain(codes.get(0));
      assertThat(daysLate).isSortedAccordingTo(java.util.Comparator.reverseOrder());
      for (int i = 1; i < paged.size(); i++) {
        if (daysLate.get(i).equals(daysLate.get(i - 1))) {
          assertThat(paged.get(i)).as("equally late: by code").isGreaterThan(paged.get(i - 1));
        }
      }
      assertThat(daysLate.get(0)).isGreaterThan(daysLate.get(204));
      // no page: the first
      JsonNode first = api.get("auditor", "/api/reports?year=" + year).getBody().get("late");
      assertThat(first.get("page").asInt()).isZero();
      assertThat(first.get("dossiers").findValuesAsText("code")).isEqualTo(paged.subList(0, 100));

      String csv = new String(api.as("auditor").getForEntity("/api/reports/export.csv?year=" + year, byte[].class)
          .getBody(), StandardCharsets.UTF_8);
      assertThat(csv).contains("Hồ sơ quá hạn giải quyết").contains(String.join(",", ReportExport.LATE_HEADER));
      assertThat(codes).allSatisfy(code -> assertThat(csv).contains(code + ",Sở Y tế (syt),"));
    } finally {
      jdbc.update("DELETE FROM dossier WHERE award_year = ? AND code LIKE '%-syt-late%'", year);
    }
  }

  @Test
  void aBadLatePageIsRefused() {
    for (String page : List.of("-1", "abc", "1.5", "99999999999")) {
      ResponseEntity<JsonNode> response = api.get("auditor", "/api/reports?late-page=" + page);
      assertThat(response.getStatusCode()).as(page).isEqualTo(HttpStatus.BAD_REQUEST);
      assertThat(response.getHeaders().getContentType().toString()).startsWith("application/problem+json");
      assertThat(response.getBody().get("title").asText()).isEqualTo("Dữ liệu không hợp lệ");
      assertThat(response.getBody().get("detail").asText())
          .isEqualTo("Trang của danh sách hồ sơ quá hạn phải là số nguyên từ 0 trở lên.");
    }
  }

  @Test
  void thePageIsServedWithItsChartsTableAndExports() {
    ResponseEntity<String> page = api.as("auditor").getForEntity("/reports/index.html", String.class);
    assertThat(page.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(page.getBody()).contains("Báo cáo thi đua, khen thưởng").contains("reports.js")
        .contains("/dossiers/app.css").contains("chart-status").contains("chart-award").contains("chart-unit")
        .contains("processing-table").contains("Tải CSV").contains("Tải Excel (XLSX)")
        .contains("late-total").contains("Trang trước").contains("Trang sau");
    String script = api.as("auditor").getForEntity("/reports/reports.js", String.class).getBody();
    assertThat(script).contains("/api/reports").contains("export.csv").contains("export.xlsx").contains("late-page=")
        .contains("textContent").doesNotContain("innerHTML");
  }

  private HttpStatus status(String user, String path) {
    return HttpStatus.valueOf(api.as(user).getForEntity(path, byte[].class).getStatusCode().value());
  }
}

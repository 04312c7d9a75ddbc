package vn.gov.sonla.tdkt.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import vn.gov.sonla.tdkt.support.Api;
import vn.gov.sonla.tdkt.support.IsolatedAppTest;

/**
 * The yearly statistics reported upward (Circular 02/2023/TT-BNV forms) and the priority shares of the reports,
 * over HTTP: the awards of 2024 come from a register import with known roles, kinds and decision dates (the base
 * salary changed on 1 July 2024), the current year's proposals from a thematic movement and its dossier.
 */
@IsolatedAppTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class StatisticsApiTest {

  /**
   * The movement's year: a year of its own, into which the engine clock (the application's clock) is moved while its
   * movement and dossier are made, so that the year's proposals are only this test's (the context is shared).
   */
  static final int THIS_YEAR = 2031;
  static final String HEADER = "STT,Loại đối tượng,Họ và tên / Tên tập thể,Ngày sinh,Vai trò,Năm,"
      + "\"Danh hiệu, hình thức khen thưởng\",Loại hình khen thưởng,Số quyết định,Ngày quyết định";

  @Autowired TestRestTemplate rest;
  @Autowired org.springframework.jdbc.core.simple.JdbcClient jdbc;
  Api api;

  @BeforeAll
  void data() throws Exception {
    api = new Api(rest);
    importRegister(String.join("\n", HEADER,
        "1,Cá nhân,Lò Văn An,14/05/1985,Trực tiếp lao động,2024,BK_TINH,Thường xuyên,101/QĐ-UBND,10/12/2024",
        "2,Cá nhân,Cầm Thị Bình,02/09/1978,\"Lãnh đạo, quản lý\",2024,BK_TINH,Đột xuất,12/QĐ-UBND,05/03/2024",
        "3,Tập thể,Tổ Văn Trường THPT Tô Hiệu,,Tập thể nhỏ,2024,BK_TINH,Thường xuyên,101/QĐ-UBND,10/12/2024",
        "4,Cá nhân,Quàng Văn Dũng,20/11/1980,Trực tiếp lao động,2024,CSTD_TINH,Thường xuyên,102/QĐ-UBND,10/12/2024",
        "5,Tập thể,Sở Giáo dục và Đào tạo,,Tập thể,2024,CO_TINH,Thường xuyên,103/QĐ-UBND,10/12/2024",
        "6,Cá nhân,Hà Thị Hoa,01/01/1975,,2024,BK_TTG,Thường xuyên,1500/QĐ-TTg,20/11/2024",
        "7,Cá nhân,Lường Văn Giang,03/03/1990,Trực tiếp lao động,2024,CSTD_CS,Thường xuyên,5/QĐ-SGDĐT,15/12/2024")
        + "\n");

    LocalDate today = LocalDate.of(THIS_YEAR, 6, 16);
    ClockUtil.setCurrentTime(Date.from(today.atTime(10, 0).atZone(ZoneId.of("Asia/Ho_Chi_Minh")).toInstant()));
    try {
      movementAndItsDossier(today);
    } finally {
      ClockUtil.reset();
    }
  }

  private void movementAndItsDossier(LocalDate today) {
    ResponseEntity<JsonNode> movement = api.postJson("appraiser", "/api/movements", Map.of(
        "name", "Phong trào \"Sơn La chung sức xây dựng nông thôn mới\"", "launchingDocument", "Kế hoạch số 45/KH-UBND",
        "periodStart", today.minusMonths(6).toString(), "periodEnd", today.plusMonths(6).toString(),
        "criteria", "Đóng góp tiêu biểu cho xây dựng nông thôn mới.",
        "intakeStart", today.minusDays(1).toString(), "intakeEnd", today.plusDays(1).toString(),
        "awards", List.of(Map.of("awardType", "BK_TINH", "plannedCount", 20))));
    assertThat(movement.getStatusCode()).isEqualTo(HttpStatus.CREATED);
    Map<String, Object> thematic = new LinkedHashMap<>(Map.of("awardType", "BK_TINH", "awardKind", "THEMATIC",
        "year", THIS_YEAR, "subjectKind", "INDIVIDUAL", "subjectName", "Tòng Văn Thắng", "birthDate", "1979-04-30",
        "position", "Trưởng bản", "workUnit", "Bản Hụm, xã Chiềng Đen",
        "achievements", "Vận động nhân dân hiến đất làm đường.", "subjectRole", "DIRECT_WORKER"));
    thematic.put("movementId", movement.getBody().get("movement").get("id").asText());
    assertThat(api.createDossier("officer.sgddt", thematic, Api.requiredFiles("THEMATIC"), false).getStatusCode())
        .isEqualTo(HttpStatus.CREATED);
  }

  private void importRegister(String csv) throws InterruptedException {
    MultiValueMap<String, Object> body = new LinkedMultiValueMap<>();
    HttpHeaders part = new HttpHeaders();
    part.setContentType(MediaType.parseMediaType("text/csv"));
    body.add("file", new HttpEntity<>(new ByteArrayResource(csv.getBytes(StandardCharsets.UTF_8)) {
      @Override
      public String getFilename() {
        return "so-khen-thuong-2024.csv";
      }
    }, part));
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.MULTIPART_FORM_DATA);
    ResponseEntity<JsonNode> accepted = api.as("appraiser").postForEntity("/api/award-imports?unit=sgddt",
        new HttpEntity<>(body, headers), JsonNode.class);
    assertThat(accepted.getStatusCode()).as(String.valueOf(accepted.getBody())).isEqualTo(HttpStatus.ACCEPTED);
    long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
    JsonNode job;
    do {
      Thread.sleep(100);
      job = api.get("appraiser", accepted.getHeaders().getLocation().toString()).getBody();
    } while (!"FINISHED".equals(job.get("phase").asText()) && System.nanoTime() < deadline);
    assertThat(job.get("status").asText()).as(job.toString()).isEqualTo("DONE");
    assertThat(job.get("awardsAdded").asInt()).isEqualTo(7);
  }

  private JsonNode form(JsonNode statistics, String code) {
    for (JsonNode f : statistics.get("forms")) {
      if (f.get("code").asText().equals(code)) {
        return f;
      }
    }
    throw new AssertionError("no form " + code + " in " + statistics);
  }

  /** The row whose first cell is the label. */
  private static List<String> row(JsonNode form, String label) {
    for (JsonNode r : form.get("rows")) {
      if (r.get(0).asText().equals(label)) {
        List<String> cells = new ArrayList<>();
        r.forEach(c -> cells.add(c.asText()));
        return cells;
      }
    }
    throw new AssertionError("no row " + label + " in " + form);
  }

  @Test
  void theFormsCountAwardsByFormLevelSubjectAndRoleAndTheRewardMoneyDue() {
    ResponseEntity<JsonNode> response = api.get("auditor", "/api/reports/statistics?year=2024");
    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
    JsonNode s = response.getBody();
    assertThat(s.get("forms")).extracting(f -> f.get("code").asText()).containsExactly("0601.N/BNV-TĐKT",
        "0602.N/BNV-TĐKT", "0603.N/BNV-TĐKT", "0604.N/BNV-TĐKT", "0605.N/BNV-TĐKT");

    // rows and columns as the circular's list (StatisticsFormsTest); cells: code, unit, total, then the columns
    // Bằng khen, Chiến sĩ thi đua, Cờ thi đua, Huy hiệu (not held: empty)
    JsonNode provincial = form(s, "0603.N/BNV-TĐKT");
    assertThat(row(provincial, "Tổng số").subList(1, 8)).containsExactly("01", "", "5", "3", "1", "1", "");
    assertThat(row(provincial, "- Tập thể").subList(3, 8)).containsExactly("2", "1", "0", "1", "");
    assertThat(row(provincial, "- Cá nhân").subList(3, 8)).containsExactly("3", "2", "1", "0", "");
    assertThat(row(provincial, "Trong đó: Doanh nghiệp").subList(3, 8)).containsExactly("", "", "", "", "");
    assertThat(row(provincial, "- Thường xuyên").subList(3, 8)).containsExactly("4", "2", "1", "1", "");
    assertThat(row(provincial, "- Đột xuất").subList(3, 8)).containsExactly("1", "1", "0", "0", "");
    assertThat(provincial.get("note").asText()).contains("lãnh đạo, quản lý (chưa phân theo cấp): 1");
    assertThat(provincial.get("layoutSource").asText()).contains("nguồn thứ cấp");
    JsonNode state = form(s, "0602.N/BNV-TĐKT");
    assertThat(row(state, "Tổng số").get(3)).isEqualTo("1");
    assertThat(row(state, "- Tỉnh, thành phố trực thuộc Trung ương").get(3)).isEqualTo("1");
    assertThat(row(state, "- Cá nhân").get(3)).isEqualTo("1");

    // by kind and subject; the unit-level title (CSTD_CS) is the unit's own and not counted
    JsonNode subjects = form(s, "0604.N/BNV-TĐKT");
    assertThat(row(subjects, "Khen thưởng thường xuyên (thành tích năm)").subList(1, 8))
        .containsExactly("5", "2", "1", "3", "2", "1", "0");
    assertThat(row(subjects, "Khen thưởng đột xuất").subList(1, 8)).containsExactly("1", "0", "0", "1", "0", "0", "0");
    assertThat(row(subjects, "Tổng cộng").subList(1, 8)).containsExactly("6", "2", "1", "4", "2", "1", "0");
    assertThat(row(subjects, "Tỷ lệ người trực tiếp lao động, công tác trong số cá nhân được khen thưởng").get(1))
        .isEqualTo("50,0%");
    assertThat(row(subjects, "Tỷ lệ tập thể nhỏ trong số tập thể được khen thưởng").get(1)).isEqualTo("50,0%");

    // money: coefficient × base salary on the decision date (1,800,000 đ until 30/6/2024, then 2,340,000 đ)
    JsonNode money = form(s, "0605.N/BNV-TĐKT");
    assertThat(row(money, "Bằng khen của Chủ tịch UBND tỉnh (BK_TINH)")).containsExactly(
        "Bằng khen của Chủ tịch UBND tỉnh (BK_TINH)", "Cá nhân", "2", "4140000", "0");
    List<String> rows = new ArrayList<>();
    money.get("rows").forEach(r -> rows.add(r.get(0).asText() + "|" + r.get(1).asText() + "|" + r.get(3).asText()));
    assertThat(rows).containsExactly(
        "Chiến sĩ thi đua cấp tỉnh (CSTD_TINH)|Cá nhân|7020000",
        "Bằng khen của Chủ tịch UBND tỉnh (BK_TINH)|Cá nhân|4140000",
        "Bằng khen của Chủ tịch UBND tỉnh (BK_TINH)|Tập thể|4680000",
        "Cờ thi đua của UBND tỉnh (CO_TINH)|Tập thể|18720000",
        "Bằng khen của Thủ tướng Chính phủ (BK_TTG)|Cá nhân|3510000",
        "Tổng cộng||38070000");

    // the priority shares in the year's report
    JsonNode priority = api.get("auditor", "/api/reports?year=2024").getBody().get("awards").get("priority");
    assertThat(priority.get("individuals").asLong()).isEqualTo(4);
    assertThat(priority.get("directWorkers").asLong()).isEqualTo(2);
    assertThat(priority.get("leaders").asLong()).isEqualTo(1);
    assertThat(priority.get("collectives").asLong()).isEqualTo(2);
    assertThat(priority.get("smallCollectives").asLong()).isEqualTo(1);
    assertThat(priority.get("directWorkerShare").asDouble()).isEqualTo(50.0);
    assertThat(priority.get("smallCollectiveShare").asDouble()).isEqualTo(50.0);
  }

  @Test
  void theMovementsFormCountsTheYearsMovements() {
    JsonNode s = api.get("auditor", "/api/reports/statistics?year=" + THIS_YEAR).getBody();
    JsonNode movements = form(s, "0601.N/BNV-TĐKT");
    // code, unit, total, central (not held), provincial, agencies (not held)
    assertThat(row(movements, "Tổng số").subList(1, 7)).containsExactly("01", "Phong trào", "1", "", "1", "");
    assertThat(row(movements, "- Thi đua theo chuyên đề").get(3)).isEqualTo("1");
    long byLength = 0;
    for (String length : List.of("- Dưới 1 năm", "- 1 năm", "- Từ 1 năm đến dưới 3 năm", "- Từ 3 năm đến dưới 5 năm",
        "- Từ 5 năm trở lên")) {
      byLength += Long.parseLong(row(movements, length).get(3));
    }
    assertThat(byLength).isEqualTo(1);
    assertThat(movements.get("note").asText()).contains("Sơn La chung sức xây dựng nông thôn mới");
    assertThat(row(form(s, "0605.N/BNV-TĐKT"), "Tổng cộng")).containsExactly("Tổng cộng", "", "0", "0", "0");
  }

  @Test
  void theFormsExportToExcelAndCsvAndNeedAYearAndAReader() throws Exception {
    ResponseEntity<byte[]> xlsx = api.as("appraiser").getForEntity("/api/reports/statistics/export.xlsx?year=2024",
        byte[].class);
    assertThat(xlsx.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(xlsx.getHeaders().getContentDisposition().getFilename()).isEqualTo("thong-ke-tdkt-2024.xlsx");
    try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(xlsx.getBody()))) {
      assertThat(workbook.getNumberOfSheets()).isEqualTo(5);
      DataFormatter format = new DataFormatter();
      var sheet = workbook.getSheetAt(4);
      assertThat(sheet.getSheetName()).startsWith("0605.N");
      var last = sheet.getRow(sheet.getLastRowNum());
      assertThat(format.formatCellValue(last.getCell(0))).isEqualTo("Tổng cộng");
      assertThat(last.getCell(3).getNumericCellValue()).isEqualTo(38_070_000d);
    }
    ResponseEntity<byte[]> csv = api.as("auditor").getForEntity("/api/reports/statistics/export.csv?year=2024",
        byte[].class);
    String text = new String(csv.getBody(), StandardCharsets.UTF_8);
    assertThat(text).startsWith("\uFEFF\"Thống kê công tác thi đua, khen thưởng năm 2024\"")
        .contains("0604.N/BNV-TĐKT Khen thưởng theo loại hình và đối tượng").contains("38070000");

    ResponseEntity<JsonNode> noYear = api.get("auditor", "/api/reports/statistics");
    assertThat(noYear.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(noYear.getBody().get("detail").asText()).isEqualTo("Chọn năm báo cáo: thống kê được lập theo từng năm.");
    assertThat(api.get("officer.sgddt", "/api/reports/statistics?year=2024").getStatusCode())
        .isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(rest.getForEntity("/api/reports/statistics?year=2024", String.class).getStatusCode())
        .isEqualTo(HttpStatus.UNAUTHORIZED);
  }

  private ResponseEntity<JsonNode> enter(String user, Object year, String form, String row, Object column,
      Object amount) {
    Map<String, Object> body = new HashMap<>();
    body.put("year", year);
    body.put("form", form);
    body.put("row", row);
    body.put("column", column);
    body.put("amount", amount);
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_JSON);
    return api.as(user).exchange("/api/reports/statistics/entries", HttpMethod.PUT,
        new HttpEntity<>(api.write(body), headers), JsonNode.class);
  }

  private List<String> entryAudits() {
    return jdbc.sql("SELECT detail FROM audit_record WHERE kind = 'STATISTICS_ENTERED' ORDER BY seq")
        .query(String.class).list();
  }

  @Test
  void homeAffairsEntersTheFiguresTheSystemDoesNotHoldAndEachChangeIsAudited() {
    String form = "0603.N/BNV-TĐKT";
    int audited = entryAudits().size();
    // enterprises among the collectives awarded a Bằng khen (column 1), and the province's Huy hiệu (column 4)
    ResponseEntity<JsonNode> enterprises = enter("appraiser", 2023, form, "03", 1, 2);
    assertThat(enterprises.getStatusCode()).as(String.valueOf(enterprises.getBody())).isEqualTo(HttpStatus.OK);
    assertThat(row(enterprises.getBody(), "Trong đó: Doanh nghiệp").subList(3, 8))
        .containsExactly("2", "2", "", "", "");
    assertThat(enter("appraiser", 2023, form, "01", 4, 7).getStatusCode()).isEqualTo(HttpStatus.OK);
    JsonNode read = form(api.get("auditor", "/api/reports/statistics?year=2023").getBody(), form);
    assertThat(row(read, "Tổng số").subList(3, 8)).containsExactly("7", "0", "0", "0", "7");
    assertThat(row(read, "Trong đó: Doanh nghiệp").subList(3, 8)).containsExactly("2", "2", "", "", "");
    List<String> audits = entryAudits();
    assertThat(audits).hasSize(audited + 2);
    assertThat(audits.get(audited)).contains("0603.N/BNV-TĐKT").contains("\"after\":2");

    // others may not enter; the system's own figures, unknown rows and bad amounts are refused, nothing changes
    for (String user : List.of("auditor", "officer.sgddt", "admin", "chairman")) {
      ResponseEntity<JsonNode> refused = enter(user, 2023, form, "03", 1, 5);
      assertThat(refused.getStatusCode()).as(user).isEqualTo(HttpStatus.FORBIDDEN);
      assertThat(refused.getBody().get("detail").asText()).as(user).contains("Sở Nội vụ");
    }
    ResponseEntity<JsonNode> computed = enter("appraiser", 2023, form, "01", 1, 5);
    assertThat(computed.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(computed.getHeaders().getContentType().toString()).contains("problem+json");
    assertThat(computed.getBody().get("detail").asText()).contains("do hệ thống tính");
    assertThat(enter("appraiser", 2023, "0605.N/BNV-TĐKT", "01", 1, 5).getBody().get("detail").asText())
        .contains("Chỉ nhập số liệu cho các biểu");
    assertThat(enter("appraiser", 2023, form, "99", 1, 5).getBody().get("detail").asText())
        .contains("không có dòng mã số");
    assertThat(enter("appraiser", 2023, form, "03", 9, 5).getBody().get("detail").asText()).contains("Cột");
    assertThat(enter("appraiser", 2023, form, "03", 1, -1).getBody().get("detail").asText())
        .contains("số nguyên từ 0");
    assertThat(enter("appraiser", null, form, "03", 1, 1).getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    HttpHeaders json = new HttpHeaders();
    json.setContentType(MediaType.APPLICATION_JSON);
    assertThat(rest.exchange("/api/reports/statistics/entries", HttpMethod.PUT, new HttpEntity<>("{\"year\":2023,"
        + "\"form\":\"0603.N/BNV-TĐKT\",\"row\":\"03\",\"column\":1,\"amount\":5}", json), String.class)
        .getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
    assertThat(entryAudits()).hasSize(audited + 2);

    // an empty amount clears the figure
    assertThat(enter("appraiser", 2023, form, "03", 1, null).getStatusCode()).isEqualTo(HttpStatus.OK);
    read = form(api.get("auditor", "/api/reports/statistics?year=2023").getBody(), form);
    assertThat(row(read, "Trong đó: Doanh nghiệp").subList(3, 8)).containsExactly("", "", "", "", "");
    assertThat(entryAudits()).hasSize(audited + 3);
  }
}

package vn.gov.sonla.tdkt.plan;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.io.ClassPathResource;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import vn.gov.sonla.tdkt.support.AppTest;

/** The plan dashboard: state and progress in the API, the CSV and XLSX exports, and the page behind a login. */
@AppTest
class PlanDashboardApiTest {

  private static final String SOME_CONTENT =
      "Đăng ký thi đua tỉnh Sơn La năm 2016 với Chính phủ và Hội đồng TĐKT Trung ương";

  @Autowired TestRestTemplate rest;
  @Autowired PlanStore store;

  @BeforeEach
  void uploadThe2016Plan() throws IOException {
    if (store.exists(2016)) {
      return;
    }
    // a past year of its own (every item begun): the context is shared with PlanApiTest, which uploads 2026
    String yaml = new String(new ClassPathResource("plans/plan-2025.yaml").getInputStream().readAllBytes(),
        StandardCharsets.UTF_8)
        .replace("year: 2025", "year: 2016").replace("/2025\n", "/2016\n").replace("issuedOn: 2025-", "issuedOn: 2016-")
        .replace("năm 2025", "năm 2016");
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.parseMediaType("application/yaml"));
    ResponseEntity<JsonNode> created = rest.withBasicAuth("appraiser", "demo").postForEntity("/api/plans",
        new HttpEntity<>(yaml.getBytes(StandardCharsets.UTF_8), headers), JsonNode.class);
    assertThat(created.getStatusCode()).isEqualTo(HttpStatus.CREATED);
  }

  @Test
  void theDashboardGivesEachItemsStateAndTheCountsPerQuarterAndUnit() {
    ResponseEntity<JsonNode> response = rest.withBasicAuth("auditor", "demo").getForEntity("/api/plans/2016",
        JsonNode.class);
    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
    JsonNode plan = response.getBody();
    assertThat(plan.get("total").asInt()).isEqualTo(24);
    assertThat(plan.get("items")).hasSize(24);
    JsonNode first = plan.get("items").get(0);
    // the existing fields are kept, the state is added
    assertThat(first.get("key").asText()).isNotBlank();
    assertThat(first.get("status").asText()).isEqualTo("IN_PROGRESS");
    assertThat(first.get("state").asText()).isIn("IN_PROGRESS", "OVERDUE");
    assertThat(plan.get("items").findValuesAsText("stateLabel")).hasSize(24)
        .allSatisfy(label -> assertThat(label).isIn("Chưa bắt đầu", "Đang thực hiện", "Hoàn thành", "Quá hạn"));

    JsonNode byQuarter = plan.get("byQuarter");
    List<String> sections = new ArrayList<>();
    byQuarter.fieldNames().forEachRemaining(sections::add);
    assertThat(sections).containsExactly("I", "II", "III", "IV", "V");
    int total = 0;
    for (String section : sections) {
      JsonNode counts = byQuarter.get(section);
      assertThat(counts.get("done").asInt() + counts.get("inProgress").asInt() + counts.get("overdue").asInt()
          + counts.get("notStarted").asInt()).isEqualTo(counts.get("total").asInt());
      total += counts.get("total").asInt();
    }
    assertThat(total).isEqualTo(24);
    assertThat(byQuarter.get("V").get("label").asText()).isEqualTo("Thường xuyên");
    assertThat(byQuarter.get("V").get("total").asInt()).isEqualTo(2);
    assertThat(plan.get("byUnit").get("Sở Nội vụ").get("total").asInt()).isEqualTo(24);
    assertThat(plan.get("summary").get("total").asInt()).isEqualTo(24);
  }

  @Test
  void theCsvExportIsUtf8WithABomAndOneLinePerItem() throws IOException {
    ResponseEntity<byte[]> response = rest.withBasicAuth("auditor", "demo")
        .getForEntity("/api/plans/2016/export.csv", byte[].class);
    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(response.getHeaders().getContentType().isCompatibleWith(MediaType.parseMediaType("text/csv"))).isTrue();
    assertThat(response.getHeaders().getContentDisposition().getType()).isEqualTo("attachment");
    assertThat(response.getHeaders().getContentDisposition().getFilename()).isEqualTo("ke-hoach-2016.csv");
    byte[] body = response.getBody();
    assertThat(body[0]).isEqualTo((byte) 0xEF);
    assertThat(body[1]).isEqualTo((byte) 0xBB);
    assertThat(body[2]).isEqualTo((byte) 0xBF);
    String text = new String(body, 3, body.length - 3, StandardCharsets.UTF_8);
    assertThat(text.split("\r\n")).hasSize(25);
    List<CSVRecord> records = CSVFormat.EXCEL.parse(new StringReader(text)).getRecords();
    assertThat(records).hasSize(25);
    assertThat(records.get(0).toList()).isEqualTo(PlanExport.HEADER);
    assertThat(records.get(0).get(0)).isEqualTo("Mục");
    assertThat(records.get(2).get(0)).isEqualTo("I.2");
    assertThat(records.get(2).get(1)).isEqualTo(SOME_CONTENT);
    assertThat(records.get(2).get(3)).isEqualTo("Sở Nội vụ");
    assertThat(records.get(2).get(6)).isIn("Đang thực hiện", "Quá hạn");

    assertThat(rest.getForEntity("/api/plans/2016/export.csv", String.class).getStatusCode())
        .isEqualTo(HttpStatus.UNAUTHORIZED);
    assertThat(rest.withBasicAuth("auditor", "demo").getForEntity("/api/plans/2031/export.csv", String.class)
        .getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
  }

  @Test
  void theXlsxExportHasABoldHeaderAndOneRowPerItem() throws IOException {
    ResponseEntity<byte[]> response = rest.withBasicAuth("auditor", "demo")
        .getForEntity("/api/plans/2016/export.xlsx", byte[].class);
    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(response.getHeaders().getContentType().toString())
        .startsWith("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
    assertThat(response.getHeaders().getContentDisposition().getFilename()).isEqualTo("ke-hoach-2016.xlsx");
    try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(response.getBody()))) {
      assertThat(workbook.getNumberOfSheets()).isEqualTo(1);
      Sheet sheet = workbook.getSheet("Kế hoạch 2016");
      assertThat(sheet).isNotNull();
      Row header = sheet.getRow(0);
      List<String> names = new ArrayList<>();
      header.forEach(cell -> names.add(cell.getStringCellValue()));
      assertThat(names).isEqualTo(PlanExport.HEADER);
      assertThat(workbook.getFontAt(header.getCell(0).getCellStyle().getFontIndex()).getBold()).isTrue();
      assertThat(sheet.getLastRowNum()).isEqualTo(24);
      assertThat(sheet.getPhysicalNumberOfRows()).isEqualTo(25);
      assertThat(sheet.getRow(2).getCell(0).getStringCellValue()).isEqualTo("I.2");
      assertThat(sheet.getRow(2).getCell(1).getStringCellValue()).isEqualTo(SOME_CONTENT);
      assertThat(sheet.getColumnWidth(1)).isGreaterThan(sheet.getColumnWidth(0));
    }
  }

  @Test
  void theDashboardPageNeedsALogin() {
    assertThat(rest.getForEntity("/plans/index.html", String.class).getStatusCode())
        .isEqualTo(HttpStatus.UNAUTHORIZED);
    ResponseEntity<String> page = rest.withBasicAuth("auditor", "demo").getForEntity("/plans/index.html",
        String.class);
    assertThat(page.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(page.getBody()).contains("Theo dõi thực hiện kế hoạch", "plans.js", "/dossiers/app.css");
    assertThat(rest.withBasicAuth("auditor", "demo").getForEntity("/plans/plans.js", String.class).getStatusCode())
        .isEqualTo(HttpStatus.OK);
  }
}

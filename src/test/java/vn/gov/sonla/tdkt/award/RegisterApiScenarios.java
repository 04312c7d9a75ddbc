package vn.gov.sonla.tdkt.award;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import vn.gov.sonla.tdkt.support.Api;

/**
 * The award register through the API, as the officers use it: imports (CSV and XLSX with Vietnamese headers),
 * refused whole with every bad row, idempotent; accent-insensitive subject lookup; history newest first; unit
 * records; possible duplicates. Run on H2 and on PostgreSQL.
 */
abstract class RegisterApiScenarios {

  static final String HEADER = "STT,Loại đối tượng,Họ và tên / Tên tập thể,Ngày sinh,Số định danh cá nhân,Chức vụ,"
      + "Đơn vị công tác,Vai trò,Năm,\"Danh hiệu, hình thức khen thưởng\",Loại hình khen thưởng,Số quyết định,"
      + "Ngày quyết định,Cấp quyết định,Xếp loại";

  @Autowired TestRestTemplate rest;
  @Autowired JdbcClient jdbc;
  Api api;

  @BeforeEach
  void api() {
    api = new Api(rest);
  }

  static String unique() {
    return UUID.randomUUID().toString().substring(0, 6);
  }

  ResponseEntity<JsonNode> upload(String user, String fileName, byte[] bytes, String unit) {
    MultiValueMap<String, Object> body = new LinkedMultiValueMap<>();
    HttpHeaders part = new HttpHeaders();
    part.setContentType(fileName.endsWith(".csv") ? MediaType.parseMediaType("text/csv")
        : MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"));
    body.add("file", new HttpEntity<>(new ByteArrayResource(bytes) {
      @Override
      public String getFilename() {
        return fileName;
      }
    }, part));
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.MULTIPART_FORM_DATA);
    return api.as(user).postForEntity("/api/award-imports" + (unit == null ? "" : "?unit=" + unit),
        new HttpEntity<>(body, headers), JsonNode.class);
  }

  /** Uploads and polls the job until it is finished; returns the finished job. */
  JsonNode importFile(String user, String fileName, byte[] bytes, String unit) throws InterruptedException {
    ResponseEntity<JsonNode> accepted = upload(user, fileName, bytes, unit);
    assertThat(accepted.getStatusCode()).as(String.valueOf(accepted.getBody())).isEqualTo(HttpStatus.ACCEPTED);
    String location = accepted.getHeaders().getLocation().toString();
    long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
    while (System.nanoTime() < deadline) {
      JsonNode job = api.get(user, location).getBody();
      if ("FINISHED".equals(job.get("phase").asText())) {
        return job;
      }
      Thread.sleep(100);
    }
    throw new AssertionError("import did not finish: " + location);
  }

  static byte[] csv(String... rows) {
    return ("\uFEFF" + HEADER + "\n" + String.join("\n", rows) + "\n").getBytes(StandardCharsets.UTF_8);
  }

  long registerRows() {
    return jdbc.sql("SELECT COUNT(*) FROM award_record").query(Long.class).single()
        + jdbc.sql("SELECT COUNT(*) FROM subject_rating").query(Long.class).single()
        + jdbc.sql("SELECT COUNT(*) FROM subject").query(Long.class).single();
  }

  @Test
  void aGoodCsvImportsAndTheSameFileTwiceAddsNothing() throws Exception {
    String who = unique();
    byte[] file = csv(
        "1,Cá nhân,Nguyễn Văn An " + who + ",14/05/1985,,Giáo viên,Trường THPT Chiềng Sinh,Trực tiếp lao động,2023,"
            + "Chiến sĩ thi đua cơ sở,Thường xuyên,12/QĐ-SGDĐT,20/12/2023,Giám đốc Sở Giáo dục và Đào tạo,"
            + "Hoàn thành xuất sắc nhiệm vụ",
        "2,Cá nhân,Nguyễn Văn An " + who + ",14/05/1985,,Giáo viên,Trường THPT Chiềng Sinh,Trực tiếp lao động,2024,"
            + "CSTD_CS,,15/QĐ-SGDĐT,2024-12-18,,Hoàn thành xuất sắc nhiệm vụ",
        "3,Tập thể,Tổ Toán " + who + ",,,,Trường THPT Chiềng Sinh,Tập thể nhỏ,2024,Tập thể lao động tiên tiến,,"
            + "16/QĐ-SGDĐT,18/12/2024,,");
    JsonNode job = importFile("officer.sgddt", "so-khen-thuong.csv", file, null);
    assertThat(job.get("status").asText()).as(job.toString()).isEqualTo("DONE");
    assertThat(job.get("awardsAdded").asInt()).isEqualTo(3);
    assertThat(job.get("ratingsAdded").asInt()).isEqualTo(2);
    assertThat(job.get("subjectsAdded").asInt()).isEqualTo(2);
    assertThat(job.get("percent").asInt()).isEqualTo(100);

    long before = registerRows();
    JsonNode again = importFile("officer.sgddt", "so-khen-thuong.csv", file, null);
    assertThat(again.get("status").asText()).isEqualTo("DONE");
    assertThat(again.get("awardsAdded").asInt()).isZero();
    assertThat(again.get("ratingsAdded").asInt()).isZero();
    assertThat(again.get("subjectsAdded").asInt()).isZero();
    assertThat(again.get("rowsAlreadyPresent").asInt()).isEqualTo(3);
    assertThat(again.get("message").asText()).contains("Tệp giống hệt đã được nhập");
    assertThat(registerRows()).isEqualTo(before);

    // the history, newest first, found without diacritics
    JsonNode found = api.get("officer.sgddt", "/api/subjects?q=nguyen van an " + who).getBody();
    assertThat(found.get("total").asInt()).isEqualTo(1);
    String id = found.get("items").get(0).get("id").asText();
    JsonNode awards = api.get("officer.sgddt", "/api/subjects/" + id + "/awards").getBody();
    assertThat(awards).hasSize(2);
    assertThat(awards.get(0).get("year").asInt()).isEqualTo(2024);
    assertThat(awards.get(1).get("year").asInt()).isEqualTo(2023);
    assertThat(awards.get(0).get("awardName").asText()).isEqualTo("Chiến sĩ thi đua cơ sở");
    assertThat(awards.get(0).get("subjectRole").asText()).isEqualTo("DIRECT_WORKER");
  }

  @Test
  void aFileWithBadRowsIsRefusedWholeWithEveryBadRowListedAndNothingStored() throws Exception {
    String who = unique();
    byte[] good = ("1,Cá nhân,Lò Thị Mai " + who + ",14/05/1990,,,,,2024,CSTD_CS,,1/QĐ-X,20/12/2024,,\n")
        .getBytes(StandardCharsets.UTF_8);
    byte[] rows = String.join("\n",
        "2,Cá nhân,Lò Văn Nam " + who + ",31/02/1990,,,,,2024,CSTD_CS,,2/QĐ-X,20/12/2024,,",
        "3,Cá nhân,Quàng Văn Hải " + who + ",01/01/1980,,,,,2024,HUY_CHUONG_VANG,,3/QĐ-X,20/12/2024,,",
        "4,Cá nhân,,01/01/1980,,,,,2024,CSTD_CS,,4/QĐ-X,20/12/2024,,",
        "5,Cá nhân,Lò Thị Mai " + who + ",14/05/1990,,,,,2024,CSTD_CS,,1/QĐ-X,20/12/2024,,",
        "6,Cá nhân,Cầm Văn Tú " + who + ",01/01/1980,,,,,2024,CSTD_CS,,6/QĐ-X,2024-13-45,,",
        "").getBytes(StandardCharsets.UTF_8);
    // row 7 saved in Windows-1258 (legacy encoding), not UTF-8
    byte[] legacy = ("7,Cá nhân,Đinh Thị Hằng " + who + ",01/01/1980,,,,,2024,CSTD_CS,,7/QĐ-X,20/12/2024,,\n")
        .getBytes(Charset.forName("windows-1258"));
    ByteArrayOutputStream file = new ByteArrayOutputStream();
    file.write(("\uFEFF" + HEADER + "\n").getBytes(StandardCharsets.UTF_8));
    file.write(good);
    file.write(rows);
    file.write(legacy);
    long before = registerRows();

    JsonNode job = importFile("officer.sgddt", "so-loi.csv", file.toByteArray(), null);

    assertThat(job.get("status").asText()).isEqualTo("REFUSED");
    assertThat(job.get("errors").findValues("row").stream().map(JsonNode::asInt).distinct().toList())
        .containsExactly(3, 4, 5, 6, 7, 8);
    List<String> messages = job.get("errors").findValuesAsText("message");
    assertThat(messages).anyMatch(m -> m.startsWith("Ngày sinh không hợp lệ: \"31/02/1990\""));
    assertThat(messages).anyMatch(m -> m.contains("không có trong danh mục: \"HUY_CHUONG_VANG\""));
    assertThat(messages).anyMatch(m -> m.equals("Chưa có họ và tên (tên tập thể)."));
    assertThat(messages).anyMatch(m -> m.startsWith("Trùng với dòng 2"));
    assertThat(messages).anyMatch(m -> m.startsWith("Ngày quyết định không hợp lệ: \"2024-13-45\""));
    assertThat(messages).anyMatch(m -> m.startsWith("Lỗi mã hóa ký tự"));
    assertThat(job.get("message").asText()).contains("không có dòng nào được ghi");
    assertThat(registerRows()).isEqualTo(before);
    assertThat(api.get("officer.sgddt", "/api/subjects?q=lo thi mai " + who).getBody().get("total").asInt()).isZero();
  }

  @Test
  void anXlsxWithATitleRowAndDateCellsImports() throws Exception {
    String who = unique();
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (XSSFWorkbook wb = new XSSFWorkbook()) {
      Sheet sheet = wb.createSheet("Sổ khen thưởng");
      sheet.createRow(0).createCell(0).setCellValue("SỔ THEO DÕI KHEN THƯỞNG - SỞ Y TẾ");
      String[] headers = {"STT", "Họ và tên", "Ngày sinh", "Mã đơn vị", "Năm", "Hình thức khen thưởng",
          "Số quyết định", "Ngày quyết định", "Xếp loại", "Ghi chú"};
      Row h = sheet.createRow(2);
      for (int i = 0; i < headers.length; i++) {
        h.createCell(i).setCellValue(headers[i]);
      }
      var dateStyle = wb.createCellStyle();
      dateStyle.setDataFormat(wb.getCreationHelper().createDataFormat().getFormat("dd/mm/yyyy"));
      Row r = sheet.createRow(3);
      r.createCell(0).setCellValue(1);
      r.createCell(1).setCellValue("Hà Thị Thu " + who);
      var birth = r.createCell(2);
      birth.setCellValue(LocalDate.of(1979, 4, 30));
      birth.setCellStyle(dateStyle);
      r.createCell(3).setCellValue("syt");
      r.createCell(4).setCellValue(2022);
      r.createCell(5).setCellValue("Bằng khen của Chủ tịch UBND tỉnh");
      r.createCell(6).setCellValue("2310/QĐ-UBND");
      var date = r.createCell(7);
      date.setCellValue(LocalDate.of(2023, 3, 1));
      date.setCellStyle(dateStyle);
      r.createCell(8).setCellValue("Hoàn thành tốt nhiệm vụ");
      r.createCell(9).setCellValue("ghi chú bất kỳ");
      wb.write(out);
    }
    JsonNode job = importFile("appraiser", "so-khen-thuong.xlsx", out.toByteArray(), null);
    assertThat(job.get("status").asText()).as(job.toString()).isEqualTo("DONE");
    assertThat(job.get("awardsAdded").asInt()).isEqualTo(1);
    assertThat(job.get("ratingsAdded").asInt()).isEqualTo(1);
    assertThat(job.get("message").asText()).contains("Ghi chú");
    JsonNode found = api.get("appraiser", "/api/subjects?q=HA THI THU " + who.toUpperCase()).getBody();
    assertThat(found.get("total").asInt()).isEqualTo(1);
    assertThat(found.get("items").get(0).get("birthDate").asText()).isEqualTo("1979-04-30");
    assertThat(found.get("items").get(0).get("unitCode").asText()).isEqualTo("syt");
  }

  @Test
  void anOfficerImportsOnlyForTheirOwnUnit() throws Exception {
    byte[] file = ("Họ và tên,Ngày sinh,Mã đơn vị,Năm,Danh hiệu,Số quyết định,Ngày quyết định\n"
        + "Sùng A Páo " + unique() + ",01/01/1980,syt,2024,LDTT,9/QĐ-SYT,20/12/2024\n").getBytes(StandardCharsets.UTF_8);
    JsonNode job = importFile("officer.sgddt", "khac-don-vi.csv", file, null);
    assertThat(job.get("status").asText()).isEqualTo("REFUSED");
    assertThat(job.get("errors").findValuesAsText("message")).contains("Bạn chỉ được nhập sổ khen thưởng của đơn vị mình.");
    assertThat(upload("auditor", "x.csv", file, null).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(upload("officer.sgddt", "x.txt", file, null).getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
  }

  @Test
  void searchIgnoresDiacriticsWhateverTheQueryHas() {
    String who = unique();
    String name = "Nguyễn Thị Ánh Tuyết " + who;
    assertThat(api.postJson("officer.sgddt", "/api/unit-records", Map.of("subjectKind", "INDIVIDUAL", "name", name,
        "birthDate", "1988-08-08", "role", "DIRECT_WORKER", "year", 2024, "rating", "GOOD")).getStatusCode())
        .isEqualTo(HttpStatus.CREATED);
    for (String q : List.of("nguyen thi anh tuyet " + who, "NGUYỄN THỊ ÁNH TUYẾT " + who, "Nguyen Thi Ánh  Tuyet " + who,
        "nguyễn thi anh tuyết " + who, "anh tuyet " + who)) {
      JsonNode found = api.get("officer.sgddt", "/api/subjects?q=" + q).getBody();
      assertThat(found.get("total").asInt()).as(q).isEqualTo(1);
      assertThat(found.get("items").get(0).get("name").asText()).isEqualTo(name);
    }
    // another unit's officer does not see the unit's people; home affairs does
    assertThat(api.get("officer.syt", "/api/subjects?q=anh tuyet " + who).getBody().get("total").asInt()).isZero();
    assertThat(api.get("appraiser", "/api/subjects?q=anh tuyet " + who).getBody().get("total").asInt()).isEqualTo(1);
    assertThat(api.get("appraiser", "/api/subjects?size=0").getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
  }

  @Test
  void unitsRecordTheirOwnPeoplesTitlesRatingsAndInitiatives() {
    String name = "Lường Văn Chiến " + unique();
    Map<String, Object> record = new java.util.LinkedHashMap<>(Map.of(
        "subjectKind", "INDIVIDUAL", "name", name, "birthDate", "1982-02-02", "citizenId", "014082000123",
        "role", "LEADER", "year", 2025, "title", "CSTD_CS", "decisionNumber", "45/QĐ-UBND", "decisionDate",
        "2025-12-15"));
    record.put("rating", "EXCELLENT");
    record.put("initiative", Map.of("title", "Số hóa hồ sơ một cửa", "scope", "UNIT",
        "recognisedBy", "Hội đồng sáng kiến phường Tô Hiệu"));
    ResponseEntity<JsonNode> created = api.postJson("officer.ptohieu", "/api/unit-records", record);
    assertThat(created.getStatusCode()).as(String.valueOf(created.getBody())).isEqualTo(HttpStatus.CREATED);
    JsonNode subject = created.getBody().get("subject");
    assertThat(subject.get("hasCitizenId").asBoolean()).isTrue();
    assertThat(subject.get("ratings").get(0).get("rating").asText()).isEqualTo("EXCELLENT");
    assertThat(subject.get("initiatives").get(0).get("scope").asText()).isEqualTo("UNIT");
    // the raw citizen ID is stored nowhere
    assertThat(jdbc.sql("SELECT COUNT(*) FROM subject WHERE citizen_id_hash LIKE '%014082000123%'")
        .query(Long.class).single()).isZero();
    // the same title twice adds nothing
    JsonNode again = api.postJson("officer.ptohieu", "/api/unit-records", Map.of("subjectKind", "INDIVIDUAL",
        "name", name, "birthDate", "1982-02-02", "year", 2025, "title", "CSTD_CS", "decisionNumber", "45/QĐ-UBND",
        "decisionDate", "2025-12-15")).getBody();
    assertThat(again.get("recorded").get("title").asText()).isEqualTo("ALREADY_PRESENT");
    assertThat(api.get("officer.ptohieu", "/api/subjects/" + subject.get("id").asText() + "/awards").getBody())
        .hasSize(1);

    // a provincial award is not a unit's to record; another unit's officer may not record here
    JsonNode refused = api.postJson("officer.ptohieu", "/api/unit-records", Map.of("subjectKind", "INDIVIDUAL",
        "name", name, "birthDate", "1982-02-02", "year", 2025, "title", "BK_TINH", "decisionNumber", "1",
        "decisionDate", "2025-12-15")).getBody();
    assertThat(refused.get("errors").findValuesAsText("field")).contains("title");
    assertThat(api.postJson("officer.syt", "/api/unit-records", Map.of("unitCode", "ptohieu", "subjectKind",
        "INDIVIDUAL", "name", name, "birthDate", "1982-02-02", "year", 2025, "rating", "GOOD")).getStatusCode())
        .isEqualTo(HttpStatus.FORBIDDEN);
  }

  @Test
  void possibleDuplicatesAreListedForReviewAndCanBeMerged() {
    String who = unique();
    api.postJson("officer.sgddt", "/api/unit-records", Map.of("subjectKind", "INDIVIDUAL", "name",
        "Vì Văn Đức " + who, "birthDate", "1975-05-05", "year", 2023, "rating", "GOOD"));
    api.postJson("officer.syt", "/api/unit-records", Map.of("subjectKind", "INDIVIDUAL", "name",
        "Vi Văn Đức " + who, "birthDate", "1975-05-05", "year", 2024, "rating", "EXCELLENT"));
    assertThat(api.get("officer.sgddt", "/api/subjects/duplicates").getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    JsonNode list = api.get("appraiser", "/api/subjects/duplicates").getBody();
    JsonNode pair = null;
    for (JsonNode p : list) {
      if (p.get("first").get("name").asText().endsWith(who)) {
        pair = p;
      }
    }
    assertThat(pair).as("the pair is listed").isNotNull();
    assertThat(pair.get("reason").asText()).contains("khác đơn vị").contains("khác dấu");
    JsonNode merged = api.postJson("appraiser", "/api/subjects/duplicates/merge", Map.of(
        "keep", pair.get("first").get("id").asText(), "merge", pair.get("second").get("id").asText())).getBody();
    assertThat(merged.get("ratings")).hasSize(2);
    assertThat(api.get("appraiser", "/api/subjects?q=vi van duc " + who).getBody().get("total").asInt()).isEqualTo(1);
  }

  @Test
  void theCatalogueShowsTheRewardInForceOnADateAndAdministratorsEditIt() {
    JsonNode before = api.get("officer.sgddt", "/api/award-types/BK_TINH?on=2025-06-30").getBody();
    assertThat(before.get("reward").get("bySubjectKind").get("INDIVIDUAL").get("coefficient").decimalValue())
        .isEqualByComparingTo("1.0");
    assertThat(before.get("reward").get("bySubjectKind").get("INDIVIDUAL").get("amount").asLong()).isEqualTo(2_340_000);
    assertThat(before.get("reward").get("baseSalaryBasis").asText()).startsWith("Nghị định 73/2024/NĐ-CP");
    JsonNode after = api.get("officer.sgddt", "/api/award-types/BK_TINH?on=2025-07-01").getBody();
    assertThat(after.get("reward").get("bySubjectKind").get("INDIVIDUAL").get("amount").asLong()).isEqualTo(3_510_000);
    assertThat(after.get("reward").get("bySubjectKind").get("COLLECTIVE").get("amount").asLong()).isEqualTo(7_020_000);
    assertThat(after.get("subjectKinds").toString()).contains("HOUSEHOLD");
    assertThat(after.get("requiredDocuments").get("NORMAL").toString()).contains("REVIEW_MINUTES");
    JsonNode all = api.get("officer.sgddt", "/api/award-types").getBody();
    assertThat(all.findValuesAsText("code")).contains("CSTD_CS", "LDTT", "TTLDTT", "CSTD_TINH", "CO_CP");
    JsonNode cstdtq = api.get("officer.sgddt", "/api/award-types/CSTD_TQ?on=2024-08-01").getBody();
    assertThat(cstdtq.get("reward").get("bySubjectKind").get("INDIVIDUAL").get("amount").asLong()).isEqualTo(10_530_000);

    String code = "GK_" + unique().toUpperCase().replaceAll("[^A-Z0-9]", "X");
    Map<String, Object> type = new java.util.LinkedHashMap<>(Map.of("code", code, "name", "Giấy khen thử",
        "level", "UNIT", "category", "AWARD", "subjectKinds", List.of("INDIVIDUAL", "COLLECTIVE"),
        "decider", "Thủ trưởng đơn vị", "legalBasis", "Luật Thi đua, khen thưởng 2022, Điều 75"));
    type.put("rewards", List.of(Map.of("validFrom", "2025-07-01", "individual", 0.3, "collective", 0.6,
        "legalBasis", "Nghị định 152/2025/NĐ-CP, Điều 54 khoản 1 điểm e")));
    assertThat(api.postJson("appraiser", "/api/award-types", type).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(api.postJson("admin", "/api/award-types", type).getStatusCode()).isEqualTo(HttpStatus.CREATED);
    assertThat(api.get("admin", "/api/award-types/" + code + "?on=2025-08-01").getBody().get("reward")
        // 0.3 × 2,340,000 = 702,000, rounded up to tens of thousands per the rule in force: 710,000
        .get("bySubjectKind").get("INDIVIDUAL").get("amount").asLong()).isEqualTo(710_000);

    Map<String, Object> bad = new java.util.LinkedHashMap<>(type);
    bad.put("level", "GALAXY");
    bad.put("name", "");
    bad.put("rewards", List.of(Map.of("validFrom", "2025-07-01", "household", 1.0, "legalBasis", "x")));
    ResponseEntity<JsonNode> refused = api.as("admin").exchange("/api/award-types/" + code,
        org.springframework.http.HttpMethod.PUT, jsonEntity(bad), JsonNode.class);
    assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(refused.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
    assertThat(refused.getBody().get("errors").findValuesAsText("field"))
        .contains("level", "name", "rewards[0].household");
    assertThat(api.get("admin", "/api/award-types/" + code).getBody().get("name").asText()).isEqualTo("Giấy khen thử");
  }

  @Test
  void administratorsMarkAnOrderForTheConsultationBeforeTheCouncilWithItsSource() {
    // issue 16, item 6: the catalogue marks HCLD_3 as published for opinions before the council, with its source
    JsonNode order = api.get("officer.sgddt", "/api/award-types/HCLD_3").getBody();
    assertThat(order.get("consultationRequired").asBoolean()).isTrue();
    assertThat(order.get("consultationBasis").asText()).contains("Điều 46").contains("cần xác nhận");
    assertThat(api.get("officer.sgddt", "/api/award-types/BK_TINH").getBody().get("consultationRequired").asBoolean())
        .isFalse();

    String code = "HC_" + unique().toUpperCase().replaceAll("[^A-Z0-9]", "X");
    Map<String, Object> type = new java.util.LinkedHashMap<>(Map.of("code", code, "name", "Huân chương thử",
        "level", "STATE", "category", "AWARD", "subjectKinds", List.of("INDIVIDUAL"), "decider", "Chủ tịch nước",
        "legalBasis", "Luật Thi đua, khen thưởng 2022 (thử)", "consultationRequired", true));
    ResponseEntity<JsonNode> withoutSource = api.postJson("admin", "/api/award-types", type);
    assertThat(withoutSource.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(withoutSource.getBody().get("errors").findValuesAsText("field")).containsExactly("consultationBasis");
    assertThat(api.get("admin", "/api/award-types/" + code).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);

    type.put("consultationBasis", "Nghị định 98/2023/NĐ-CP, Điều 46 (cần xác nhận)");
    assertThat(api.postJson("admin", "/api/award-types", type).getStatusCode()).isEqualTo(HttpStatus.CREATED);
    assertThat(api.get("admin", "/api/award-types/" + code).getBody().get("consultationBasis").asText())
        .isEqualTo("Nghị định 98/2023/NĐ-CP, Điều 46 (cần xác nhận)");

    // a change without the field keeps the mark; false removes it
    type.remove("consultationRequired");
    type.remove("consultationBasis");
    type.put("name", "Huân chương thử (sửa)");
    assertThat(api.as("admin").exchange("/api/award-types/" + code, org.springframework.http.HttpMethod.PUT,
        jsonEntity(type), JsonNode.class).getBody().get("consultationRequired").asBoolean()).isTrue();
    type.put("consultationRequired", false);
    JsonNode unmarked = api.as("admin").exchange("/api/award-types/" + code, org.springframework.http.HttpMethod.PUT,
        jsonEntity(type), JsonNode.class).getBody();
    assertThat(unmarked.get("consultationRequired").asBoolean()).isFalse();
    assertThat(unmarked.get("consultationBasis").isNull()).isTrue();
  }

  HttpEntity<String> jsonEntity(Object body) {
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_JSON);
    return new HttpEntity<>(api.write(body), headers);
  }
}

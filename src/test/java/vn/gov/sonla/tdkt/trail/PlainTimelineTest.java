package vn.gov.sonla.tdkt.trail;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import vn.gov.sonla.tdkt.award.AwardCatalog;
import vn.gov.sonla.tdkt.award.AwardType;
import vn.gov.sonla.tdkt.council.CouncilRepository;
import vn.gov.sonla.tdkt.decision.DecisionNumbering;
import vn.gov.sonla.tdkt.decision.DecisionRepository;
import vn.gov.sonla.tdkt.dossier.DossierService;
import vn.gov.sonla.tdkt.dossier.DossierStatus;
import vn.gov.sonla.tdkt.identity.PersonNames;
import vn.gov.sonla.tdkt.notice.PublicNoticeService;
import vn.gov.sonla.tdkt.support.Api;
import vn.gov.sonla.tdkt.support.AppTest;

/**
 * Issue 17: the auditor's plain-language timeline has no technical text. One dossier walked through supplement,
 * council, public notice with an objection, and its round's batch decision numbered by the clerk; every row of the
 * timeline — in the API, the CSV and the PDF — says in Vietnamese what was done, by whom (a person's full name or a
 * named body), when (HH:mm dd/MM/yyyy, Vietnam time) and with what result, and shows no code, status enum, variable
 * name, ISO timestamp, login id, group id or table name. The batch's steps (the proposal, the Chairman's decision,
 * the clerk's numbering) are on the dossier's timeline and on its technical record, which keeps everything.
 */
@AppTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PlainTimelineTest {

  private static final ZoneId VN = ZoneId.of("Asia/Ho_Chi_Minh");
  private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("HH:mm dd/MM/yyyy");
  private static final Pattern VIETNAMESE_WHEN = Pattern.compile("\\d{2}:\\d{2} \\d{2}/\\d{2}/\\d{4}");
  private static final Pattern CODE = Pattern.compile("\\b[A-Z]{2,}(_[A-Z0-9]+)+\\b");
  private static final Pattern MODEL_ID = Pattern.compile("\\b[A-Z][a-z]+_[A-Za-z0-9]+\\b");
  private static final Pattern CAMEL_CASE = Pattern.compile("\\b[a-z]+[A-Z][A-Za-z0-9]*\\b");
  private static final Pattern ISO_TIME = Pattern.compile("\\d{4}-\\d{2}-\\d{2}T");
  /** The engine's tables, the project's (named as "bảng …" in the technical record). */
  private static final Pattern TABLE = Pattern.compile(
      "ACT_|\\bbảng [a-z_]+|\\b(dossier_document|council_agenda_item|audit_record|decision_batch(_item)?)\\b");
  private static final Pattern GROUP_ID = Pattern.compile("\\bhome-affairs\\b|\\bunit-[a-z0-9]+\\b|\\bcamunda-admin\\b");
  private static final String COUNCIL = "Hội đồng Thi đua - Khen thưởng tỉnh";
  private static final String HOME_AFFAIRS = "Sở Nội vụ - Phòng Thi đua, Khen thưởng";

  @Autowired TestRestTemplate rest;
  @Autowired DossierService dossiers;
  @Autowired RuntimeService runtime;
  @Autowired TaskService tasks;
  @Autowired ManagementService management;
  @Autowired IdentityService identity;
  @Autowired CouncilRepository council;
  @Autowired PublicNoticeService notices;
  @Autowired DecisionRepository decisions;
  @Autowired DecisionNumbering numbering;
  @Autowired AwardCatalog catalog;
  @Autowired PersonNames names;

  Api api;
  TrailScenario.Run run;
  /** Whole words that are codes: statuses, award types, outcomes; the login ids and group ids of the demo. */
  Set<String> forbiddenWords = new HashSet<>();

  @BeforeAll
  void drive() {
    api = new Api(rest);
    run = new TrailScenario(dossiers, runtime, tasks, management, identity, council, notices, decisions)
        .numberedByTheClerk(numbering).run();
    for (DossierStatus s : DossierStatus.values()) {
      forbiddenWords.add(s.name());
    }
    catalog.all().stream().map(AwardType::code).forEach(forbiddenWords::add);
    forbiddenWords.addAll(List.of("SUPPLEMENT", "VALID", "REJECTED", "DISMISSED", "UPHELD", "PASSED", "FAILED",
        "SKIPPED", "APPROVED", "EXCLUDED", "REFUSED", "PROPOSED", "ANNUAL", "SUDDEN", "THEMATIC", "INDIVIDUAL",
        "COLLECTIVE", "null", "true", "false"));
    identity.createUserQuery().list().stream().map(User::getId).forEach(forbiddenWords::add);
    identity.createGroupQuery().list().stream().map(Group::getId).forEach(forbiddenWords::add);
  }

  @Test
  void everyRowOfTheApiTimelineSaysWhoDidWhatWhenWithWhatResultInPlainVietnamese() {
    ResponseEntity<JsonNode> response = api.get("auditor", "/api/dossiers/" + run.code() + "/history?view=plain");
    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
    List<List<String>> rows = new ArrayList<>();
    for (JsonNode row : response.getBody()) {
      List<String> values = new ArrayList<>();
      row.fields().forEachRemaining(f -> values.add(f.getValue().asText()));
      assertThat(values).as("only text in a row of the timeline: %s", row).hasSize(row.size());
      rows.add(List.of(row.path("when").asText(), row.path("who").asText(), row.path("action").asText(),
          row.path("what").asText(), row.path("result").asText()));
      assertPlain(String.join(" | ", values));
    }
    assertRows(rows);
  }

  @Test
  void everyRowOfTheCsvTimelineIsPlainToo() throws Exception {
    byte[] body = api.as("auditor").getForEntity("/api/dossiers/" + run.code() + "/history.csv?view=plain",
        byte[].class).getBody();
    String csv = new String(body, StandardCharsets.UTF_8).substring(1);
    List<List<String>> rows = new ArrayList<>();
    try (CSVParser parser = CSVParser.parse(csv, CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true)
        .get())) {
      assertThat(parser.getHeaderNames()).containsExactly("Thời điểm", "Người thực hiện", "Việc", "Nội dung",
          "Kết quả");
      for (CSVRecord r : parser.getRecords()) {
        rows.add(r.toList());
        assertPlain(String.join(" | ", r.toList()));
      }
    }
    assertRows(rows);
  }

  @Test
  void thePdfTimelineIsPlainToo() throws Exception {
    byte[] body = api.as("auditor").getForEntity("/api/dossiers/" + run.code() + "/history.pdf?view=plain",
        byte[].class).getBody();
    try (PDDocument pdf = Loader.loadPDF(body)) {
      String text = new PDFTextStripper().getText(pdf);
      assertPlain(text);
      assertThat(text).contains("DÒNG THỜI GIAN", run.code(), run.decisionNumber(), "Lò Thị Hoa", "Lê Văn Hùng",
          "Nguyễn Thị Lan", COUNCIL, when(run.numbered()), "Bằng khen của Chủ tịch UBND tỉnh", "Đã khen thưởng");
    }
  }

  /** The technical record keeps everything: the clerk's and the Chairman's tasks of the batch with their ids. */
  @Test
  void theTechnicalRecordKeepsTheBatchsStepsWithTheirIds() {
    JsonNode full = api.get("auditor", "/api/dossiers/" + run.code() + "/history?view=full").getBody();
    List<JsonNode> batch = new ArrayList<>();
    full.forEach(e -> {
      if (e.path("details").path("batchKey").asText().equals(run.batchKey())) {
        batch.add(e);
      }
    });
    assertThat(batch).anySatisfy(e -> {
      assertThat(e.path("kind").asText()).isEqualTo("TASK_COMPLETED");
      assertThat(e.path("actor").asText()).isEqualTo("clerk");
      assertThat(e.path("details").path("taskName").asText()).isEqualTo("Cấp số quyết định");
      assertThat(e.path("details").path("values").path("decisionRegister").asText()).isEqualTo("QĐ-UBND");
    });
    assertThat(batch).anySatisfy(e -> {
      assertThat(e.path("kind").asText()).isEqualTo("TASK_COMPLETED");
      assertThat(e.path("actor").asText()).isEqualTo("chairman");
      assertThat(e.path("details").path("taskName").asText()).isEqualTo("Quyết định khen thưởng theo đợt");
    });
    assertThat(batch).anySatisfy(e -> assertThat(e.path("kind").asText()).isEqualTo("STEP_STARTED"));
    assertThat(full.toString()).contains("ACT_HI_").contains("AWARDED");
    // a unit reads its own dossier's batch steps, never the other dossiers of the batch (the Chairman's lists)
    JsonNode unit = api.get("officer.sgddt", "/api/dossiers/" + run.code() + "/history?view=full").getBody();
    assertThat(unit.toString()).contains(run.decisionNumber()).doesNotContain("excludedList", "refusedList");
  }

  // ----------------------------------------------------------------------------------------------

  /** Each row (when, who, action, what, result) filled in; the batch's people and bodies named. */
  private void assertRows(List<List<String>> rows) {
    assertThat(rows).hasSizeGreaterThan(10);
    Set<String> people = Set.of(names.of("officer.sgddt"), names.of("appraiser"), names.of("chairman"),
        names.of("clerk"), "Nguyễn Văn Dân", COUNCIL, HOME_AFFAIRS, "Hệ thống");
    for (List<String> row : rows) {
      String all = String.join(" | ", row);
      assertThat(row.get(0)).as("when: %s", all).matches(VIETNAMESE_WHEN);
      assertThat(row.get(1)).as("who: %s", all).isIn(people);
      assertThat(row.get(2)).as("action: %s", all).isNotBlank().matches(".*[à-ỹĐđ].*");
      assertThat(row.get(3)).as("what: %s", all).isNotBlank();
      assertThat(row.get(4)).as("result: %s", all).isNotBlank().matches(".*[\\p{L}].*");
    }
    // the batch's steps are on the dossier's timeline: the proposal, the Chairman's decision, the clerk's number
    assertThat(rows).anySatisfy(r -> {
      assertThat(r.get(1)).isEqualTo(names.of("clerk"));
      assertThat(r.get(0)).isEqualTo(when(run.numbered()));
      assertThat(r.get(4)).contains(run.decisionNumber());
    });
    assertThat(rows).anySatisfy(r -> {
      assertThat(r.get(1)).isEqualTo(names.of("chairman"));
      assertThat(r.get(0)).isEqualTo(when(run.decided()));
      assertThat(r.get(3)).contains("Quyết định khen thưởng theo đợt", "Bằng khen của Chủ tịch UBND tỉnh");
      assertThat(r.get(4)).contains("Đồng ý khen thưởng");
    });
    assertThat(rows).anySatisfy(r -> {
      assertThat(r.get(1)).isEqualTo(HOME_AFFAIRS);
      assertThat(r.get(3)).contains("tờ trình");
    });
    // statuses, outcomes, awards, groups and timers in words
    assertThat(rows).anySatisfy(r -> assertThat(r.get(4)).contains("Chờ bổ sung"));
    assertThat(rows).anySatisfy(r -> assertThat(r.get(4)).contains("Cần bổ sung hồ sơ"));
    assertThat(rows).anySatisfy(r -> assertThat(r.get(3)).contains("Bằng khen của Chủ tịch UBND tỉnh"));
    assertThat(rows).anySatisfy(r -> assertThat(r.get(1)).isEqualTo(COUNCIL));
    assertThat(rows).anySatisfy(r -> assertThat(r.get(3)).contains("Hết thời hạn công khai").contains("hạn ")
        .containsPattern("\\d{2}:\\d{2} ngày \\d{2}/\\d{2}/\\d{4}"));
    assertThat(rows).anySatisfy(r -> assertThat(r.get(4)).contains("Phản ánh không có cơ sở"));
    assertThat(rows).anySatisfy(r -> assertThat(r.get(3)).contains("tới " + HOME_AFFAIRS));
  }

  /** No code, status, variable or model id, ISO timestamp, table name, login id or group id in the text. */
  private void assertPlain(String text) {
    assertNone(CODE, text, "a code");
    assertNone(MODEL_ID, text, "a model element id");
    assertNone(CAMEL_CASE, text, "a variable name");
    assertNone(ISO_TIME, text, "an ISO timestamp");
    assertNone(TABLE, text, "a table name");
    assertNone(GROUP_ID, text, "a group id");
    for (String word : text.split("[^\\p{L}\\p{N}._-]+")) {
      String bare = word.replaceAll("^[._-]+|[._-]+$", "");
      assertThat(forbiddenWords).as("a code, login id or group id '%s' in: %s", bare, text).doesNotContain(bare);
    }
  }

  private static void assertNone(Pattern pattern, String text, String what) {
    Matcher m = pattern.matcher(text);
    assertThat(m.find()).as("%s (%s) in: %s", what, m.find(0) ? m.group() : "", text).isFalse();
  }

  private static String when(Date at) {
    return Instant.ofEpochMilli(at.getTime()).atZone(VN).format(WHEN);
  }
}

package vn.gov.sonla.tdkt.trail;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import vn.gov.sonla.tdkt.council.CouncilRepository;
import vn.gov.sonla.tdkt.decision.DecisionRepository;
import vn.gov.sonla.tdkt.dossier.DossierService;
import vn.gov.sonla.tdkt.notice.PublicNoticeService;
import vn.gov.sonla.tdkt.support.Api;
import vn.gov.sonla.tdkt.support.AppTest;

/** The trail over HTTP: JSON, CSV and PDF, and who may read them. */
@AppTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DossierTrailApiTest {

  @Autowired TestRestTemplate rest;
  @Autowired DossierService dossiers;
  @Autowired RuntimeService runtime;
  @Autowired TaskService tasks;
  @Autowired ManagementService management;
  @Autowired IdentityService identity;
  @Autowired CouncilRepository council;
  @Autowired PublicNoticeService notices;
  @Autowired DecisionRepository decisions;

  Api api;
  TrailScenario.Run run;

  @BeforeAll
  void drive() {
    api = new Api(rest);
    run = new TrailScenario(dossiers, runtime, tasks, management, identity, council, notices, decisions).run();
  }

  private String url(String suffix) {
    return "/api/dossiers/" + run.code() + "/history" + suffix;
  }

  @Test
  void theJsonListsTheTrailInTimeOrderWithSourcesAndActors() {
    ResponseEntity<JsonNode> response = api.get("auditor", url(""));
    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
    JsonNode list = response.getBody();
    List<String> kinds = new ArrayList<>();
    String previous = "";
    for (JsonNode e : list) {
      kinds.add(e.get("kind").asText());
      assertThat(e.get("source").asText()).isNotBlank();
      assertThat(e.get("sourceLabel").asText()).isNotBlank();
      assertThat(e.get("at").asText()).endsWith("+07:00");
      String at = java.time.OffsetDateTime.parse(e.get("at").asText()).toInstant().toString();
      assertThat(at.compareTo(previous)).isGreaterThanOrEqualTo(0);
      previous = at;
    }
    assertThat(kinds).contains("DOSSIER_SUBMITTED", "DOCUMENT_ADDED", "TASK_CLAIMED", "TASK_COMPLETED",
        "STATUS_CHANGED", "COUNCIL_TALLY", "OBJECTION_FILED", "OBJECTION_REVIEWED", "TIMER_FIRED", "DECISION_ISSUED");
    assertThat(list.findValuesAsText("actor")).contains("officer.sgddt", "appraiser", "chairman");
    assertThat(list.toString()).contains(run.decisionNumber()).doesNotContain("approvals");
  }

  /**
   * The auditor's plain-language timeline: who did what, when, with what result — the steps' technical record
   * (activity starts and ends, task creation, process data) only in the full view; people named; an unknown view is
   * refused in Vietnamese; the CSV export follows the view.
   */
  @Test
  void thePlainTimelineSaysWhoDidWhatWithoutTheTechnicalRecord() throws Exception {
    JsonNode full = api.get("auditor", url("")).getBody();
    JsonNode plain = api.get("auditor", url("?view=plain")).getBody();
    assertThat(plain.size()).isPositive().isLessThan(full.size());
    // the timeline's rows say the action in words (the kinds' labels), never the technical record's
    assertThat(plain.findValuesAsText("action")).contains(TrailKind.DOSSIER_SUBMITTED.label(),
        TrailKind.TASK_COMPLETED.label(), TrailKind.STATUS_CHANGED.label(), TrailKind.COUNCIL_TALLY.label(),
        TrailKind.OBJECTION_REVIEWED.label(), TrailKind.DECISION_ISSUED.label())
        .doesNotContain(TrailKind.VARIABLE_SET.label(), TrailKind.VARIABLE_CHANGED.label(),
            TrailKind.STEP_STARTED.label(), TrailKind.STEP_ENDED.label(), TrailKind.TASK_CREATED.label());
    for (JsonNode e : plain) {
      assertThat(e.get("what").asText()).as("plain summary").doesNotContain("ACT_", "${");
      assertThat(e.get("who").asText()).as("who: %s", e.get("what").asText()).isNotBlank();
    }
    ResponseEntity<JsonNode> bad = api.get("auditor", url("?view=raw"));
    assertThat(bad.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(bad.getBody().get("errors").findValuesAsText("field")).containsExactly("view");
    String csv = new String(api.as("auditor").getForEntity(url(".csv?view=plain"), byte[].class).getBody(),
        StandardCharsets.UTF_8);
    try (var parser = org.apache.commons.csv.CSVParser.parse(csv.substring(1),
        org.apache.commons.csv.CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get())) {
      assertThat(parser.getRecords()).hasSize(plain.size());
    }
  }

  @Test
  void theCsvHasEveryEntryWithVietnameseIntact() {
    ResponseEntity<byte[]> response = api.as("appraiser").getForEntity(url(".csv"), byte[].class);
    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(response.getHeaders().getContentType().isCompatibleWith(MediaType.parseMediaType("text/csv"))).isTrue();
    byte[] body = response.getBody();
    assertThat(body).startsWith(0xEF, 0xBB, 0xBF);
    String csv = new String(body, StandardCharsets.UTF_8);
    int entries = api.get("appraiser", url("")).getBody().size();
    assertThat(csv).contains("Thời điểm,Nguồn,Loại,Người thực hiện,Nội dung")
        .contains("Thẩm định hồ sơ").contains("biên-bản-bổ-sung.pdf").contains("Đang công khai (PUBLIC_NOTICE)")
        .contains("Hội đồng").contains("DISMISSED").contains(run.decisionNumber()).contains("TIMER_FIRED");
    try (var parser = org.apache.commons.csv.CSVParser.parse(csv.substring(1),
        org.apache.commons.csv.CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get())) {
      assertThat(parser.getRecords()).hasSize(entries);
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  @Test
  void thePdfReadsBackWithTitleCodeDecisionNumberAndProducer() throws Exception {
    ResponseEntity<byte[]> response = api.as("auditor").getForEntity(url(".pdf"), byte[].class);
    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(response.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PDF);
    try (PDDocument pdf = Loader.loadPDF(response.getBody())) {
      String text = new PDFTextStripper().getText(pdf);
      assertThat(text).contains("NHẬT KÝ HỒ SƠ").contains(run.code()).contains(run.decisionNumber())
          .contains("bởi Phạm Thu Hà").contains("Lập lúc").contains("Thẩm định hồ sơ").contains("Xác minh ý kiến phản ánh")
          // people by name (issue 17), not by login id
          .contains("Vũ Thị Hạnh").contains("người ký: Lê Văn Hùng").doesNotContain("người ký: chairman");
      assertThat(pdf.getDocumentInformation().getAuthor()).isEqualTo("Phạm Thu Hà");
    }
  }

  @Test
  void whoMayReadTheTrailAndItsExports() {
    for (String suffix : List.of("", ".csv", ".pdf")) {
      assertThat(status("auditor", suffix)).as("auditor " + suffix).isEqualTo(HttpStatus.OK);
      assertThat(status("appraiser", suffix)).as("home-affairs " + suffix).isEqualTo(HttpStatus.OK);
      assertThat(status("officer.sgddt", suffix)).as("own unit " + suffix).isEqualTo(HttpStatus.OK);
      assertThat(status("officer.syt", suffix)).as("other unit " + suffix).isEqualTo(HttpStatus.NOT_FOUND);
      assertThat(rest.getForEntity(url(suffix), byte[].class).getStatusCode()).as("anonymous " + suffix)
          .isEqualTo(HttpStatus.UNAUTHORIZED);
    }
  }

  @Test
  void thePageIsServedAndLinkedFromTheDossierPage() {
    ResponseEntity<String> page = api.as("auditor").getForEntity("/dossiers/history.html", String.class);
    assertThat(page.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(page.getBody()).contains("Nhật ký hồ sơ").contains("history.js").contains("Tải CSV").contains("Tải PDF");
    assertThat(api.as("auditor").getForEntity("/dossiers/history.js", String.class).getBody())
        .contains("/history").contains("'.csv'").contains("'.pdf'");
    assertThat(api.as("auditor").getForEntity("/dossiers/view.html", String.class).getBody())
        .contains("href=\"history.html\"");
  }

  private HttpStatus status(String user, String suffix) {
    return HttpStatus.valueOf(api.as(user).getForEntity(url(suffix), byte[].class).getStatusCode().value());
  }
}

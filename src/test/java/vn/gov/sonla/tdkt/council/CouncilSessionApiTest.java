package vn.gov.sonla.tdkt.council;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import vn.gov.sonla.tdkt.dossier.Dossier;
import vn.gov.sonla.tdkt.dossier.DossierService;
import vn.gov.sonla.tdkt.support.Api;
import vn.gov.sonla.tdkt.support.AppTest;

/**
 * The council-session API and the secret ballot over HTTP: a council member, an auditor and an
 * administrator cannot read another member's vote through the engine REST API or the project's API;
 * they see that a member voted and when. Its own context, so the agenda holds only its dossiers.
 */
@AppTest
class CouncilSessionApiTest {

  private static final String BASE = "/api/council-sessions";

  @Autowired TestRestTemplate rest;
  @Autowired DossierService dossierService;
  @Autowired RuntimeService runtime;
  @Autowired TaskService tasks;
  @Autowired ManagementService management;
  @Autowired org.springframework.jdbc.core.JdbcTemplate jdbc;

  Api api;
  CouncilDossiers fixtures;

  @BeforeEach
  void setUp() {
    api = new Api(rest);
    fixtures = new CouncilDossiers(dossierService, runtime, tasks);
  }

  private static Map<String, Object> open(int year, int round) {
    return Map.of("year", year, "round", round, "note", "Phiên họp đợt " + round);
  }

  private String ballotTaskId(String key, String member) {
    return tasks.createTaskQuery().processInstanceBusinessKey(key).taskDefinitionKey("Task_Ballot")
        .taskAssignee(member).singleResult().getId();
  }

  /** Who may open a session and its fields' rules: CouncilSessionWebTest (the web layer alone). */
  @Test
  void openingASessionIsForHomeAffairsWithAValidUnusedKey() {
    // through the whole application's security chain: the access rule and the declared rules still answer
    assertThat(api.postJson("council1", BASE, open(2040, 1)).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(api.postJson("appraiser", BASE, Map.of("year", 1900, "round", 1)).getBody().get("errors")
        .findValuesAsText("field")).containsExactly("year");
    assertThat(api.get("auditor", BASE + "/2040-R7").getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);

    fixtures.awaitingCouncil("BK_TINH");
    ResponseEntity<JsonNode> opened = api.postJson("appraiser", BASE, open(2040, 1));
    assertThat(opened.getStatusCode()).isEqualTo(HttpStatus.CREATED);
    assertThat(opened.getHeaders().getLocation().toString()).endsWith(BASE + "/2040-R1");
    assertThat(opened.getBody().get("status").asText()).isEqualTo("VOTING");
    ResponseEntity<JsonNode> again = api.postJson("appraiser.lead", BASE, open(2040, 1));
    assertThat(again.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
    assertThat(again.getBody().get("detail").asText()).contains("2040-R1");
    assertThat(api.get("officer.sgddt", BASE + "/2040-R1").getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(api.get("appraiser", BASE + "/2040-R1/minutes").getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
    runtime.deleteProcessInstance(opened.getBody().get("processInstanceId").asText(), "test");
  }

  @Test
  void votesAreSecretWhileAttendanceIsVisible() throws Exception {
    Dossier a = fixtures.awaitingCouncil("CSTD_TINH");
    Dossier b = fixtures.awaitingCouncil("BK_TINH");
    String key = "2041-R1";
    assertThat(api.postJson("appraiser", BASE, open(2041, 1)).getStatusCode()).isEqualTo(HttpStatus.CREATED);

    JsonNode session = api.get("council1", BASE + "/" + key).getBody();
    assertThat(session.get("agenda").findValuesAsText("dossierCode")).contains(a.code(), b.code());
    assertThat(session.get("memberCount").asInt()).isEqualTo(9);

    // ballot errors: not a member, a code not on the agenda
    assertThat(api.postJson("appraiser", BASE + "/" + key + "/ballot", Map.of("approvals", List.of(a.code())))
        .getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(api.postJson("council1", BASE + "/" + key + "/ballot", Map.of("approvals", List.of("2041-zz-0001")))
        .getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(api.postJson("council1", BASE + "/2041-R5/ballot", Map.of("approvals", List.of()))
        .getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);

    // council1 votes through the project's API; council2 through Tasklist's engine REST call
    String council2Task = ballotTaskId(key, "council2");
    String council3Task = ballotTaskId(key, "council3");
    assertThat(api.postJson("council1", BASE + "/" + key + "/ballot", Map.of("approvals", List.of(a.code(), b.code())))
        .getStatusCode()).isEqualTo(HttpStatus.OK);
    ResponseEntity<JsonNode> twice = api.postJson("council1", BASE + "/" + key + "/ballot",
        Map.of("approvals", List.of()));
    assertThat(twice.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
    assertThat(twice.getBody().get("detail").asText()).contains("đã bỏ phiếu");
    assertThat(api.postJson("council2", "/engine-rest/task/" + council2Task + "/submit-form",
        Map.of("variables", Map.of("approvals", Map.of("type", "Json", "value", "[\"" + b.code() + "\"]"))))
        .getStatusCode()).isIn(HttpStatus.NO_CONTENT, HttpStatus.OK);

    for (String reader : List.of("council1", "auditor", "admin")) {
      // engine history: no variable, no detail, no form field carries a vote
      ResponseEntity<String> vars = rest.withBasicAuth(reader, "demo")
          .getForEntity("/engine-rest/history/variable-instance?variableName=approvals", String.class);
      ResponseEntity<String> details = rest.withBasicAuth(reader, "demo")
          .getForEntity("/engine-rest/history/detail?maxResults=5000", String.class);
      if ("council1".equals(reader)) {
        // members do not read the engine's history at all (issue 15: the route allow-list)
        assertThat(vars.getStatusCode().value()).isEqualTo(403);
        assertThat(details.getStatusCode().value()).isEqualTo(403);
      } else {
        assertThat(vars.getBody()).as(reader).isIn("[]", null).doesNotContain(a.code());
      }
      assertThat(details.getBody()).as(reader).doesNotContain("\"approvals\"").doesNotContain("\"formField\"");
      JsonNode detailList = new com.fasterxml.jackson.databind.ObjectMapper().readTree(details.getBody());
      assertThat(detailList.findValuesAsText("variableName")).as(reader).doesNotContain("approvals");
      // another member's ballot task: refused, or without any vote
      ResponseEntity<String> taskVars = rest.withBasicAuth(reader, "demo")
          .getForEntity("/engine-rest/task/" + council3Task + "/variables", String.class);
      if (taskVars.getStatusCode().is2xxSuccessful()) {
        assertThat(taskVars.getBody()).as(reader).doesNotContain("\"approvals\"");
      } else {
        assertThat(taskVars.getStatusCode().value()).as(reader).isIn(403, 404);
      }
      // the finished ballot of council2: visible that it was done and when, not how
      ResponseEntity<String> done = rest.withBasicAuth(reader, "demo")
          .getForEntity("/engine-rest/history/variable-instance?taskIdIn=" + council2Task, String.class);
      assertThat(done.getBody()).as(reader).doesNotContain("approvals");
      // the project's API: attendance without votes, no counts before the tally
      JsonNode view = api.get(reader, BASE + "/" + key).getBody();
      assertThat(view.get("attendance").findValuesAsText("member")).as(reader).containsExactlyInAnyOrder(
          "council1", "council2");
      assertThat(view.get("attendance").get(0).get("castAt").asText()).isNotBlank();
      assertThat(view.get("tallies")).isEmpty();
      assertThat(view.toString()).doesNotContain("approvals").doesNotContain("inFavour");
    }
    ResponseEntity<String> historicBallot = rest.withBasicAuth("auditor", "demo")
        .getForEntity("/engine-rest/history/task?taskId=" + council2Task, String.class);
    assertThat(historicBallot.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(historicBallot.getBody()).contains("\"assignee\":\"council2\"").contains("\"endTime\":\"");

    // the other members vote, the tally runs (asynchronous continuation), the minutes are downloadable
    for (int m = 3; m <= 9; m++) {
      assertThat(api.postJson("council" + m, BASE + "/" + key + "/ballot", Map.of("approvals", List.of(a.code())))
          .getStatusCode()).isEqualTo(HttpStatus.OK);
    }
    String pi = runtime.createProcessInstanceQuery().processInstanceBusinessKey(key).singleResult().getId();
    vn.gov.sonla.tdkt.support.Jobs.settleInstance(management, pi);
    assertThat(api.postJson("council1", BASE + "/" + key + "/ballot", Map.of("approvals", List.of()))
        .getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
    JsonNode resolved = api.get("chairman", BASE + "/" + key).getBody();
    assertThat(resolved.get("status").asText()).isEqualTo("RESOLVED");
    JsonNode tallyA = null;
    JsonNode tallyB = null;
    for (JsonNode t : resolved.get("tallies")) {
      if (t.get("code").asText().equals(a.code())) {
        tallyA = t;
      } else if (t.get("code").asText().equals(b.code())) {
        tallyB = t;
      }
    }
    assertThat(tallyA.get("votesFor").asInt()).isEqualTo(8);
    assertThat(tallyA.get("votesRequired").asInt()).isEqualTo(9);
    assertThat(tallyA.get("passed").asBoolean()).isFalse();
    assertThat(tallyB.get("votesFor").asInt()).isEqualTo(2);
    assertThat(tallyB.get("votesAgainst").asInt()).isEqualTo(7);
    assertThat(tallyB.get("passed").asBoolean()).isFalse();
    assertThat(resolved.get("minutesUrl").asText()).isEqualTo(BASE + "/" + key + "/minutes");

    ResponseEntity<byte[]> minutes = rest.withBasicAuth("auditor", "demo")
        .getForEntity(BASE + "/" + key + "/minutes", byte[].class);
    assertThat(minutes.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(minutes.getHeaders().getContentType().toString()).isEqualTo("application/pdf");
    try (PDDocument doc = Loader.loadPDF(minutes.getBody())) {
      String text = new PDFTextStripper().getText(doc).replaceAll("\\s+", " ");
      assertThat(text).contains("Tán thành: 8; Không tán thành: 1; Vắng mặt: 0; Số phiếu cần đạt: 9")
          .contains("(council2): bỏ phiếu lúc");
    }
  }
  @Test
  void theSecretaryRecordsWrittenOpinionsClosesEarlyAndTheYearsSessionsListWithNamesAndTitles() {
    Dossier d = fixtures.awaitingCouncil("BK_TINH");
    String key = "2042-R1";
    String base = BASE + "/" + key;
    assertThat(api.postJson("appraiser", BASE, Map.of("year", 2042, "round", 1, "mode", "EMAIL")).getStatusCode())
        .isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(api.postJson("appraiser", BASE, open(2042, 1)).getStatusCode()).isEqualTo(HttpStatus.CREATED);

    JsonNode session = api.get("chairman", base).getBody();
    assertThat(session.get("mode").asText()).isEqualTo("ONLINE");
    assertThat(session.get("ballotDueText").asText()).matches("\\d{2}:\\d{2} ngày \\d{2}/\\d{2}/\\d{4}");
    JsonNode first = session.get("members").get(0);
    assertThat(first.get("id").asText()).isEqualTo("council1");
    assertThat(first.get("name").asText()).isEqualTo("Đinh Văn An");
    assertThat(first.get("title").asText()).isEqualTo("Phó Chủ tịch UBND tỉnh – Chủ tịch Hội đồng");
    assertThat(first.get("voted").asBoolean()).isFalse();

    for (int m = 1; m <= 8; m++) {
      assertThat(api.postJson("council" + m, base + "/ballot", Map.of("approvals", List.of(d.code())))
          .getStatusCode()).isEqualTo(HttpStatus.OK);
    }
    // one member has not voted: 409 in Vietnamese with the member's name, nothing changed
    ResponseEntity<JsonNode> early = api.postJson("appraiser", base + "/closure", Map.of());
    assertThat(early.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
    assertThat(early.getBody().get("detail").asText()).contains("còn 1 thành viên chưa bỏ phiếu", "Sầm Văn Khoa");
    assertThat(api.postJson("council1", base + "/closure", Map.of()).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    ResponseEntity<JsonNode> notMember = api.postJson("appraiser", base + "/written-opinions",
        Map.of("member", "chairman", "approvals", List.of()));
    assertThat(notMember.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(notMember.getBody().get("type").asText()).endsWith("/invalid-input");
    assertThat(api.postJson("council9", base + "/written-opinions", Map.of("member", "council9",
        "approvals", List.of(d.code()))).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);

    ResponseEntity<JsonNode> written = api.postJson("appraiser", base + "/written-opinions",
        Map.of("member", "council9", "approvals", List.of(d.code())));
    assertThat(written.getStatusCode()).isEqualTo(HttpStatus.OK);
    JsonNode ninth = written.getBody().get("members").get(8);
    assertThat(ninth.get("voted").asBoolean()).isTrue();
    assertThat(ninth.get("kind").asText()).isEqualTo("WRITTEN");
    assertThat(ninth.get("counting").asText()).isEqualTo("VOTE");

    ResponseEntity<JsonNode> closed = api.postJson("appraiser", base + "/closure", Map.of());
    assertThat(closed.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(closed.getBody().get("closedEarlyBy").asText()).isEqualTo("Nguyễn Thị Lan");
    vn.gov.sonla.tdkt.support.Jobs.settleInstance(management, closed.getBody().get("processInstanceId").asText());
    JsonNode resolved = api.get("auditor", base).getBody();
    assertThat(resolved.get("status").asText()).isEqualTo("RESOLVED");
    JsonNode tally = null;
    for (JsonNode t : resolved.get("tallies")) {
      if (t.get("code").asText().equals(d.code())) {
        tally = t;
      }
    }
    assertThat(tally).isNotNull();
    assertThat(tally.get("votesFor").asInt()).isEqualTo(9);

    ResponseEntity<JsonNode> year = api.get("council3", BASE + "?year=2042");
    assertThat(year.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(year.getBody().findValuesAsText("key")).containsExactly(key);
    assertThat(year.getBody().get(0).get("minutesUrl").asText()).isEqualTo(base + "/minutes");
    assertThat(api.get("officer.sgddt", BASE + "?year=2042").getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(api.get("auditor", BASE + "?year=1999").getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
  }
  @Test
  void theProcedureDeadlineIsShownToEveryRoleAndLateDossiersAreReported() {
    Dossier d = fixtures.awaitingCouncil("BK_TINH");
    String url = "/api/dossiers/" + d.code();
    for (String user : List.of("officer.sgddt", "appraiser", "chairman", "auditor")) {
      JsonNode deadline = api.get(user, url).getBody().get("procedureDeadline");
      assertThat(deadline.get("workingDays").asInt()).as(user).isEqualTo(25);
      assertThat(deadline.get("state").asText()).as(user).isEqualTo("RUNNING");
      assertThat(deadline.get("dueText").asText()).matches("17:00 ngày \\d{2}/\\d{2}/\\d{4}");
    }
    int year = java.time.LocalDate.now().getYear();
    JsonNode before = api.get("auditor", "/api/reports?year=" + year).getBody().get("late");
    assertThat(before.get("workingDays").asInt()).isEqualTo(25);
    assertThat(before.get("dossiers").findValuesAsText("code")).doesNotContain(d.code());

    // received complete 60 days ago and still waiting for the council: past the limit
    jdbc.update("UPDATE dossier SET submitted_at = ? WHERE code = ?",
        java.time.OffsetDateTime.now().minusDays(60), d.code());
    JsonNode overdue = api.get("officer.sgddt", url).getBody().get("procedureDeadline");
    assertThat(overdue.get("state").asText()).isEqualTo("OVERDUE");
    assertThat(overdue.get("workingDaysLate").asInt()).isPositive();
    assertThat(overdue.get("stateLabel").asText()).startsWith("Quá hạn ");
    // the report pages its late dossiers (100 a page): look through every page
    JsonNode row = null;
    long total = 1;
    for (int page = 0; row == null && page * 100L < total; page++) {
      JsonNode late = api.get("auditor", "/api/reports?year=" + year + "&late-page=" + page).getBody().get("late");
      total = late.get("total").asLong();
      for (JsonNode r : late.get("dossiers")) {
        if (r.get("code").asText().equals(d.code())) {
          row = r;
        }
      }
    }
    assertThat(row).isNotNull();
    assertThat(row.get("state").asText()).isEqualTo("OVERDUE");
    assertThat(row.get("workingDaysLate").asInt()).isEqualTo(overdue.get("workingDaysLate").asInt());
  }

  /**
   * A dossier stays on the agenda of the session that is voting on it: a second session opened meanwhile (found by
   * the deadline-day load test: a session opened while another was still voting took its twenty dossiers again, and
   * the Chairman's batch held them twice) takes only the dossiers no running session holds. When a session's process
   * is gone (cancelled by an administrator), its dossiers are free again.
   */
  @Test
  void aDossierOnTheAgendaOfARunningSessionIsNotTakenByAnother() {
    Dossier first = fixtures.awaitingCouncil("BK_TINH");
    ResponseEntity<JsonNode> r1 = api.postJson("appraiser", BASE, open(2065, 1));
    assertThat(r1.getStatusCode()).isEqualTo(HttpStatus.CREATED);
    assertThat(api.get("council1", BASE + "/2065-R1").getBody().get("agenda").findValuesAsText("dossierCode"))
        .contains(first.code());

    Dossier second = fixtures.awaitingCouncil("BK_TINH");
    ResponseEntity<JsonNode> r2 = api.postJson("appraiser", BASE, open(2065, 2));
    assertThat(r2.getStatusCode()).isEqualTo(HttpStatus.CREATED);
    assertThat(api.get("council1", BASE + "/2065-R2").getBody().get("agenda").findValuesAsText("dossierCode"))
        .contains(second.code()).doesNotContain(first.code());

    runtime.deleteProcessInstance(r1.getBody().get("processInstanceId").asText(), "cancelled by an administrator");
    ResponseEntity<JsonNode> r3 = api.postJson("appraiser", BASE, open(2065, 3));
    assertThat(r3.getStatusCode()).isEqualTo(HttpStatus.CREATED);
    assertThat(api.get("council1", BASE + "/2065-R3").getBody().get("agenda").findValuesAsText("dossierCode"))
        .contains(first.code()).doesNotContain(second.code());

    runtime.deleteProcessInstance(r2.getBody().get("processInstanceId").asText(), "test");
    runtime.deleteProcessInstance(r3.getBody().get("processInstanceId").asText(), "test");
  }
}

package vn.gov.sonla.tdkt.identity;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import vn.gov.sonla.tdkt.dossier.DossierApiScenariosAccess;
import vn.gov.sonla.tdkt.support.Api;
import vn.gov.sonla.tdkt.support.BrowserSession;
import vn.gov.sonla.tdkt.support.AppTest;

/**
 * Issue 15, "What was found" 1–6, 13, 15 and 16, each as it was reproduced with the demo accounts: nobody but the
 * application (as the system) and {@code camunda-admin} gets past the pipeline through the engine's HTTP API, and
 * a refused call changes nothing. Data isolated by subject names, dossier codes and the council year 2071.
 */
@AppTest
class EngineBypassTest {

  private static final String START = "/engine-rest/process-definition/key/commendation-dossier/start";

  @Autowired TestRestTemplate rest;
  @Autowired RuntimeService runtime;
  @Autowired TaskService tasks;
  @Autowired HistoryService history;
  @Autowired ManagementService management;
  @LocalServerPort int port;

  Api api;
  final ObjectMapper json = new ObjectMapper();

  @BeforeEach
  void setUp() {
    api = new Api(rest);
  }

  private String submit(String officer, String subject) {
    ResponseEntity<JsonNode> created = api.createDossier(officer,
        DossierApiScenariosAccess.json(subject + " " + UUID.randomUUID().toString().substring(0, 6)),
        Api.requiredFiles("ANNUAL"), false);
    assertThat(created.getStatusCode()).isEqualTo(HttpStatus.CREATED);
    return created.getBody().get("code").asText();
  }

  private ResponseEntity<JsonNode> send(String user, HttpMethod method, String url, Object body) {
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_JSON);
    return api.as(user).exchange(url, method, new HttpEntity<>(body == null ? "{}" : api.write(body), headers),
        JsonNode.class);
  }

  private static void assertRefused(ResponseEntity<JsonNode> response, HttpStatus status) {
    assertThat(response.getStatusCode()).isEqualTo(status);
    assertThat(response.getHeaders().getContentType().isCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)).isTrue();
    assertThat(response.getBody().get("detail").asText()).contains("quyền");
  }

  private static Map<String, Object> forgedStart(String businessKey) {
    return Map.of("businessKey", businessKey,
        "variables", Map.of("decidedBy", Map.of("value", "chairman"), "decisionOutcome", Map.of("value", "APPROVE")),
        "startInstructions", List.of(Map.of("type", "startBeforeActivity", "activityId", "Task_IssueDecision")));
  }

  private BrowserSession browser(String user) {
    BrowserSession b = new BrowserSession("http://localhost:" + port).loggedInAs(user, "demo");
    assertThat(b.openWebapp("tasklist").statusCode()).isEqualTo(200);
    return b;
  }

  private HttpResponse<String> webappPost(BrowserSession b, String path, Object body) {
    String xsrf = b.webappXsrfToken();
    return b.send(b.request("/camunda/api/engine/engine/default" + path).header("X-XSRF-TOKEN", xsrf)
        .header("Content-Type", "application/json").header("Accept", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(api.write(body))).build());
  }

  // 1. forged decision
  @Test
  void anOfficerCannotStartTheDossierProcessAtTheDecision() {
    String forged = "2026-syt-9119";
    assertRefused(api.postJson("officer.syt", START, forgedStart(forged)), HttpStatus.FORBIDDEN);
    // the same through the webapps' engine API with the session
    HttpResponse<String> webapp = webappPost(browser("officer.syt"), "/process-definition/key/commendation-dossier/start",
        forgedStart(forged));
    assertThat(webapp.statusCode()).isEqualTo(403);
    assertThat(runtime.createProcessInstanceQuery().processInstanceBusinessKey(forged).count()).isZero();
    assertThat(history.createHistoricProcessInstanceQuery().processInstanceBusinessKey(forged).count()).isZero();
  }

  // 2. hijacked dossier
  @Test
  void anOfficerCannotStartAProcessForAnotherUnitsDossier() {
    String code = submit("officer.sgddt", "Lường Văn Hải");
    ResponseEntity<JsonNode> hijack = api.postJson("officer.syt", START,
        Map.of("businessKey", code, "variables", Map.of()));
    ResponseEntity<JsonNode> madeUp = api.postJson("officer.syt", START,
        Map.of("businessKey", "2026-syt-9777", "skipCustomListeners", true, "variables", Map.of()));
    assertRefused(hijack, HttpStatus.FORBIDDEN);
    // 15. the answer says nothing about whether the code exists
    assertThat(madeUp.getStatusCode()).isEqualTo(hijack.getStatusCode());
    assertThat(madeUp.getBody()).isEqualTo(hijack.getBody());
    assertThat(runtime.createProcessInstanceQuery().processInstanceBusinessKey(code).count()).isEqualTo(1);
    assertThat(runtime.createProcessInstanceQuery().processInstanceBusinessKey("2026-syt-9777").count()).isZero();
    ResponseEntity<JsonNode> owner = api.get("officer.sgddt", "/api/dossiers/" + code);
    assertThat(owner.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(owner.getBody().get("status").asText()).isEqualTo("SUBMITTED");
    // home-affairs cannot start either (sessions are opened through the project's API)
    assertRefused(api.postJson("appraiser", "/engine-rest/process-definition/key/council-session/start",
        Map.of("businessKey", "2071-R9", "variables", Map.of("year", Map.of("value", 2071),
            "round", Map.of("value", 9)))), HttpStatus.FORBIDDEN);
  }

  // 3. and 4. ballots
  @Test
  void ballotsAreCastOnlyByTheirCouncilMember() {
    String code = submit("officer.sgddt", "Quàng Thị Mai");
    api.appraiseValid(code);
    ResponseEntity<JsonNode> opened = api.postJson("appraiser", "/api/council-sessions",
        Map.of("year", 2071, "round", 1));
    assertThat(opened.getStatusCode()).isEqualTo(HttpStatus.CREATED);
    String pi = opened.getBody().get("processInstanceId").asText();
    try {
      Map<String, String> ballot = new java.util.HashMap<>();
      for (Task t : tasks.createTaskQuery().processInstanceId(pi).taskDefinitionKey("Task_Ballot").list()) {
        ballot.put(t.getAssignee(), t.getId());
      }
      assertThat(ballot).containsKeys("council1", "council2", "council8", "council9");

      // a member hands the ballot on, or writes a choice into it outside the completion
      assertRefused(api.postJson("council1", "/engine-rest/task/" + ballot.get("council1") + "/assignee",
          Map.of("userId", "officer.sgddt")), HttpStatus.FORBIDDEN);
      assertRefused(send("council1", HttpMethod.PUT, "/engine-rest/task/" + ballot.get("council1")
          + "/variables/approvals", Map.of("value", "[\"" + code + "\"]", "type", "Json")), HttpStatus.FORBIDDEN);
      assertRefused(api.postJson("council1", "/engine-rest/task/" + ballot.get("council1") + "/delegate",
          Map.of("userId", "officer.sgddt")), HttpStatus.FORBIDDEN);
      assertThat(tasks.createTaskQuery().taskId(ballot.get("council1")).singleResult().getAssignee())
          .isEqualTo("council1");
      assertThat(runtime.getVariable(pi, "approvals")).isNull();
      assertThat(tasks.getVariable(ballot.get("council2"), "approvals")).isNull();

      // an administrator may take a ballot (administration) but not vote with it
      assertThat(api.postJson("admin", "/engine-rest/task/" + ballot.get("council9") + "/assignee",
          Map.of("userId", "admin")).getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
      ResponseEntity<JsonNode> adminVote = api.postJson("admin", "/engine-rest/task/" + ballot.get("council9")
          + "/complete", Api.variables("approvals", "[\"" + code + "\"]"));
      assertThat(adminVote.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
      assertThat(adminVote.getBody().get("detail").asText()).contains("thành viên Hội đồng");
      // nor hand it to an officer who then votes for their own unit
      assertThat(api.postJson("admin", "/engine-rest/task/" + ballot.get("council8") + "/assignee",
          Map.of("userId", "officer.sgddt")).getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
      ResponseEntity<JsonNode> officerVote = api.postJson("officer.sgddt", "/engine-rest/task/"
          + ballot.get("council8") + "/complete", Api.variables("approvals", code));
      assertThat(officerVote.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
      assertThat(tasks.createTaskQuery().taskId(ballot.get("council9")).count()).isOne();
      assertThat(tasks.createTaskQuery().taskId(ballot.get("council8")).count()).isOne();

      // 13. ballot validation through engine REST: 400 with the Vietnamese message, nothing recorded
      ResponseEntity<JsonNode> unknown = api.postJson("council2", "/engine-rest/task/" + ballot.get("council2")
          + "/complete", Api.variables("approvals", "2071-zz-0001"));
      assertThat(unknown.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
      assertThat(unknown.getHeaders().getContentType().toString()).startsWith("application/problem+json");
      assertThat(unknown.getBody().get("detail").asText()).contains("không có trong chương trình");

      JsonNode session = api.get("appraiser", "/api/council-sessions/2071-R1").getBody();
      assertThat(session.get("attendance").findValuesAsText("member")).isEmpty();
    } finally {
      runtime.deleteProcessInstance(pi, "test", true, true);
    }
  }

  // 5. jobs
  @Test
  void onlyAdministratorsTouchJobsAndARefusedExecutionChangesNothing() {
    String code = submit("officer.sgddt", "Cầm Văn Thắng");
    String pi = runtime.createProcessInstanceQuery().processInstanceBusinessKey(code).singleResult().getId();
    Job job = management.createJobQuery().processInstanceId(pi).list().stream().findFirst()
        .orElseGet(() -> management.createJobQuery().list().get(0));
    for (String user : List.of("officer.sgddt", "officer.syt", "council1", "appraiser", "auditor")) {
      for (int i = 0; i < 3; i++) {
        assertRefused(api.postJson(user, "/engine-rest/job/" + job.getId() + "/execute", null), HttpStatus.FORBIDDEN);
      }
      assertRefused(send(user, HttpMethod.PUT, "/engine-rest/job/" + job.getId() + "/retries", Map.of("retries", 0)),
          HttpStatus.FORBIDDEN);
      assertRefused(send(user, HttpMethod.PUT, "/engine-rest/job/" + job.getId() + "/suspended",
          Map.of("suspended", true)), HttpStatus.FORBIDDEN);
      assertRefused(send(user, HttpMethod.PUT, "/engine-rest/job/" + job.getId() + "/duedate",
          Map.of("duedate", "2030-01-01T00:00:00.000+0700")), HttpStatus.FORBIDDEN);
      assertRefused(send(user, HttpMethod.PUT, "/engine-rest/job-definition/" + job.getJobDefinitionId()
          + "/suspended", Map.of("suspended", true)), HttpStatus.FORBIDDEN);
    }
    Job after = management.createJobQuery().jobId(job.getId()).singleResult();
    assertThat(after.getRetries()).isEqualTo(job.getRetries());
    assertThat(after.isSuspended()).isFalse();
    assertThat(after.getDuedate()).isEqualTo(job.getDuedate());
    assertThat(after.getExceptionMessage()).isNull();
    assertThat(runtime.createIncidentQuery().configuration(job.getId()).count()).isZero();
    assertThat(history.createHistoricJobLogQuery().jobId(job.getId()).failureLog().count()).isZero();
  }

  // 6. auditors read and change nothing
  @Test
  void auditorsCannotWriteCommentsOrAttachments() {
    String code = submit("officer.sgddt", "Hà Thị Nguyệt");
    String taskId = api.task("appraiser", code).get("id").asText();
    assertRefused(api.postJson("auditor", "/engine-rest/task/" + taskId + "/comment/create",
        Map.of("message", "ghi chú")), HttpStatus.FORBIDDEN);
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.MULTIPART_FORM_DATA);
    org.springframework.util.LinkedMultiValueMap<String, Object> parts = new org.springframework.util.LinkedMultiValueMap<>();
    parts.add("attachment-name", "x.html");
    parts.add("attachment-type", "text/html");
    parts.add("content", "<script>alert(1)</script>");
    ResponseEntity<JsonNode> attachment = api.as("auditor").exchange("/engine-rest/task/" + taskId
        + "/attachment/create", HttpMethod.POST, new HttpEntity<>(parts, headers), JsonNode.class);
    assertRefused(attachment, HttpStatus.FORBIDDEN);
    HttpResponse<String> webapp = webappPost(browser("auditor"), "/task/" + taskId + "/comment/create",
        Map.of("message", "ghi chú"));
    assertThat(webapp.statusCode()).isEqualTo(403);
    assertThat(tasks.getTaskComments(taskId)).isEmpty();
    assertThat(tasks.getTaskAttachments(taskId)).isEmpty();
    // auditors do read
    assertThat(api.get("auditor", "/engine-rest/history/process-instance?processInstanceBusinessKey=" + code)
        .getBody()).hasSize(1);
  }

  // 13. errors
  @Test
  void theProjectsRefusalsThroughEngineRestAre400ProblemDetailsInVietnamese() throws Exception {
    String code = submit("officer.sgddt", "Tòng Văn Khiêm");
    JsonNode task = api.task("appraiser", code);
    String id = task.get("id").asText();
    assertThat(api.postJson("appraiser", "/engine-rest/task/" + id + "/claim", Map.of("userId", "appraiser"))
        .getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
    ResponseEntity<JsonNode> refused = api.postJson("appraiser", "/engine-rest/task/" + id + "/complete",
        Api.variables("appraisalOutcome", "VALID", "appraisalSummary", "Hồ sơ đầy đủ."));
    assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(refused.getHeaders().getContentType().toString()).startsWith("application/problem+json");
    assertThat(refused.getBody().get("detail").asText()).contains("phải nêu lý do");
    assertThat(refused.getBody().get("status").asInt()).isEqualTo(400);
    assertThat(tasks.createTaskQuery().taskId(id).count()).isOne();
    // the same through the webapps' engine API (Tasklist shows "message")
    HttpResponse<String> webapp = webappPost(browser("appraiser"), "/task/" + id + "/submit-form",
        Api.variables("appraisalOutcome", "VALID", "appraisalSummary", "Hồ sơ đầy đủ."));
    assertThat(webapp.statusCode()).isEqualTo(400);
    assertThat(json.readTree(webapp.body()).get("message").asText()).contains("phải nêu lý do");

    // malformed JSON on the project's API is named as such
    for (String url : List.of("/api/dossiers/" + code + "/withdrawal", "/api/objections")) {
      HttpHeaders headers = new HttpHeaders();
      headers.setContentType(MediaType.APPLICATION_JSON);
      ResponseEntity<JsonNode> bad = api.as("officer.sgddt").exchange(url, HttpMethod.POST,
          new HttpEntity<>("{\"reason\": ", headers), JsonNode.class);
      assertThat(bad.getStatusCode()).as(url).isEqualTo(HttpStatus.BAD_REQUEST);
      assertThat(bad.getBody().get("detail").asText()).as(url).contains("JSON").doesNotContain("dossier");
    }
  }

  // a task another person completed a moment before (found by the load test's anchor run: two appraisers drew the
  // same task; the second one's submit-form answered 500 with the engine's NullValueException)
  @Test
  void aTaskThatIsNoLongerThereIs404InVietnameseNotAServerError() throws Exception {
    String gone = "00000000-0000-0000-0000-000000000000";
    HttpResponse<String> webapp = webappPost(browser("appraiser"), "/task/" + gone + "/submit-form",
        Api.variables("appraisalOutcome", "VALID"));
    assertThat(webapp.statusCode()).isEqualTo(404);
    assertThat(webapp.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
    assertThat(json.readTree(webapp.body()).get("message").asText()).contains("không còn")
        .doesNotContain("Cannot find").doesNotContain("is null");
    for (String action : List.of("/complete", "/submit-form", "/claim")) {
      ResponseEntity<JsonNode> rest = api.postJson("appraiser", "/engine-rest/task/" + gone + action,
          action.equals("/claim") ? Map.of("userId", "appraiser") : Api.variables("appraisalOutcome", "VALID"));
      assertThat(rest.getStatusCode()).as(action).isEqualTo(HttpStatus.NOT_FOUND);
      assertThat(rest.getHeaders().getContentType().toString()).as(action).startsWith("application/problem+json");
      assertThat(rest.getBody().get("detail").asText()).as(action).contains("không còn");
    }
  }

  // 15. leaks
  @Test
  void officersLearnNothingAboutOtherUnitsAndSeeOnlyTheirUnitsUsers() {
    String code = submit("officer.sgddt", "Lò Thị Xuân");
    ResponseEntity<JsonNode> real = api.postJson("officer.syt", "/engine-rest/message",
        Map.of("messageName", "DossierWithdrawn", "businessKey", code));
    ResponseEntity<JsonNode> madeUp = api.postJson("officer.syt", "/engine-rest/message",
        Map.of("messageName", "DossierWithdrawn", "businessKey", "2026-sgddt-9999"));
    assertRefused(real, HttpStatus.FORBIDDEN);
    assertThat(madeUp.getBody()).isEqualTo(real.getBody());
    assertThat(real.getBody().toString()).doesNotContain(
        runtime.createProcessInstanceQuery().processInstanceBusinessKey(code).singleResult().getId());
    assertThat(api.get("officer.sgddt", "/api/dossiers/" + code).getBody().get("status").asText())
        .isEqualTo("SUBMITTED");

    assertRefused(api.get("officer.sgddt", "/engine-rest/process-definition/statistics"), HttpStatus.FORBIDDEN);
    assertRefused(api.get("officer.sgddt", "/engine-rest/history/process-instance"), HttpStatus.FORBIDDEN);
    JsonNode users = api.get("officer.sgddt", "/engine-rest/user").getBody();
    assertThat(users.findValuesAsText("id")).contains("officer.sgddt").doesNotContain("officer.syt", "chairman",
        "council1", "admin");
    assertThat(api.get("officer.sgddt", "/engine-rest/user/chairman/profile").getStatusCode().value())
        .isIn(403, 404);
    // province bodies still see the people they work with
    assertThat(api.get("appraiser", "/engine-rest/user").getBody().findValuesAsText("id")).contains("officer.syt");
  }

  // 16. trail
  @Test
  void taskCommentsAppearInTheDossiersTrail() {
    String code = submit("officer.sgddt", "Điêu Chính Tâm");
    String taskId = api.task("appraiser", code).get("id").asText();
    ResponseEntity<JsonNode> comment = api.postJson("admin", "/engine-rest/task/" + taskId + "/comment/create",
        Map.of("message", "Đề nghị bổ sung bản sao quyết định công nhận sáng kiến"));
    assertThat(comment.getStatusCode()).isEqualTo(HttpStatus.OK);
    JsonNode trail = api.get("auditor", "/api/dossiers/" + code + "/history").getBody();
    assertThat(trail.toString()).contains("Đề nghị bổ sung bản sao quyết định công nhận sáng kiến");
  }
}

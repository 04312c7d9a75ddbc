package vn.gov.sonla.tdkt.dossier;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import vn.gov.sonla.tdkt.support.Api;
import vn.gov.sonla.tdkt.support.Api.FilePart;
import vn.gov.sonla.tdkt.support.AppTest;

/**
 * Who may see and do what, and bad input: each refused request names its bad fields in Vietnamese
 * (RFC 7807) and leaves nothing behind.
 */
@AppTest
class DossierSecurityAndInputTest {

  @Autowired TestRestTemplate rest;
  @Autowired DossierRepository dossiers;
  @Autowired DocumentRepository documents;
  @Autowired RuntimeService runtime;

  Api api;

  @BeforeEach
  void api() {
    api = new Api(rest);
  }

  private record Counts(long dossiers, long documents, long instances) {}

  private Counts counts() {
    return new Counts(dossiers.count(), documents.count(), runtime.createProcessInstanceQuery().count());
  }

  private static Map<String, Object> valid(String name) {
    return DossierApiScenarios.dossierJson("ANNUAL", name);
  }

  /** Sends the request and checks: 400 problem details naming the fields, and nothing stored. */
  private JsonNode refused(Object json, List<FilePart> files, String... fields) {
    Counts before = counts();
    ResponseEntity<JsonNode> response = api.createDossier("officer.sgddt", json, files, false);
    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(response.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
    JsonNode body = response.getBody();
    assertThat(body.get("status").asInt()).isEqualTo(400);
    assertThat(body.get("type").asText()).endsWith("/invalid-input");
    assertThat(body.get("errors").findValuesAsText("field")).contains(fields);
    assertThat(counts()).isEqualTo(before);
    return body;
  }

  private static List<FilePart> withFile(FilePart extra) {
    List<FilePart> files = new ArrayList<>(Api.requiredFiles("ANNUAL"));
    files.add(extra);
    return files;
  }

  // --- the API contract ------------------------------------------------------------------------

  /**
   * The OpenAPI document a client generator and a newcomer read: every {@code /api} operation has a summary, a
   * declared security requirement (HTTP Basic or the session, or explicitly none for the public notice) and its
   * errors as problem details; answers that create say 201 with {@code Location}. The document is written to
   * {@code target/openapi.json}, which CI lints.
   */
  @Test
  void everyApiOperationIsDocumentedWithItsSecurityAndItsProblems() throws Exception {
    ResponseEntity<JsonNode> answer = api.get("admin", "/v3/api-docs");
    assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.OK);
    JsonNode doc = answer.getBody();
    java.nio.file.Files.createDirectories(java.nio.file.Path.of("target"));
    new com.fasterxml.jackson.databind.ObjectMapper().writerWithDefaultPrettyPrinter()
        .writeValue(java.nio.file.Path.of("target", "openapi.json").toFile(), doc);

    assertThat(doc.at("/components/securitySchemes").fieldNames()).toIterable()
        .contains("basicAuth", "sessionCookie", "csrfHeader");
    List<String> undocumented = new ArrayList<>();
    int operations = 0;
    for (var path : (Iterable<Map.Entry<String, JsonNode>>) doc.get("paths")::fields) {
      if (!path.getKey().startsWith("/api/")) {
        continue;
      }
      for (var op : (Iterable<Map.Entry<String, JsonNode>>) path.getValue()::fields) {
        operations++;
        String name = op.getKey().toUpperCase() + " " + path.getKey();
        JsonNode operation = op.getValue();
        if (operation.path("summary").asText().isBlank()) {
          undocumented.add(name + ": no summary");
        }
        if (!operation.has("security")) {
          undocumented.add(name + ": no security requirement");
        } else if (operation.get("security").isEmpty() && !path.getKey().startsWith("/api/public/")
            && !name.equals("POST /api/objections")) {
          undocumented.add(name + ": open to anonymous callers in the document");
        }
        boolean problem = false;
        for (var response : (Iterable<Map.Entry<String, JsonNode>>) operation.path("responses")::fields) {
          if (response.getKey().matches("[45]\\d\\d")
              && response.getValue().path("content").has("application/problem+json")) {
            problem = true;
          }
        }
        if (!problem) {
          undocumented.add(name + ": no problem+json error response");
        }
      }
    }
    assertThat(operations).as("operations under /api").isGreaterThan(50);
    assertThat(undocumented).isEmpty();
    JsonNode create = doc.at("/paths/~1api~1dossiers/post/responses/201");
    assertThat(create.isMissingNode()).as("POST /api/dossiers answers 201").isFalse();
    assertThat(create.path("headers").has("Location")).isTrue();
  }

  @Test
  void swaggerUiIsForAdministratorsOnly() {
    assertThat(api.as("admin").getForEntity("/swagger-ui/index.html", String.class).getStatusCode())
        .isEqualTo(HttpStatus.OK);
    assertThat(api.as("officer.sgddt").getForEntity("/swagger-ui/index.html", String.class).getStatusCode())
        .isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(rest.getForEntity("/swagger-ui/index.html", String.class).getStatusCode())
        .isEqualTo(HttpStatus.UNAUTHORIZED);
  }

  // --- authentication -------------------------------------------------------------------------

  @Test
  void everyApiNeedsALogin() {
    for (String url : List.of("/api/dossiers", "/api/dossiers/2025-sgddt-0001", "/api/award-types",
        "/api/notifications", "/engine-rest/task", "/engine-rest/process-instance", "/v3/api-docs",
        "/dossiers/index.html", "/api/calendar/days", "/api/legal-basis", "/calendar/index.html")) {
      assertThat(rest.getForEntity(url, String.class).getStatusCode()).as(url).isEqualTo(HttpStatus.UNAUTHORIZED);
    }
    Counts before = counts();
    ResponseEntity<JsonNode> anonymous = rest.postForEntity("/api/dossiers",
        api.multipartEntity(valid("Ẩn Danh"), Api.requiredFiles("ANNUAL")), JsonNode.class);
    assertThat(anonymous.getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
    assertThat(counts()).isEqualTo(before);
  }

  @Test
  void healthAndTheLoginPageAreOpenAndTheWebappsSendABrowserToIt() {
    assertThat(rest.getForEntity("/actuator/health", String.class).getStatusCode()).isEqualTo(HttpStatus.OK);
    ResponseEntity<String> login = rest.getForEntity("/login", String.class);
    assertThat(login.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(login.getBody()).contains("Đăng nhập", "name=\"_csrf\"");
    org.springframework.http.HttpHeaders browser = new org.springframework.http.HttpHeaders();
    browser.set("Accept", "text/html,application/xhtml+xml");
    browser.set("Sec-Fetch-Mode", "navigate");
    ResponseEntity<String> tasklist = rest.exchange("/camunda/app/tasklist/default/", org.springframework.http.HttpMethod.GET,
        new org.springframework.http.HttpEntity<>(browser), String.class);
    // (the test client follows the redirect) the login page instead of Tasklist
    assertThat(tasklist.getBody()).contains("action=\"/login\"").doesNotContain("camTasklistAppCtrl");
    // an API client gets the HTTP Basic challenge, a browser never does
    ResponseEntity<String> api = rest.getForEntity("/api/dossiers", String.class);
    assertThat(api.getHeaders().getFirst("WWW-Authenticate")).startsWith("Basic");
    browser.set("Sec-Fetch-Mode", "cors");
    browser.set("Accept", "application/json");
    ResponseEntity<String> script = rest.exchange("/api/dossiers", org.springframework.http.HttpMethod.GET,
        new org.springframework.http.HttpEntity<>(browser), String.class);
    assertThat(script.getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
    assertThat(script.getHeaders().getFirst("WWW-Authenticate")).isNull();
  }

  // --- one unit cannot reach another's dossiers ------------------------------------------------

  @Test
  void anOfficerOfAnotherUnitCannotSeeDownloadOrWorkTheDossier() {
    ResponseEntity<JsonNode> created = api.createDossier("officer.sgddt", valid("Vì Văn Bình"),
        Api.requiredFiles("ANNUAL"), false);
    String code = created.getBody().get("code").asText();
    String documentUrl = created.getBody().get("documents").get(0).get("url").asText();

    assertThat(api.get("officer.syt", "/api/dossiers/" + code).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
    assertThat(api.as("officer.syt").getForEntity(documentUrl, byte[].class).getStatusCode())
        .isEqualTo(HttpStatus.NOT_FOUND);
    assertThat(api.get("officer.syt", "/api/dossiers?year=" + created.getBody().get("year").asInt())
        .getBody().get("items").findValuesAsText("code")).doesNotContain(code);
    assertThat(api.get("officer.syt", "/api/dossiers?unit=sgddt").getBody().get("total").asLong()).isZero();
    // the owner and the provincial bodies do see it
    assertThat(api.get("officer.sgddt", "/api/dossiers/" + code).getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(api.get("auditor", "/api/dossiers/" + code).getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(api.as("appraiser").getForEntity(documentUrl, byte[].class).getStatusCode()).isEqualTo(HttpStatus.OK);

    // the appraisal task is not the officers' to see or complete
    String appraisalTask = api.task("appraiser", code).get("id").asText();
    assertThat(api.task("officer.sgddt", code)).isNull();
    assertThat(api.task("officer.syt", code)).isNull();
    assertThat(api.postJson("officer.sgddt", "/engine-rest/task/" + appraisalTask + "/complete",
        Api.variables("appraisalOutcome", "VALID", "appraisalSummary", "tự duyệt", "eligibilityOverrideReason", "Thành tích đã được xác nhận; sổ khen thưởng chưa cập nhật.")).getStatusCode().value())
        .isIn(403, 404);

    // at the supplement step, the other unit can neither see nor complete the task
    api.postJson("appraiser", "/engine-rest/task/" + appraisalTask + "/claim", Map.of("userId", "appraiser"));
    api.postJson("appraiser", "/engine-rest/task/" + appraisalTask + "/complete", Api.variables(
        "appraisalOutcome", "SUPPLEMENT", "appraisalSummary", "Thiếu.", "missingItems", "Biên bản."));
    JsonNode supplementTask = api.task("officer.sgddt", code);
    assertThat(supplementTask.get("taskDefinitionKey").asText()).isEqualTo("Task_Supplement");
    assertThat(api.task("officer.syt", code)).isNull();
    String supplementId = supplementTask.get("id").asText();
    assertThat(api.postJson("officer.syt", "/engine-rest/task/" + supplementId + "/claim",
        Map.of("userId", "officer.syt")).getStatusCode().value()).isIn(403, 404);
    assertThat(api.postJson("officer.syt", "/engine-rest/task/" + supplementId + "/complete",
        Api.variables("supplementNote", "x")).getStatusCode().value()).isIn(403, 404);
    assertThat(api.get("officer.syt", "/engine-rest/task/" + supplementId + "/form-variables").getStatusCode().value())
        .isIn(403, 404);

    var body = api.multipart(null, List.of(Api.pdf("files", "bo-sung.pdf")));
    body.add("note", "Bổ sung giả mạo");
    Counts before = counts();
    ResponseEntity<JsonNode> foreign = api.as("officer.syt").postForEntity("/api/dossiers/" + code + "/supplement",
        new org.springframework.http.HttpEntity<>(body, multipart()), JsonNode.class);
    assertThat(foreign.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
    assertThat(counts()).isEqualTo(before);
    assertThat(api.task("officer.sgddt", code).get("taskDefinitionKey").asText()).isEqualTo("Task_Supplement");
  }

  @Test
  void anAuditorReadsButChangesNothing() {
    ResponseEntity<JsonNode> created = api.createDossier("officer.sgddt", valid("Lường Thị Ngọc"),
        Api.requiredFiles("ANNUAL"), false);
    String code = created.getBody().get("code").asText();
    String taskId = api.task("appraiser", code).get("id").asText();

    assertThat(api.postJson("auditor", "/engine-rest/task/" + taskId + "/claim", Map.of("userId", "auditor"))
        .getStatusCode().value()).isIn(403, 404);
    assertThat(api.postJson("auditor", "/engine-rest/task/" + taskId + "/complete",
        Api.variables("appraisalOutcome", "VALID", "appraisalSummary", "x", "eligibilityOverrideReason", "Thành tích đã được xác nhận; sổ khen thưởng chưa cập nhật.")).getStatusCode().value()).isIn(403, 404);
    Counts before = counts();
    ResponseEntity<JsonNode> create = api.createDossier("auditor", valid("Đèo Văn Long"), Api.requiredFiles("ANNUAL"),
        false);
    assertThat(create.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(create.getBody().get("errors").findValuesAsText("field")).contains("unitCode");
    assertThat(counts()).isEqualTo(before);
    assertThat(api.get("auditor", "/engine-rest/history/process-instance?processInstanceBusinessKey=" + code)
        .getBody()).hasSize(1);
  }

  @Test
  void theProcessCannotBeStartedBehindTheIntakeThroughEngineRest() {
    Counts before = counts();
    ResponseEntity<JsonNode> start = api.postJson("officer.sgddt",
        "/engine-rest/process-definition/key/commendation-dossier/start",
        Map.of("businessKey", "2025-sgddt-0999", "variables", Map.of("awardKind", Map.of("value", "SUDDEN"),
            "unitGroup", Map.of("value", "unit-sgddt"))));
    assertThat(start.getStatusCode().is2xxSuccessful()).isFalse();
    assertThat(counts()).isEqualTo(before);
  }

  private static org.springframework.http.HttpHeaders multipart() {
    var headers = new org.springframework.http.HttpHeaders();
    headers.setContentType(MediaType.MULTIPART_FORM_DATA);
    return headers;
  }

  // --- bad input ----------------------------------------------------------------------------------

  @Test
  void anEmptyDossierNamesEveryMissingField() {
    JsonNode body = refused(Map.of(), List.of(), "awardType", "awardKind", "year", "subjectKind", "subjectName",
        "achievements");
    assertThat(body.get("errors").findValuesAsText("message")).contains("Chưa chọn hình thức khen thưởng.");
    assertThat(body.get("title").asText()).isEqualTo("Dữ liệu không hợp lệ");
  }

  @Test
  void unknownValuesAreRefusedOnTheirFields() {
    Map<String, Object> json = valid("Tòng Văn Sơn");
    json.put("awardType", "HUY_CHUONG_VANG");
    json.put("awardKind", "FOREVER");
    json.put("subjectKind", "ROBOT");
    json.put("year", 1990);
    refused(json, Api.requiredFiles("ANNUAL"), "awardType", "awardKind", "subjectKind", "year");
  }

  @Test
  void anIndividualNeedsBirthDatePositionAndWorkUnit() {
    Map<String, Object> json = valid("Mùa A Dính");
    json.remove("birthDate");
    json.remove("position");
    json.remove("workUnit");
    refused(json, Api.requiredFiles("ANNUAL"), "birthDate", "position", "workUnit");
  }

  @Test
  void theAwardMustSuitTheSubject() {
    Map<String, Object> json = valid("Trường THPT Mộc Lỵ");
    json.put("awardType", "CSTD_TINH");
    json.put("subjectKind", "COLLECTIVE");
    JsonNode body = refused(json, Api.requiredFiles("ANNUAL"), "subjectKind");
    assertThat(body.get("errors").findValuesAsText("message")).anyMatch(m -> m.contains("không xét cho tập thể"));
  }

  @Test
  void missingRequiredDocumentsAreNamed() {
    JsonNode body = refused(valid("Sồng A Lử"), List.of(Api.pdf("PROPOSAL_LETTER", "to-trinh.pdf")),
        "documents.ACHIEVEMENT_REPORT", "documents.REVIEW_MINUTES");
    assertThat(body.get("errors").findValuesAsText("message"))
        .contains("Thiếu tài liệu bắt buộc: Biên bản họp Hội đồng Thi đua - Khen thưởng đơn vị (kết quả bỏ phiếu).");
    Map<String, Object> fighter = valid("Bạc Cầm Ly");
    fighter.put("awardType", "CSTD_TINH");
    refused(fighter, Api.requiredFiles("ANNUAL"), "documents.INITIATIVE_PROOF");
  }

  @Test
  void anOversizedFileIsRefusedBeforeStorage() {
    // refused by Tomcat while it reads the part (tdkt.documents.max-file-size is the servlet limit): 413
    byte[] big = new byte[1024 * 1024 + 10];
    System.arraycopy("%PDF-".getBytes(), 0, big, 0, 5);
    Counts before = counts();
    ResponseEntity<JsonNode> response = api.createDossier("officer.sgddt", valid("Hoàng Văn Lớn"),
        withFile(new FilePart("OTHER", "lon.pdf", "application/pdf", big)), false);
    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.PAYLOAD_TOO_LARGE);
    assertThat(response.getBody().get("errors").findValuesAsText("field")).contains("documents.OTHER");
    assertThat(response.getBody().get("errors").findValuesAsText("message"))
        .anyMatch(m -> m.contains("vượt quá dung lượng"));
    assertThat(counts()).isEqualTo(before);
  }

  @Test
  void aDisallowedOrDisguisedFileIsRefused() {
    refused(valid("Nguyễn Văn Tệp"), withFile(new FilePart("OTHER", "ghi-chu.txt", "text/plain",
        "ghi chú".getBytes())), "documents.OTHER");
    JsonNode body = refused(valid("Nguyễn Văn Giả"), withFile(new FilePart("OTHER", "hoa-don.pdf", "application/pdf",
        new byte[] {'M', 'Z', (byte) 0x90, 0, 3, 0})), "documents.OTHER");
    assertThat(body.get("errors").findValuesAsText("message")).anyMatch(m -> m.contains("không khớp"));
    refused(valid("Nguyễn Văn Rỗng"), withFile(new FilePart("OTHER", "rong.pdf", "application/pdf", new byte[0])),
        "documents.OTHER");
  }

  // an unknown document type, unreadable JSON and bad list parameters: DossierWebTest (the web layer alone)

  /**
   * The declared field rules of the dossier's JSON (lengths, ranges, dates not in the future): each bad field with
   * its Vietnamese message (ValidationMessages_vi.properties), with the other rules' problems in the same answer.
   */
  @Test
  void theDeclaredFieldRulesAnswerInVietnameseOnTheirFields() {
    Map<String, Object> json = valid("Lường Văn Dài");
    json.put("awardKind", "FOREVER");
    json.put("position", "Giáo viên ".repeat(21));
    json.put("achievements", "x".repeat(8001));
    json.put("declaredFacts", Map.of("memberCount", 0, "membersDisciplined", -1,
        "disciplineEndedOn", java.time.LocalDate.now().plusYears(1).toString()));
    JsonNode body = refused(json, Api.requiredFiles("ANNUAL"), "awardKind", "position", "achievements",
        "declaredFacts.memberCount", "declaredFacts.membersDisciplined", "declaredFacts.disciplineEndedOn");
    assertThat(body.get("errors").findValuesAsText("message")).contains("Chức vụ không được dài quá 200 ký tự.",
        "Tóm tắt thành tích không được dài quá 8000 ký tự.", "Số thành viên của tập thể phải từ 1 đến 100000.",
        "Số cá nhân bị kỷ luật từ khiển trách trở lên phải từ 0 đến số thành viên của tập thể.",
        "Ngày hết thời hạn kỷ luật không được sau hôm nay.");
    Map<String, Object> unborn = valid("Lường Thị Chưa Sinh");
    unborn.put("birthDate", java.time.LocalDate.now().plusYears(1).toString());
    assertThat(refused(unborn, Api.requiredFiles("ANNUAL"), "birthDate").get("errors").findValuesAsText("message"))
        .containsExactly("Ngày sinh không được sau ngày hôm nay.");
  }

  @Test
  void aUnitOfficerCannotProposeForAnotherUnit() {
    Map<String, Object> json = valid("Cà Văn Khác");
    json.put("unitCode", "syt");
    refused(json, Api.requiredFiles("ANNUAL"), "unitCode");
  }

  @Test
  void aSecondOpenDossierForTheSameSubjectAwardAndYearIsAConflict() {
    Map<String, Object> json = valid("Lê Thị Trùng");
    assertThat(api.createDossier("officer.sgddt", json, Api.requiredFiles("ANNUAL"), false).getStatusCode())
        .isEqualTo(HttpStatus.CREATED);
    Counts before = counts();
    Map<String, Object> again = new java.util.HashMap<>(json);
    again.put("subjectName", "  lê thị   TRÙNG ");
    ResponseEntity<JsonNode> second = api.createDossier("officer.sgddt", again, Api.requiredFiles("ANNUAL"), true);
    assertThat(second.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
    assertThat(second.getBody().get("detail").asText()).contains("đã có hồ sơ đề nghị");
    assertThat(counts()).isEqualTo(before);
  }

}

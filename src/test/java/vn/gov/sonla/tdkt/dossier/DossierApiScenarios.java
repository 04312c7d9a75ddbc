package vn.gov.sonla.tdkt.dossier;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import vn.gov.sonla.tdkt.award.AwardRecord;
import vn.gov.sonla.tdkt.award.AwardRegister;
import vn.gov.sonla.tdkt.decision.DecisionRepository;
import vn.gov.sonla.tdkt.support.Api;
import vn.gov.sonla.tdkt.support.TestDossiers;

/**
 * The dossier pipeline through the HTTP APIs, with users of the right groups: run on H2 and on the
 * real PostgreSQL server by the subclasses.
 */
abstract class DossierApiScenarios {

  @Autowired TestRestTemplate rest;
  @Autowired AwardRegister register;
  @Autowired DecisionRepository decisions;
  @Autowired DossierService dossierService;
  @Autowired TaskService tasks;
  @Autowired IdentityService identity;
  @Autowired org.camunda.bpm.engine.ManagementService management;
  @Autowired org.camunda.bpm.engine.RuntimeService runtime;
  @Autowired DossierRepository dossierRepository;

  Api api;

  @BeforeEach
  void api() {
    api = new Api(rest);
  }

  static Map<String, Object> dossierJson(String kind, String name) {
    Map<String, Object> d = new java.util.LinkedHashMap<>();
    d.put("awardType", "BK_TINH");
    d.put("awardKind", kind);
    d.put("year", LocalDate.now().getYear());
    d.put("subjectKind", "INDIVIDUAL");
    d.put("subjectRole", "DIRECT_WORKER");
    d.put("subjectName", name);
    d.put("birthDate", "1984-09-02");
    d.put("position", "Hiệu trưởng");
    d.put("workUnit", "Trường THCS Tô Hiệu");
    d.put("achievements", "Lãnh đạo nhà trường đạt chuẩn quốc gia mức độ 2; tổ chức cứu hộ học sinh trong lũ quét.");
    return d;
  }

  private String submit(String kind, String name) {
    ResponseEntity<JsonNode> created = api.createDossier("officer.sgddt", dossierJson(kind, name),
        Api.requiredFiles(kind), false);
    assertThat(created.getStatusCode()).isEqualTo(HttpStatus.CREATED);
    return created.getBody().get("code").asText();
  }

  private void appraiseValid(String code) {
    JsonNode task = api.task("appraiser", code);
    assertThat(task).isNotNull();
    assertThat(task.get("taskDefinitionKey").asText()).isEqualTo("Task_Appraise");
    assertThat(task.get("camundaFormRef").get("key").asText()).isEqualTo("appraisal");
    String id = task.get("id").asText();
    assertThat(api.postJson("appraiser", "/engine-rest/task/" + id + "/claim", Map.of("userId", "appraiser"))
        .getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
    assertThat(api.get("appraiser", "/api/dossiers/" + code).getBody().get("status").asText()).isEqualTo("IN_APPRAISAL");
    assertThat(api.postJson("appraiser", "/engine-rest/task/" + id + "/complete",
        Api.variables("appraisalOutcome", "VALID", "appraisalSummary", "Hồ sơ đầy đủ, đúng quy định.", "eligibilityOverrideReason", "Thành tích đã được xác nhận; sổ khen thưởng chưa cập nhật."))
        .getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
  }

  private void chairmanApproves(String code) {
    JsonNode task = api.task("chairman", code);
    if (task == null) {
      // the normal procedure: decided by the round's batch
      api.chairmanApproves(code);
      return;
    }
    assertThat(task.get("taskDefinitionKey").asText()).isEqualTo("Task_Decide");
    String id = task.get("id").asText();
    api.postJson("chairman", "/engine-rest/task/" + id + "/claim", Map.of("userId", "chairman"));
    assertThat(api.postJson("chairman", "/engine-rest/task/" + id + "/complete",
        Api.variables("decisionOutcome", "APPROVE")).getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
    // the click commits; the decision is issued by a job (issue 19), run as the job executor would
    api.settle(code);
  }

  /**
   * The dossier list finds a dossier by its code or by its subject's name typed without accents, sorts, filters by
   * unit for the provincial bodies and refuses an unknown order in Vietnamese; a unit's officers find only their own.
   */
  @Test
  void theListFindsByCodeOrNameWithoutAccentsSortsAndFiltersByUnit() {
    String key = java.util.stream.IntStream.range(0, 8)
        .mapToObj(i -> String.valueOf((char) ('a' + java.util.concurrent.ThreadLocalRandom.current().nextInt(26))))
        .collect(java.util.stream.Collectors.joining());
    String word = Character.toUpperCase(key.charAt(0)) + key.substring(1);
    String first = submit("SUDDEN", "Trần Văn Bảo " + word);
    String second = submit("SUDDEN", "Nguyễn Thị Ánh " + word);

    JsonNode byName = api.get("appraiser", "/api/dossiers?q=thi anh " + key).getBody();
    assertThat(byName.get("items").findValuesAsText("code")).containsExactly(second);
    JsonNode sorted = api.get("appraiser", "/api/dossiers?q=" + key + "&sort=SUBJECT").getBody();
    assertThat(sorted.get("items").findValuesAsText("code")).containsExactly(second, first);
    JsonNode newest = api.get("appraiser", "/api/dossiers?q=" + key).getBody();
    assertThat(newest.get("items").findValuesAsText("code")).containsExactly(second, first);
    JsonNode byCode = api.get("officer.sgddt", "/api/dossiers?q=" + first.toUpperCase()).getBody();
    assertThat(byCode.get("items").findValuesAsText("code")).containsExactly(first);
    assertThat(api.get("appraiser", "/api/dossiers?q=" + key + "&unit=syt").getBody().get("total").asLong())
        .isZero();
    assertThat(api.get("officer.syt", "/api/dossiers?q=" + key).getBody().get("total").asLong()).isZero();

    ResponseEntity<JsonNode> bad = api.get("appraiser", "/api/dossiers?sort=price");
    assertThat(bad.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(bad.getBody().get("errors").findValuesAsText("field")).containsExactly("sort");
    assertThat(bad.getBody().get("errors").get(0).get("message").asText()).startsWith("Cách sắp xếp không hợp lệ");

    assertThat(api.get("officer.sgddt", "/api/dossiers/units").getBody().findValuesAsText("code"))
        .containsExactly("sgddt");
    assertThat(api.get("appraiser", "/api/dossiers/units").getBody().findValuesAsText("code"))
        .contains("sgddt", "syt");
  }

  @Test
  void aSuddenAchievementDossierGoesFromIntakeToAwarded() {
    String code = submit("SUDDEN", "Lò Văn Thắng");
    JsonNode submitted = api.get("officer.sgddt", "/api/dossiers/" + code).getBody();
    assertThat(code).matches(LocalDate.now().getYear() + "-sgddt-\\d{4}");
    assertThat(submitted.get("status").asText()).isEqualTo("SUBMITTED");
    assertThat(submitted.get("unitName").asText()).isEqualTo("Sở Giáo dục và Đào tạo");
    assertThat(submitted.get("currentSteps").get(0).asText()).isEqualTo("Thẩm định hồ sơ");
    assertThat(submitted.get("documents")).hasSize(2);
    // what the unit declared for the eligibility rules comes back with the dossier
    assertThat(submitted.get("subjectRole").asText()).isEqualTo("DIRECT_WORKER");
    assertThat(submitted.get("declaredFacts").isObject()).isTrue();

    // the stored document comes back byte for byte, with its SHA-256
    JsonNode letter = submitted.get("documents").get(0);
    ResponseEntity<byte[]> download = api.as("appraiser").getForEntity(letter.get("url").asText(), byte[].class);
    assertThat(download.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(DossierService.sha256(download.getBody())).isEqualTo(letter.get("sha256").asText());

    appraiseValid(code);
    assertThat(api.get("officer.sgddt", "/api/dossiers/" + code).getBody().get("status").asText())
        .isEqualTo("AWAITING_DECISION");
    chairmanApproves(code);

    JsonNode awarded = api.get("officer.sgddt", "/api/dossiers/" + code).getBody();
    assertThat(awarded.get("status").asText()).isEqualTo("AWARDED");
    assertThat(awarded.get("currentSteps")).isEmpty();
    String number = awarded.get("decision").get("number").asText();
    assertThat(number).matches("\\d+/QĐ-UBND");
    ResponseEntity<byte[]> pdf = api.as("officer.sgddt").getForEntity("/api/dossiers/" + code + "/decision", byte[].class);
    assertThat(pdf.getHeaders().getContentType().toString()).isEqualTo("application/pdf");
    assertThat(new String(pdf.getBody(), 0, 5)).isEqualTo("%PDF-");

    List<AwardRecord> entries = register.forDossier(code);
    assertThat(entries).singleElement().satisfies(r -> {
      assertThat(r.subjectName()).isEqualTo("Lò Văn Thắng");
      assertThat(r.subjectBirthDate()).isEqualTo(LocalDate.of(1984, 9, 2));
      assertThat(r.awardType()).isEqualTo("BK_TINH");
      assertThat(r.awardKind()).isEqualTo("SUDDEN");
      assertThat(r.decisionNumber()).isEqualTo(number);
      assertThat(r.decisionDate()).isEqualTo(LocalDate.now(java.time.ZoneId.of("Asia/Ho_Chi_Minh")));
    });
  }

  @Test
  void aNormalDossierWaitsForTheCouncilThenIsAwarded() {
    String code = submit("ANNUAL", "Cầm Thị Xuân");
    appraiseValid(code);
    JsonNode waiting = api.get("officer.sgddt", "/api/dossiers/" + code).getBody();
    assertThat(waiting.get("status").asText()).isEqualTo("AWAITING_COUNCIL");
    assertThat(waiting.get("currentSteps").get(0).asText()).isEqualTo("Chờ nghị quyết Hội đồng TĐKT tỉnh");

    ResponseEntity<JsonNode> resolution = api.postJson("admin", "/engine-rest/message", Map.of(
        "messageName", "CouncilResolution", "businessKey", code,
        "processVariables", Map.of("councilPassed", Map.of("value", true))));
    assertThat(resolution.getStatusCode().is2xxSuccessful()).isTrue();
    assertThat(api.get("officer.sgddt", "/api/dossiers/" + code).getBody().get("status").asText())
        .isEqualTo("PUBLIC_NOTICE");
    JsonNode notices = rest.getForEntity("/api/public/notices", JsonNode.class).getBody();
    assertThat(notices.findValuesAsText("code")).contains(code);
    JsonNode notice = java.util.stream.StreamSupport.stream(notices.spliterator(), false)
        .filter(n -> n.get("code").asText().equals(code)).findFirst().orElseThrow();
    assertThat(notice.get("subjectName").asText()).isEqualTo("Cầm Thị Xuân");
    assertThat(notice.has("birthDate")).isFalse();
    assertThat(notice.get("noticeEndsAt").isNull()).isFalse();
    String pi = dossierRepository.find(code).orElseThrow().processInstanceId();
    management.executeJob(management.createJobQuery().processInstanceId(pi)
        .activityId("Timer_NoticePeriod").singleResult().getId());
    chairmanApproves(code);
    assertThat(api.get("officer.sgddt", "/api/dossiers/" + code).getBody().get("status").asText()).isEqualTo("AWARDED");
    assertThat(register.forDossier(code)).hasSize(1);
  }

  @Test
  void aDraftIsCompletedLaterThenSubmitted() {
    Map<String, Object> partial = dossierJson("ANNUAL", "Quàng Văn Hải");
    partial.remove("achievements");
    ResponseEntity<JsonNode> draft = api.createDossier("officer.sgddt", partial,
        List.of(Api.pdf("PROPOSAL_LETTER", "to-trinh.pdf")), true);
    assertThat(draft.getStatusCode()).isEqualTo(HttpStatus.CREATED);
    String code = draft.getBody().get("code").asText();
    assertThat(draft.getBody().get("status").asText()).isEqualTo("DRAFT");

    // submitting the incomplete draft names what is missing
    ResponseEntity<JsonNode> early = api.postJson("officer.sgddt", "/api/dossiers/" + code + "/submission", null);
    assertThat(early.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(early.getBody().get("errors").findValuesAsText("field"))
        .contains("achievements", "documents.ACHIEVEMENT_REPORT", "documents.REVIEW_MINUTES");

    ResponseEntity<JsonNode> updated = api.as("officer.sgddt").exchange("/api/dossiers/" + code,
        org.springframework.http.HttpMethod.PUT, api.multipartEntity(dossierJson("ANNUAL", "Quàng Văn Hải"),
            List.of(Api.pdf("ACHIEVEMENT_REPORT", "bao-cao.pdf"), Api.pdf("REVIEW_MINUTES", "bien-ban.pdf"))),
        JsonNode.class);
    assertThat(updated.getStatusCode()).isEqualTo(HttpStatus.OK);
    ResponseEntity<JsonNode> submitted = api.postJson("officer.sgddt", "/api/dossiers/" + code + "/submission", null);
    assertThat(submitted.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(submitted.getBody().get("status").asText()).isEqualTo("SUBMITTED");
    assertThat(submitted.getBody().get("documents")).hasSize(3);
    assertThat(api.task("appraiser", code)).isNotNull();
  }

  @Test
  void theUnitSupplementsThroughTheApiAndTheDossierReturnsToAppraisal() {
    String code = submit("ANNUAL", "Hà Thị Mai");
    JsonNode task = api.task("appraiser", code);
    String id = task.get("id").asText();
    api.postJson("appraiser", "/engine-rest/task/" + id + "/claim", Map.of("userId", "appraiser"));
    api.postJson("appraiser", "/engine-rest/task/" + id + "/complete", Api.variables("appraisalOutcome", "SUPPLEMENT",
        "appraisalSummary", "Thiếu minh chứng.", "missingItems", "Bản sao bằng khen các năm trước."));
    assertThat(api.get("officer.sgddt", "/api/dossiers/" + code).getBody().get("status").asText())
        .isEqualTo("AWAITING_SUPPLEMENT");
    JsonNode unitTask = api.task("officer.sgddt", code);
    assertThat(unitTask.get("taskDefinitionKey").asText()).isEqualTo("Task_Supplement");
    assertThat(unitTask.get("due").isNull()).isFalse();

    var body = api.multipart(null, List.of(Api.pdf("files", "bang-khen-2023.pdf")));
    body.add("note", "Đã bổ sung bản sao bằng khen.");
    ResponseEntity<JsonNode> supplemented = api.as("officer.sgddt").postForEntity("/api/dossiers/" + code + "/supplement",
        new org.springframework.http.HttpEntity<>(body, multipartHeaders()), JsonNode.class);
    assertThat(supplemented.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(supplemented.getBody().get("status").asText()).isEqualTo("IN_APPRAISAL");
    assertThat(supplemented.getBody().get("documents")).anySatisfy(d -> {
      assertThat(d.get("type").asText()).isEqualTo("SUPPLEMENT");
      assertThat(d.get("fileName").asText()).isEqualTo("bang-khen-2023.pdf");
    });
    JsonNode again = api.task("appraiser", code);
    assertThat(again.get("taskDefinitionKey").asText()).isEqualTo("Task_Appraise");
    assertThat(again.get("assignee").asText()).isEqualTo("appraiser");
  }

  private static org.springframework.http.HttpHeaders multipartHeaders() {
    var headers = new org.springframework.http.HttpHeaders();
    headers.setContentType(org.springframework.http.MediaType.MULTIPART_FORM_DATA);
    return headers;
  }

  @Test
  void twentyConcurrentDecisionsGetTwentyDistinctConsecutiveNumbers() throws Exception {
    List<String> codes = new ArrayList<>();
    for (int i = 0; i < 20; i++) {
      Dossier d = dossierService.create(TestDossiers.individual("SUDDEN"), TestDossiers.requiredUploads("SUDDEN"),
          false, TestDossiers.OFFICER_SGDDT);
      Task appraisal = tasks.createTaskQuery().processInstanceBusinessKey(d.code()).singleResult();
      tasks.complete(appraisal.getId(), Map.of("appraisalOutcome", "VALID", "appraisalSummary", "Hợp lệ.", "eligibilityOverrideReason", "Thành tích đã được xác nhận; sổ khen thưởng chưa cập nhật."));
      codes.add(d.code());
    }
    CountDownLatch start = new CountDownLatch(1);
    ExecutorService pool = Executors.newFixedThreadPool(20);
    List<Future<?>> results = new ArrayList<>();
    for (String code : codes) {
      Task decide = tasks.createTaskQuery().processInstanceBusinessKey(code).singleResult();
      results.add(pool.submit((Callable<Void>) () -> {
        start.await();
        identity.setAuthentication("chairman", List.of("chairman"));
        try {
          tasks.complete(decide.getId(), Map.of("decisionOutcome", "APPROVE"));
        } finally {
          identity.clearAuthentication();
        }
        return null;
      }));
    }
    start.countDown();
    for (Future<?> result : results) {
      result.get(120, TimeUnit.SECONDS);
    }
    // the clicks committed; the twenty decisions are issued by their jobs, all at once as the job executor's
    // threads (on several nodes) would run them: the numbering is inside each job's transaction (issue 19)
    List<String> jobs = codes.stream().map(code -> management.createJobQuery()
        .processInstanceId(runtime.createProcessInstanceQuery().processInstanceBusinessKey(code).singleResult().getId())
        .activityId("Task_IssueDecision").singleResult().getId()).toList();
    CountDownLatch go = new CountDownLatch(1);
    List<Future<?>> issued = new ArrayList<>();
    for (String job : jobs) {
      issued.add(pool.submit((Callable<Void>) () -> {
        go.await();
        management.executeJob(job);
        return null;
      }));
    }
    go.countDown();
    for (Future<?> result : issued) {
      result.get(120, TimeUnit.SECONDS);
    }
    pool.shutdown();

    List<Integer> numbers = codes.stream()
        .map(code -> decisions.forDossier(code).orElseThrow().seq())
        .sorted()
        .toList();
    assertThat(numbers).doesNotHaveDuplicates().hasSize(20);
    assertThat(numbers.get(19) - numbers.get(0)).isEqualTo(19);
    // nothing else took numbers in between: the year's numbers have no gap
    List<Integer> year = decisions.numbersOfYear(LocalDate.now(java.time.ZoneId.of("Asia/Ho_Chi_Minh")).getYear());
    for (int i = 0; i < year.size(); i++) {
      assertThat(year.get(i)).isEqualTo(i + 1);
    }
  }

  @Test
  void aSubmissionSentAgainWithItsIdempotencyKeyReturnsTheDossierOfTheFirstAttempt() {
    String key = "\"" + java.util.UUID.randomUUID() + "\""; // a structured-field string, as the draft standard writes it
    Map<String, Object> json = dossierJson("SUDDEN", "Quàng Văn Nghĩa");
    List<Api.FilePart> files = Api.requiredFiles("SUDDEN");
    ResponseEntity<JsonNode> first = api.createDossier("officer.sgddt", json, files, false, key);
    assertThat(first.getStatusCode()).isEqualTo(HttpStatus.CREATED);
    assertThat(first.getHeaders().getFirst("Idempotent-Replayed")).isNull();
    String code = first.getBody().get("code").asText();
    long dossiersBefore = dossierRepository.count();

    // the client lost the response and sends the very same request again
    ResponseEntity<JsonNode> again = api.createDossier("officer.sgddt", json, files, false, key);
    assertThat(again.getStatusCode()).isEqualTo(HttpStatus.CREATED);
    assertThat(again.getHeaders().getFirst("Idempotent-Replayed")).isEqualTo("true");
    assertThat(again.getHeaders().getLocation()).hasToString("/api/dossiers/" + code);
    assertThat(again.getBody().get("code").asText()).isEqualTo(code);
    assertThat(again.getBody().get("documents")).hasSize(2);
    assertThat(dossierRepository.count()).isEqualTo(dossiersBefore);
    assertThat(tasks.createTaskQuery().processInstanceBusinessKey(code).count()).isEqualTo(1);

    // without the key the same request is a duplicate, as before
    assertThat(api.createDossier("officer.sgddt", json, files, false).getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
    // the key is the user's: another officer's key of the same text is another request
    ResponseEntity<JsonNode> otherUnit = api.createDossier("officer.syt", json, files, false, key);
    assertThat(otherUnit.getStatusCode()).isEqualTo(HttpStatus.CREATED);
    assertThat(otherUnit.getBody().get("code").asText()).startsWith(LocalDate.now().getYear() + "-syt-");
  }

  @Test
  void anIdempotencyKeyReusedForAnotherRequestIsRefusedAndCreatesNothing() {
    String key = java.util.UUID.randomUUID().toString();
    ResponseEntity<JsonNode> first = api.createDossier("officer.sgddt", dossierJson("SUDDEN", "Hà Thị Duyên"),
        Api.requiredFiles("SUDDEN"), false, key);
    assertThat(first.getStatusCode()).isEqualTo(HttpStatus.CREATED);
    long dossiersBefore = dossierRepository.count();

    ResponseEntity<JsonNode> otherSubject = api.createDossier("officer.sgddt", dossierJson("SUDDEN", "Hà Văn Duy"),
        Api.requiredFiles("SUDDEN"), false, key);
    assertThat(otherSubject.getStatusCode()).isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);
    assertThat(otherSubject.getBody().get("type").asText()).endsWith("/idempotency-key-reused");
    assertThat(otherSubject.getBody().get("errors").get(0).get("field").asText()).isEqualTo("Idempotency-Key");
    assertThat(otherSubject.getBody().get("detail").asText()).contains(first.getBody().get("code").asText());

    // same fields, another document: another request too
    List<Api.FilePart> otherFiles = List.of(Api.pdf("PROPOSAL_LETTER", "to-trinh-moi.pdf"),
        Api.pdf("ACHIEVEMENT_SUMMARY", "tom-tat-thanh-tich.pdf"));
    assertThat(api.createDossier("officer.sgddt", dossierJson("SUDDEN", "Hà Thị Duyên"), otherFiles, false, key)
        .getStatusCode()).isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);
    assertThat(dossierRepository.count()).isEqualTo(dossiersBefore);
  }

  @Test
  void aMalformedIdempotencyKeyIsReportedOnItsField() {
    for (String bad : List.of("", "two words", "x".repeat(256))) {
      ResponseEntity<JsonNode> response = api.createDossier("officer.sgddt", dossierJson("SUDDEN", "Lường Văn Bình"),
          Api.requiredFiles("SUDDEN"), false, bad);
      assertThat(response.getStatusCode()).as("key '%s'", bad).isEqualTo(HttpStatus.BAD_REQUEST);
      assertThat(response.getBody().get("errors").get(0).get("field").asText()).isEqualTo("Idempotency-Key");
    }
  }

  @Test
  void twoCopiesOfOneRequestSentAtOnceCreateOneDossier() throws Exception {
    String key = java.util.UUID.randomUUID().toString();
    Map<String, Object> json = dossierJson("SUDDEN", "Tòng Thị Phóng");
    List<Api.FilePart> files = Api.requiredFiles("SUDDEN");
    long dossiersBefore = dossierRepository.count();
    CountDownLatch start = new CountDownLatch(1);
    ExecutorService pool = Executors.newFixedThreadPool(2);
    List<Future<ResponseEntity<JsonNode>>> responses = new ArrayList<>();
    for (int i = 0; i < 2; i++) {
      responses.add(pool.submit(() -> {
        start.await();
        return api.createDossier("officer.sgddt", json, files, false, key);
      }));
    }
    start.countDown();
    List<String> codes = new ArrayList<>();
    for (Future<ResponseEntity<JsonNode>> response : responses) {
      ResponseEntity<JsonNode> r = response.get(60, TimeUnit.SECONDS);
      assertThat(r.getStatusCode()).isEqualTo(HttpStatus.CREATED);
      codes.add(r.getBody().get("code").asText());
    }
    pool.shutdown();
    assertThat(codes.get(0)).isEqualTo(codes.get(1));
    assertThat(dossierRepository.count()).isEqualTo(dossiersBefore + 1);
  }
}

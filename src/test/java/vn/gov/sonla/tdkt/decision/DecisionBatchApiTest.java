package vn.gov.sonla.tdkt.decision;

import vn.gov.sonla.tdkt.support.AppTest;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ManagementService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import vn.gov.sonla.tdkt.dossier.DossierRepository;
import vn.gov.sonla.tdkt.support.Api;

/**
 * The batch routes and the Chairman's batch task through the HTTP APIs (H2): input problems in Vietnamese, who may
 * call each route (rows per role), the batch task in the Chairman's Tasklist only (its Camunda form and variables
 * readable through the engine REST API), his input checked, and a batch-decided dossier's decision on the dossier
 * API, its PDF and certificate.
 */
// one process engine per JVM at a time: the engine REST API and the webapps find it in a static registry
@AppTest
class DecisionBatchApiTest {

  private static final ZoneId VN = ZoneId.of("Asia/Ho_Chi_Minh");

  @Autowired TestRestTemplate rest;
  @Autowired ManagementService management;
  @Autowired DossierRepository dossiers;
  @Autowired DecisionBatchRepository batches;
  @Autowired PlatformTransactionManager transactions;

  private String waitingForBatch(Api api, String name, int year) {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("awardType", "BK_TINH");
    json.put("awardKind", "ANNUAL");
    json.put("year", year);
    json.put("subjectKind", "INDIVIDUAL");
    json.put("subjectRole", "DIRECT_WORKER");
    json.put("subjectName", name);
    json.put("birthDate", "1986-05-19");
    json.put("position", "Giáo viên");
    json.put("workUnit", "Trường THCS Tô Hiệu");
    json.put("achievements", "Hoàn thành xuất sắc nhiệm vụ năm học.");
    ResponseEntity<JsonNode> created = api.createDossier("officer.sgddt", json, Api.requiredFiles("ANNUAL"), false);
    assertThat(created.getStatusCode()).isEqualTo(HttpStatus.CREATED);
    String code = created.getBody().get("code").asText();
    api.appraiseValid(code);
    assertThat(api.postJson("admin", "/engine-rest/message", Map.of("messageName", "CouncilResolution",
        "businessKey", code, "processVariables", Map.of("councilPassed", Map.of("value", true),
            "councilSession", Map.of("value", year + "-R1")))).getStatusCode().is2xxSuccessful()).isTrue();
    String pi = dossiers.find(code).orElseThrow().processInstanceId();
    management.executeJob(management.createJobQuery().processInstanceId(pi).activityId("Timer_NoticePeriod")
        .singleResult().getId());
    return code;
  }

  private HttpStatus status(Api api, String user, String url) {
    return HttpStatus.valueOf(api.as(user).getForEntity(url, byte[].class).getStatusCode().value());
  }

  @Test
  void theBatchRoutesAndTheChairmansBatchTask() {
    Api api = new Api(rest);
    int year = LocalDate.now(VN).getYear();
    String first = waitingForBatch(api, "Điêu Thị Ngọc", year);
    String second = waitingForBatch(api, "Bạc Văn Tuấn", year);

    // bad input: Vietnamese problems, nothing started
    ResponseEntity<JsonNode> bad = api.postJson("appraiser", "/api/decision-batches",
        Map.of("year", 1999, "round", 0, "awardType", "KHONG_CO"));
    assertThat(bad.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(bad.getHeaders().getContentType().toString()).isEqualTo("application/problem+json");
    assertThat(bad.getBody().toString()).contains("Năm phải từ", "Đợt phải từ 1 đến 999", "hình thức cấp tỉnh");
    assertThat(api.get("appraiser", "/api/decision-batches/" + year + "-R1-BK_TINH").getStatusCode())
        .isEqualTo(HttpStatus.NOT_FOUND);
    assertThat(rest.postForEntity("/api/decision-batches", Map.of("year", year), JsonNode.class).getStatusCode())
        .isEqualTo(HttpStatus.UNAUTHORIZED);
    for (String user : List.of("officer.sgddt", "chairman", "council1", "auditor", "clerk")) {
      assertThat(api.postJson(user, "/api/decision-batches", Map.of("year", year, "round", 1, "awardType", "BK_TINH"))
          .getStatusCode()).as(user).isEqualTo(HttpStatus.FORBIDDEN);
    }

    ResponseEntity<JsonNode> opened = api.postJson("appraiser", "/api/decision-batches",
        Map.of("year", year, "round", 1, "awardType", "BK_TINH"));
    assertThat(opened.getStatusCode()).isEqualTo(HttpStatus.CREATED);
    String key = opened.getBody().get("key").asText();
    assertThat(opened.getHeaders().getLocation().toString()).endsWith("/api/decision-batches/" + key);
    String batchUrl = "/api/decision-batches/" + key;

    // rows per role: the batch for the provincial bodies; proposal and draft for the Chairman and Home Affairs
    for (String user : List.of("appraiser", "chairman", "council1", "auditor", "admin")) {
      assertThat(api.get(user, batchUrl).getStatusCode()).as(user).isEqualTo(HttpStatus.OK);
    }
    for (String user : List.of("officer.sgddt", "clerk")) {
      assertThat(api.get(user, batchUrl).getStatusCode()).as(user).isEqualTo(HttpStatus.FORBIDDEN);
    }
    for (String suffix : List.of("/proposal.pdf", "/draft.pdf")) {
      for (String user : List.of("appraiser", "chairman")) {
        assertThat(status(api, user, batchUrl + suffix)).as(user + suffix).isEqualTo(HttpStatus.OK);
      }
      for (String user : List.of("officer.sgddt", "council1", "auditor", "clerk")) {
        assertThat(status(api, user, batchUrl + suffix)).as(user + suffix).isEqualTo(HttpStatus.FORBIDDEN);
      }
      assertThat(rest.getForEntity(batchUrl + suffix, byte[].class).getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
    }

    // the batch task is the Chairman's alone; its Camunda form and variables reach him through the engine REST API
    String tasks = "/engine-rest/task?processInstanceBusinessKey=" + key;
    for (String user : List.of("appraiser", "clerk", "council1", "officer.sgddt")) {
      assertThat(api.get(user, tasks).getBody()).as(user).isEmpty();
    }
    JsonNode task = api.get("chairman", tasks).getBody().get(0);
    assertThat(task.get("taskDefinitionKey").asText()).isEqualTo("Task_DecideBatch");
    String id = task.get("id").asText();
    JsonNode form = api.get("chairman", "/engine-rest/task/" + id + "/deployed-form").getBody();
    assertThat(form.get("id").asText()).isEqualTo("decision-batch");
    // as Tasklist reads them (serialized)
    JsonNode variables = api.get("chairman", "/engine-rest/task/" + id + "/form-variables?deserializeValues=false")
        .getBody();
    assertThat(variables.get("draftUrl").get("value").asText()).isEqualTo(batchUrl + "/draft.pdf");
    assertThat(variables.get("batchItems").get("value").asText()).contains(first, second, "Điêu Thị Ngọc",
        "Hội đồng đã thông qua", "Đã công khai đủ thời hạn", "Thành tích đã được xác nhận", " đồng\"");
    // he cannot start or correlate anything himself
    assertThat(api.postJson("chairman", "/engine-rest/process-definition/key/decision-batch/start",
        Map.of("businessKey", year + "-R2-BK_TINH")).getStatusCode().is2xxSuccessful()).isFalse();

    // his input is checked: a dossier not in the batch, no reason
    assertThat(api.postJson("chairman", "/engine-rest/task/" + id + "/claim", Map.of("userId", "chairman"))
        .getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
    ResponseEntity<JsonNode> wrong = api.postJson("chairman", "/engine-rest/task/" + id + "/complete",
        Api.variables("draftReviewed", true, "excludedList", year + "-sgddt-9999: không rõ", "refusedList", ""));
    assertThat(wrong.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(wrong.getBody().toString()).contains("không thuộc đợt này");
    ResponseEntity<JsonNode> noReason = api.postJson("chairman", "/engine-rest/task/" + id + "/complete",
        Api.variables("draftReviewed", true, "excludedList", "", "refusedList", second + ":"));
    assertThat(noReason.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(noReason.getBody().toString()).contains("Chưa nêu lý do không khen thưởng hồ sơ " + second);

    // he refuses the second explicitly and approves the rest
    assertThat(api.postJson("chairman", "/engine-rest/task/" + id + "/complete",
        Api.variables("draftReviewed", true, "excludedList", "", "refusedList", second + ": Thành tích chưa tiêu biểu."))
        .getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
    // the click commits; the decision and each dossier's award are jobs (issue 19), run as the job executor would
    api.settle(key);
    JsonNode refused = api.get("officer.sgddt", "/api/dossiers/" + second).getBody();
    assertThat(refused.get("status").asText()).isEqualTo("NOT_AWARDED");
    assertThat(refused.get("decision").isNull()).isTrue();

    // the batch-decided dossier's decision on the dossier API, its PDF and certificate
    JsonNode dossier = api.get("officer.sgddt", "/api/dossiers/" + first).getBody();
    assertThat(dossier.get("status").asText()).isEqualTo("AWARDED");
    String number = dossier.get("decision").get("number").asText();
    assertThat(number).isEqualTo(api.get("appraiser", batchUrl).getBody().get("decisionNumber").asText());
    assertThat(dossier.get("decision").get("signatureValid").asBoolean()).isTrue();
    assertThat(status(api, "officer.sgddt", "/api/dossiers/" + first + "/decision")).isEqualTo(HttpStatus.OK);
    assertThat(status(api, "officer.sgddt", "/api/dossiers/" + first + "/certificate")).isEqualTo(HttpStatus.OK);

    // a sudden award decided on its own in the same year: the year's list holds single and batch decisions
    Map<String, Object> sudden = new LinkedHashMap<>();
    sudden.put("awardType", "BK_TINH");
    sudden.put("awardKind", "SUDDEN");
    sudden.put("year", year);
    sudden.put("subjectKind", "INDIVIDUAL");
    sudden.put("subjectRole", "DIRECT_WORKER");
    sudden.put("subjectName", "Lò Thị Hương");
    sudden.put("birthDate", "1990-03-02");
    sudden.put("position", "Y sĩ");
    sudden.put("workUnit", "Trạm Y tế xã Chiềng Cơi");
    sudden.put("achievements", "Cứu người trong lũ quét.");
    ResponseEntity<JsonNode> suddenCreated = api.createDossier("officer.sgddt", sudden, Api.requiredFiles("SUDDEN"),
        false);
    assertThat(suddenCreated.getStatusCode()).isEqualTo(HttpStatus.CREATED);
    String suddenCode = suddenCreated.getBody().get("code").asText();
    api.appraiseValid(suddenCode);
    api.chairmanApproves(suddenCode);
    String suddenNumber = api.get("officer.sgddt", "/api/dossiers/" + suddenCode).getBody().get("decision")
        .get("number").asText();
    JsonNode listed = api.get("auditor", "/api/decisions?year=" + year).getBody();
    assertThat(listed.findValuesAsText("number")).contains(number, suddenNumber);

    // the decisions of the year and their PDFs: provincial bodies
    String seq = number.substring(0, number.indexOf('/'));
    String pdfUrl = "/api/decisions/" + year + "/" + seq + ".pdf";
    for (String user : List.of("appraiser", "chairman", "council1", "auditor")) {
      assertThat(api.get(user, "/api/decisions?year=" + year).getStatusCode()).as(user).isEqualTo(HttpStatus.OK);
      assertThat(status(api, user, pdfUrl)).as(user).isEqualTo(HttpStatus.OK);
    }
    for (String user : List.of("officer.sgddt", "clerk")) {
      assertThat(api.get(user, "/api/decisions?year=" + year).getStatusCode()).as(user)
          .isEqualTo(HttpStatus.FORBIDDEN);
      assertThat(status(api, user, pdfUrl)).as(user).isEqualTo(HttpStatus.FORBIDDEN);
    }
    assertThat(status(api, "auditor", "/api/decisions/" + year + "/99999.pdf")).isEqualTo(HttpStatus.NOT_FOUND);
    JsonNode ofYear = api.get("auditor", "/api/decisions?year=" + year).getBody();
    assertThat(ofYear).anySatisfy(d -> {
      assertThat(d.get("number").asText()).isEqualTo(number);
      assertThat(d.get("batchKey").asText()).isEqualTo(key);
      assertThat(d.get("signerName").asText()).isEqualTo("Lê Văn Hùng");
      assertThat(d.get("subjects").findValuesAsText("code")).containsExactly(first);
    });
  }

  /**
   * Two batches of one award type opened at the same moment never take the same dossier: the opening waits while
   * another transaction holds the award type (here a test transaction holding it for ten times as long as an opening takes) and answers only after
   * that one ended.
   */
  @Test
  void batchesOfOneAwardTypeAreOpenedOneAtATime() throws Exception {
    Api api = new Api(rest);
    int year = LocalDate.now(VN).getYear();
    Map<String, Object> request = Map.of("year", year, "round", 3, "awardType", "CSTD_TINH");
    // the same opening once without contention (warm), timed: the other transaction then holds the award type for
    // much longer than an opening takes, so an opening that did not wait would answer while it is held
    long started = System.nanoTime();
    assertThat(api.postJson("appraiser", "/api/decision-batches", request).getStatusCode())
        .isEqualTo(HttpStatus.BAD_REQUEST);
    long holdMillis = Math.max(3000, 10 * (System.nanoTime() - started) / 1_000_000);
    java.util.concurrent.CountDownLatch locked = new java.util.concurrent.CountDownLatch(1);
    java.util.concurrent.CountDownLatch release = new java.util.concurrent.CountDownLatch(1);
    java.util.concurrent.atomic.AtomicLong releasedAt = new java.util.concurrent.atomic.AtomicLong();
    Thread holder = new Thread(() -> new TransactionTemplate(transactions).executeWithoutResult(tx -> {
      batches.lockAwardType("CSTD_TINH");
      locked.countDown();
      try {
        release.await();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      releasedAt.set(System.nanoTime());
    }));
    holder.start();
    assertThat(locked.await(10, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
    java.util.concurrent.atomic.AtomicLong answeredAt = new java.util.concurrent.atomic.AtomicLong();
    java.util.concurrent.CompletableFuture<ResponseEntity<JsonNode>> opening =
        java.util.concurrent.CompletableFuture.supplyAsync(() -> {
          ResponseEntity<JsonNode> r = api.postJson("appraiser", "/api/decision-batches", request);
          answeredAt.set(System.nanoTime());
          return r;
        });
    try {
      opening.get(holdMillis, java.util.concurrent.TimeUnit.MILLISECONDS);
    } catch (java.util.concurrent.TimeoutException stillWaiting) {
      // expected: the opening waits for the award type
    }
    release.countDown();
    holder.join(10_000);
    ResponseEntity<JsonNode> answer = opening.get(30, java.util.concurrent.TimeUnit.SECONDS);
    assertThat(releasedAt.get()).as("the other transaction ended").isPositive();
    assertThat(answeredAt.get()).as("answered only after the other transaction ended")
        .isGreaterThan(releasedAt.get());
    // no CSTD_TINH dossier waits in this test: a Vietnamese 400, no batch
    assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(answer.getBody().get("detail").asText()).contains("Không có hồ sơ");
    assertThat(batches.exists(year + "-R3-CSTD_TINH")).isFalse();
  }
}

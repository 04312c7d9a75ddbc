package vn.gov.sonla.tdkt.decision;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import vn.gov.sonla.tdkt.award.AwardRegister;
import vn.gov.sonla.tdkt.award.RewardMoney;
import vn.gov.sonla.tdkt.dossier.DossierRepository;
import vn.gov.sonla.tdkt.pdf.DecisionProperties;
import vn.gov.sonla.tdkt.support.Api;
import vn.gov.sonla.tdkt.support.PostgresAppTest;

/**
 * Issue 16's acceptance for decisions by batch, on the real PostgreSQL server through the APIs as the users do it:
 * 12 dossiers of one round through appraisal, the council (9 members) and the public notice; Home Affairs opens one
 * batch; the Chairman excludes 2; one decision number, 10 dossiers AWARDED with it, 10 register rows, the signed
 * PDF lists the 10 with their rewards; the 2 excluded go to the next batch, numbered by the clerk, whose duplicate
 * number is refused. Who may call each batch and decision route is checked on the way. The proposal, the draft and
 * the decision are rendered to PNG in target/screenshots/decision-batch.
 *
 * <p>In the shared PostgreSQL context: council rounds of its own ({@value #ROUND} and the next), and it asserts on its
 * own dossiers and decisions only (the year's register of decisions holds other classes' decisions too).
 */
@PostgresAppTest
class DecisionBatchPostgresTest {

  private static final ZoneId VN = ZoneId.of("Asia/Ho_Chi_Minh");
  /** This class's council round (no other class uses it). */
  static final int ROUND = 41;

  @Autowired TestRestTemplate rest;
  @Autowired ManagementService management;
  @Autowired DossierRepository dossiers;
  @Autowired AwardRegister register;
  @Autowired DecisionRepository decisions;
  @Autowired DecisionNumbering numbering;
  @Autowired RewardMoney rewardMoney;

  private String submit(Api api, String unit, String name) {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("awardType", "BK_TINH");
    json.put("awardKind", "ANNUAL");
    json.put("year", LocalDate.now(VN).getYear());
    json.put("subjectKind", "INDIVIDUAL");
    json.put("subjectName", name);
    json.put("subjectRole", "DIRECT_WORKER");
    json.put("birthDate", "1980-01-15");
    json.put("position", "Giáo viên");
    json.put("workUnit", "Trường THPT Chiềng Sinh");
    json.put("achievements", "Hoàn thành xuất sắc nhiệm vụ, có sáng kiến được áp dụng.");
    ResponseEntity<JsonNode> created = api.createDossier("officer." + unit, json, Api.requiredFiles("ANNUAL"), false);
    assertThat(created.getStatusCode()).as(name).isEqualTo(HttpStatus.CREATED);
    return created.getBody().get("code").asText();
  }

  private void runCouncilJobs() {
    for (int i = 0; i < 20; i++) {
      List<Job> due = management.createJobQuery().executable().processDefinitionKey("council-session").list();
      if (due.isEmpty()) {
        return;
      }
      due.forEach(job -> vn.gov.sonla.tdkt.support.Jobs.executeIfPresent(management, job.getId()));
    }
  }

  private static String text(byte[] pdf) throws Exception {
    try (PDDocument document = Loader.loadPDF(pdf)) {
      return new PDFTextStripper().getText(document);
    }
  }

  private byte[] pdf(String user, String url) {
    ResponseEntity<byte[]> response = new Api(rest).as(user).getForEntity(url, byte[].class);
    assertThat(response.getStatusCode()).as("%s GET %s", user, url).isEqualTo(HttpStatus.OK);
    assertThat(new String(response.getBody(), 0, 5)).isEqualTo("%PDF-");
    return response.getBody();
  }

  /** The decisions of the list that name one of the given dossiers. */
  private static List<JsonNode> ours(JsonNode decisions, List<String> codes) {
    List<JsonNode> ours = new ArrayList<>();
    decisions.forEach(d -> {
      if (d.path("subjects").findValuesAsText("code").stream().anyMatch(codes::contains)) {
        ours.add(d);
      }
    });
    return ours;
  }

  private HttpStatus status(String user, String url) {
    return HttpStatus.valueOf(new Api(rest).as(user).getForEntity(url, byte[].class).getStatusCode().value());
  }

  @Test
  void twelveDossiersOfARoundOneBatchTwoExcludedOneNumberTenAwardedThenTheClerkNumbersTheNext() throws Exception {
    Api api = new Api(rest);
    int year = LocalDate.now(VN).getYear();
    String[] units = {"sgddt", "syt", "ptohieu"};
    String[] surnames = {"Lò", "Cầm", "Quàng", "Vì"};
    Map<String, String> names = new LinkedHashMap<>();
    for (String unit : units) {
      for (String surname : surnames) {
        String name = surname + " Thị " + unit.toUpperCase() + " Lan";
        names.put(submit(api, unit, name), name);
      }
    }
    List<String> codes = new ArrayList<>(names.keySet());
    assertThat(codes).hasSize(12);
    codes.forEach(api::appraiseValid);

    // the council session of the round: all 9 members vote for all 12
    ResponseEntity<JsonNode> session = api.postJson("appraiser", "/api/council-sessions",
        Map.of("year", year, "round", ROUND));
    assertThat(session.getStatusCode()).isEqualTo(HttpStatus.CREATED);
    for (int member = 1; member <= 9; member++) {
      assertThat(api.postJson("council" + member, "/api/council-sessions/" + year + "-R" + ROUND + "/ballot",
          Map.of("approvals", codes)).getStatusCode()).isEqualTo(HttpStatus.OK);
    }
    runCouncilJobs();
    // the public notice ends (the job executor is off in tests)
    for (String code : codes) {
      Job timer = management.createJobQuery().processInstanceId(dossiers.find(code).orElseThrow().processInstanceId())
          .activityId("Timer_NoticePeriod").singleResult();
      management.executeJob(timer.getId());
    }
    codes.forEach(code -> assertThat(api.get("appraiser", "/api/dossiers/" + code).getBody().get("status").asText())
        .isEqualTo("AWAITING_DECISION"));
    // decided by batch: the Chairman has no single decision task for them
    codes.forEach(code -> assertThat(api.task("chairman", code)).isNull());

    // who may open a batch: Home Affairs only; nothing ready, or the batch again: a Vietnamese 400
    Map<String, Object> request = Map.of("year", year, "round", ROUND, "awardType", "BK_TINH");
    assertThat(api.postJson("officer.sgddt", "/api/decision-batches", request).getStatusCode())
        .isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(api.postJson("chairman", "/api/decision-batches", request).getStatusCode())
        .isEqualTo(HttpStatus.FORBIDDEN);
    ResponseEntity<JsonNode> none = api.postJson("appraiser", "/api/decision-batches",
        Map.of("year", year, "round", ROUND, "awardType", "CSTD_TINH"));
    assertThat(none.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(none.getBody().get("detail").asText()).contains("Không có hồ sơ");
    assertThat(api.postJson("appraiser", "/api/decision-batches",
        Map.of("year", year, "round", ROUND, "awardType", "BK_TTG")).getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    ResponseEntity<JsonNode> opened = api.postJson("appraiser", "/api/decision-batches", request);
    assertThat(opened.getStatusCode()).isEqualTo(HttpStatus.CREATED);
    String key = opened.getBody().get("key").asText();
    assertThat(key).isEqualTo(year + "-R" + ROUND + "-BK_TINH");
    assertThat(opened.getBody().get("dossiers").findValuesAsText("code")).containsExactlyInAnyOrderElementsOf(codes);
    ResponseEntity<JsonNode> again = api.postJson("appraiser", "/api/decision-batches", request);
    assertThat(again.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(again.getBody().get("detail").asText()).contains("đã được lập");

    // who may read it: the provincial bodies; proposal and draft: the Chairman and Home Affairs
    JsonNode batch = api.get("chairman", "/api/decision-batches/" + key).getBody();
    assertThat(batch.get("status").asText()).isEqualTo("AWAITING_DECISION");
    assertThat(batch.get("dossiers").findValuesAsText("state")).hasSize(12).containsOnly("PROPOSED");
    assertThat(api.get("auditor", "/api/decision-batches/" + key).getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(api.get("officer.sgddt", "/api/decision-batches/" + key).getStatusCode())
        .isEqualTo(HttpStatus.FORBIDDEN);
    byte[] proposal = pdf("chairman", batch.get("proposalUrl").asText());
    pdf("appraiser", batch.get("proposalUrl").asText());
    byte[] draft = pdf("chairman", batch.get("draftUrl").asText());
    pdf("appraiser", batch.get("draftUrl").asText());
    for (String user : List.of("officer.sgddt", "auditor", "council1", "clerk")) {
      assertThat(status(user, batch.get("proposalUrl").asText())).as(user).isEqualTo(HttpStatus.FORBIDDEN);
      assertThat(status(user, batch.get("draftUrl").asText())).as(user).isEqualTo(HttpStatus.FORBIDDEN);
    }
    String proposalText = text(proposal);
    assertThat(proposalText).contains("TỜ TRÌNH", "SỞ NỘI VỤ", "Kính gửi");
    // the Director of Home Affairs (tdkt.decision.proposal-signer) signs with his full name, family name first
    assertThat(proposalText).contains("GIÁM ĐỐC", "Cầm Thị Bích");
    names.values().forEach(n -> assertThat(proposalText).contains(n));
    String draftText = text(draft);
    assertThat(draftText).contains("DANH SÁCH", "Số: /QĐ-UBND");
    Path dir = Path.of("target", "screenshots", "decision-batch");
    Files.createDirectories(dir);
    DecisionDocumentTest.screenshot(proposal, "decision-batch/proposal");
    DecisionDocumentTest.screenshot(draft, "decision-batch/draft");

    // the Chairman excludes 2 in the batch task (Tasklist: engine REST as the chairman)
    String excludedA = codes.get(1);
    String excludedB = codes.get(6);
    api.decideBatch(key, excludedA + ": Cần làm rõ sáng kiến.\n" + excludedB + ": Chờ xác minh thêm.", "");

    List<String> awarded = codes.stream().filter(c -> !c.equals(excludedA) && !c.equals(excludedB)).toList();
    JsonNode decided = api.get("appraiser", "/api/decision-batches/" + key).getBody();
    String number = decided.get("decisionNumber").asText();
    assertThat(number).matches("\\d+/QĐ-UBND");
    assertThat(decided.get("status").asText()).isEqualTo("ISSUED");
    for (String code : awarded) {
      JsonNode dossier = api.get("appraiser", "/api/dossiers/" + code).getBody();
      assertThat(dossier.get("status").asText()).isEqualTo("AWARDED");
      assertThat(dossier.get("decision").get("number").asText()).isEqualTo(number);
      assertThat(dossier.get("decision").get("signatureValid").asBoolean()).isTrue();
      assertThat(register.forDossier(code)).singleElement()
          .satisfies(r -> assertThat(r.decisionNumber()).isEqualTo(number));
    }
    for (String code : List.of(excludedA, excludedB)) {
      assertThat(api.get("appraiser", "/api/dossiers/" + code).getBody().get("status").asText())
          .isEqualTo("AWAITING_DECISION");
      assertThat(register.forDossier(code)).isEmpty();
    }
    assertThat(awarded.stream().map(c -> register.forDossier(c).size()).mapToInt(Integer::intValue).sum())
        .isEqualTo(10);

    // the register of decisions: one decision for the 10
    List<JsonNode> ours = ours(api.get("auditor", "/api/decisions?year=" + year).getBody(), codes);
    assertThat(ours).hasSize(1);
    JsonNode ourDecision = ours.get(0);
    assertThat(ourDecision.get("number").asText()).isEqualTo(number);
    assertThat(ourDecision.get("subjects").findValuesAsText("code")).containsExactlyInAnyOrderElementsOf(awarded);
    assertThat(ourDecision.get("signatureValid").asBoolean()).isTrue();
    assertThat(api.get("officer.sgddt", "/api/decisions?year=" + year).getStatusCode())
        .isEqualTo(HttpStatus.FORBIDDEN);
    String pdfUrl = ourDecision.get("pdfUrl").asText();
    assertThat(status("officer.sgddt", pdfUrl)).isEqualTo(HttpStatus.FORBIDDEN);
    byte[] decision = pdf("council1", pdfUrl);
    DecisionDocumentTest.screenshot(decision, "decision-batch/decision");
    String decisionText = text(decision);
    awarded.forEach(c -> assertThat(decisionText).contains(names.get(c)));
    assertThat(decisionText).doesNotContain(names.get(excludedA), names.get(excludedB));
    assertThat(decisionText).contains("Số: " + number, "DANH SÁCH", "10 cá nhân");
    LocalDate today = LocalDate.now(VN);
    // rounded per the rule in force: the same amount as the catalogue view
    long reward = rewardMoney.amount("BK_TINH", "INDIVIDUAL", today).orElseThrow().amount();
    assertThat(decisionText).contains(DecisionDocument.money(reward), DecisionDocument.money(10 * reward));

    // the next batch takes the 2 excluded; the clerk numbers it, a duplicate number is refused
    numbering.use(DecisionProperties.Numbering.CLERK);
    try {
      ResponseEntity<JsonNode> next = api.postJson("appraiser", "/api/decision-batches",
          Map.of("year", year, "round", ROUND + 1, "awardType", "BK_TINH"));
      assertThat(next.getStatusCode()).isEqualTo(HttpStatus.CREATED);
      String nextKey = next.getBody().get("key").asText();
      assertThat(next.getBody().get("dossiers").findValuesAsText("code"))
          .containsExactlyInAnyOrder(excludedA, excludedB);
      api.decideBatch(nextKey, "", "");
      JsonNode clerkTask = api.get("clerk", "/engine-rest/task?processInstanceBusinessKey=" + nextKey).getBody().get(0);
      assertThat(clerkTask.get("taskDefinitionKey").asText()).isEqualTo("Task_NumberDecision");
      String id = clerkTask.get("id").asText();
      assertThat(api.postJson("clerk", "/engine-rest/task/" + id + "/claim", Map.of("userId", "clerk"))
          .getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
      int taken = Integer.parseInt(number.substring(0, number.indexOf('/')));
      ResponseEntity<JsonNode> duplicate = api.postJson("clerk", "/engine-rest/task/" + id + "/complete",
          Api.variables("decisionSeq", taken, "decisionRegister", "QĐ-UBND"));
      assertThat(duplicate.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
      assertThat(duplicate.getBody().toString()).contains("đã được cấp cho một quyết định khác");
      assertThat(api.get("appraiser", "/api/dossiers/" + excludedA).getBody().get("status").asText())
          .isEqualTo("AWAITING_DECISION");
      assertThat(api.postJson("clerk", "/engine-rest/task/" + id + "/complete",
          Api.variables("decisionSeq", 777, "decisionRegister", "QĐ-UBND")).getStatusCode())
          .isEqualTo(HttpStatus.NO_CONTENT);
      api.settle(nextKey); // the numbered decision is issued by a job after the clerk's click
      for (String code : List.of(excludedA, excludedB)) {
        JsonNode dossier = api.get("appraiser", "/api/dossiers/" + code).getBody();
        assertThat(dossier.get("status").asText()).isEqualTo("AWARDED");
        assertThat(dossier.get("decision").get("number").asText()).isEqualTo("777/QĐ-UBND");
        assertThat(decisions.forDossier(code).orElseThrow().numberedBy()).isEqualTo("clerk");
        assertThat(register.forDossier(code)).singleElement()
            .satisfies(r -> assertThat(r.decisionNumber()).isEqualTo("777/QĐ-UBND"));
      }
      assertThat(ours(api.get("auditor", "/api/decisions?year=" + year).getBody(), codes))
          .extracting(d -> d.get("number").asText()).containsExactlyInAnyOrder(number, "777/QĐ-UBND");
    } finally {
      numbering.use(DecisionProperties.Numbering.INTERNAL);
    }
  }
}

package vn.gov.sonla.tdkt.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.dao.DataAccessException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import vn.gov.sonla.tdkt.support.Api;
import vn.gov.sonla.tdkt.support.AppTest;

/** The audit trail on H2: what the pipeline records, by whom, chained; and no way to change it. */
@AppTest
class AuditLogTest {

  @Autowired TestRestTemplate rest;
  @Autowired AuditLog audit;
  @Autowired JdbcTemplate jdbc;

  Api api;

  @BeforeEach
  void api() {
    api = new Api(rest);
  }

  static Map<String, Object> dossierJson(String name, String kind) {
    Map<String, Object> d = new LinkedHashMap<>();
    d.put("awardType", "BK_TINH");
    d.put("awardKind", kind);
    d.put("year", LocalDate.now().getYear());
    d.put("subjectKind", "INDIVIDUAL");
    d.put("subjectRole", "DIRECT_WORKER");
    d.put("subjectName", name);
    // a birth date of its own: the context is shared, and other classes propose people of the same names
    d.put("birthDate", "1983-05-17");
    d.put("position", "Hiệu trưởng");
    d.put("workUnit", "Trường THCS Tô Hiệu");
    d.put("achievements", "Tổ chức cứu hộ học sinh trong lũ quét.");
    return d;
  }

  /** Submits a sudden-achievement dossier as officer.sgddt and has it appraised valid (AWAITING_DECISION). */
  static String submitAndAppraise(Api api, String name) {
    return submitAndAppraise(api, name, "SUDDEN");
  }

  static String submitAndAppraise(Api api, String name, String kind) {
    ResponseEntity<JsonNode> created = api.createDossier("officer.sgddt", dossierJson(name, kind),
        Api.requiredFiles(kind), false);
    assertThat(created.getStatusCode()).isEqualTo(HttpStatus.CREATED);
    String code = created.getBody().get("code").asText();
    String id = api.task("appraiser", code).get("id").asText();
    assertThat(api.postJson("appraiser", "/engine-rest/task/" + id + "/claim", Map.of("userId", "appraiser"))
        .getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
    assertThat(api.postJson("appraiser", "/engine-rest/task/" + id + "/complete",
        Api.variables("appraisalOutcome", "VALID", "appraisalSummary", "Hồ sơ đầy đủ, đúng quy định.", "eligibilityOverrideReason", "Thành tích đã được xác nhận; sổ khen thưởng chưa cập nhật."))
        .getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
    return code;
  }

  @Test
  void submissionAppraisalAndDecisionAreRecordedChainedWithTheirActors() {
    String code = submitAndAppraise(api, "Lò Văn Thắng");
    String id = api.task("chairman", code).get("id").asText();
    api.postJson("chairman", "/engine-rest/task/" + id + "/claim", Map.of("userId", "chairman"));
    assertThat(api.postJson("chairman", "/engine-rest/task/" + id + "/complete",
        Api.variables("decisionOutcome", "APPROVE")).getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
    // the decision is issued by a job after the click; its records still name the Chairman who decided
    api.settle(code);

    List<AuditRecord> records = audit.forDossier(code);
    assertThat(records).extracting(AuditRecord::kind, AuditRecord::actor).containsExactly(
        org.assertj.core.groups.Tuple.tuple("DOCUMENT_ADDED", "officer.sgddt"),
        org.assertj.core.groups.Tuple.tuple("DOCUMENT_ADDED", "officer.sgddt"),
        org.assertj.core.groups.Tuple.tuple("STATUS_CHANGED", "officer.sgddt"),
        org.assertj.core.groups.Tuple.tuple("STATUS_CHANGED", "appraiser"),
        org.assertj.core.groups.Tuple.tuple("STATUS_CHANGED", "appraiser"),
        org.assertj.core.groups.Tuple.tuple("DECISION_ISSUED", "chairman"),
        org.assertj.core.groups.Tuple.tuple("STATUS_CHANGED", "chairman"));
    assertThat(records.get(0).detail()).startsWith("{\"id\":").contains("\"name\":\"to-trinh.pdf\"",
        "\"type\":\"PROPOSAL_LETTER\"", "\"sha256\":\"", "\"size\":");
    assertThat(records.get(2).detail()).isEqualTo("{\"from\":\"DRAFT\",\"reason\":null,\"to\":\"SUBMITTED\"}");
    assertThat(records.get(3).detail()).contains("\"to\":\"IN_APPRAISAL\"");
    assertThat(records.get(4).detail()).contains("\"from\":\"IN_APPRAISAL\"", "\"to\":\"AWAITING_DECISION\"");
    assertThat(records.get(5).detail()).containsPattern("\"number\":\"\\d+/QĐ-UBND\"");
    assertThat(records.get(6).detail()).contains("\"to\":\"AWARDED\"");

    // a dossier's records follow each other in the global chain (nothing else happened meanwhile)
    for (int i = 1; i < records.size(); i++) {
      assertThat(records.get(i).seq()).isEqualTo(records.get(i - 1).seq() + 1);
      assertThat(records.get(i).prevHash()).isEqualTo(records.get(i - 1).hash());
    }
    assertThat(records).allSatisfy(r -> assertThat(r.hash()).isEqualTo(AuditLog.hash(r.seq(), r.recordedAt(),
        r.actor(), r.dossierCode(), r.kind(), r.detail(), r.prevHash())));

    ResponseEntity<JsonNode> verify = api.get("auditor", "/api/audit/verify");
    assertThat(verify.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(verify.getBody().get("ok").asBoolean()).isTrue();
    assertThat(verify.getBody().get("records").asLong()).isGreaterThanOrEqualTo(records.size());
    assertThat(verify.getBody().get("firstBrokenSeq").isNull()).isTrue();
  }

  @Test
  void objectionsAreRecordedWithoutTheObjectorsPersonalData() {
    String code = submitAndAppraise(api, "Cầm Thị Xuân", "ANNUAL");
    assertThat(api.postJson("admin", "/engine-rest/message", Map.of("messageName", "CouncilResolution",
        "businessKey", code, "processVariables", Map.of("councilPassed", Map.of("value", true))))
        .getStatusCode().is2xxSuccessful()).isTrue();
    org.springframework.http.HttpHeaders headers = new org.springframework.http.HttpHeaders();
    headers.setContentType(org.springframework.http.MediaType.APPLICATION_JSON);
    assertThat(rest.postForEntity("/api/objections", new org.springframework.http.HttpEntity<>(api.write(Map.of(
        "dossierCode", code, "name", "Lò Văn Dân", "contact", "0912 345 678",
        "content", "Thành tích kê khai chưa đúng thực tế.")), headers), JsonNode.class).getStatusCode())
        .isEqualTo(HttpStatus.ACCEPTED);
    JsonNode review = api.task("appraiser", code);
    assertThat(review.get("taskDefinitionKey").asText()).isEqualTo("Task_VerifyObjection");
    String id = review.get("id").asText();
    api.postJson("appraiser", "/engine-rest/task/" + id + "/claim", Map.of("userId", "appraiser"));
    assertThat(api.postJson("appraiser", "/engine-rest/task/" + id + "/complete", Api.variables(
        "objectionOutcome", "DISMISSED", "objectionFinding", "Không có cơ sở.")).getStatusCode())
        .isEqualTo(HttpStatus.NO_CONTENT);

    List<AuditRecord> records = audit.forDossier(code);
    assertThat(records).extracting(AuditRecord::kind).containsSubsequence("STATUS_CHANGED", "OBJECTION_FILED",
        "OBJECTION_REVIEWED");
    AuditRecord filed = records.stream().filter(r -> r.kind().equals("OBJECTION_FILED")).findFirst().orElseThrow();
    assertThat(filed.actor()).isEqualTo("system");
    assertThat(filed.detail()).contains("objectionId").doesNotContain("Lò Văn Dân", "0912");
    AuditRecord reviewed = records.stream().filter(r -> r.kind().equals("OBJECTION_REVIEWED")).findFirst()
        .orElseThrow();
    assertThat(reviewed.actor()).isEqualTo("appraiser");
    assertThat(reviewed.detail()).contains("\"outcome\":\"DISMISSED\"");
    assertThat(api.get("auditor", "/api/audit/verify").getBody().get("ok").asBoolean()).isTrue();
  }

  @Autowired org.camunda.bpm.engine.RuntimeService runtime;
  @Autowired org.camunda.bpm.engine.TaskService tasks;
  @Autowired org.camunda.bpm.engine.FormService forms;
  @Autowired org.camunda.bpm.engine.ManagementService management;
  @Autowired org.camunda.bpm.engine.IdentityService identity;

  @Test
  void theCouncilTallyIsRecordedAsTotalsNeverAsBallots() {
    String code = submitAndAppraise(api, "Lò Văn Khánh", "ANNUAL");
    var pi = runtime.startProcessInstanceByKey("council-session",
        vn.gov.sonla.tdkt.council.CouncilSession.key(2025, 77), Map.of("year", 2025, "round", 77));
    for (int m = 1; m <= 9; m++) {
      var ballot = tasks.createTaskQuery().processInstanceId(pi.getId()).taskDefinitionKey("Task_Ballot")
          .taskAssignee("council" + m).singleResult();
      identity.setAuthenticatedUserId("council" + m);
      try {
        forms.submitTaskForm(ballot.getId(), Map.of(vn.gov.sonla.tdkt.council.BallotBox.APPROVALS,
            org.camunda.spin.Spin.JSON(m <= 7 ? List.of(code) : List.of())));
      } finally {
        identity.clearAuthentication();
      }
    }
    for (int i = 0; i < 10; i++) {
      var due = management.createJobQuery().processInstanceId(pi.getId()).executable().list();
      if (due.isEmpty()) {
        break;
      }
      due.forEach(j -> vn.gov.sonla.tdkt.support.Jobs.executeIfPresent(management, j.getId()));
    }

    List<AuditRecord> records = audit.forDossier(code);
    AuditRecord tally = records.stream().filter(r -> r.kind().equals("COUNCIL_TALLY")).findFirst().orElseThrow();
    assertThat(tally.detail()).isEqualTo("{\"absent\":0,\"against\":2,\"for\":7,\"passed\":true,\"required\":5,"
        + "\"round\":1,\"session\":\"" + pi.getBusinessKey() + "\"}");
    assertThat(tally.detail()).doesNotContain("council1", "council8");
    assertThat(records.get(records.indexOf(tally) + 1).detail()).contains("\"from\":\"AWAITING_COUNCIL\"",
        "\"to\":\"PUBLIC_NOTICE\"");
  }

  @Test
  void theFirstRecordChainsToZeros() {
    submitAndAppraise(api, "Cầm Văn Hùng");
    String prev = jdbc.queryForObject("SELECT prev_hash FROM audit_record WHERE seq = 1", String.class);
    assertThat(prev).isEqualTo("0".repeat(64));
  }

  @Test
  void theApplicationHasNoWayToChangeOrRemoveRecords() {
    List<String> mutators = Arrays.stream(AuditLog.class.getMethods())
        .filter(m -> m.getDeclaringClass() == AuditLog.class && Modifier.isPublic(m.getModifiers()))
        .map(Method::getName)
        .filter(n -> n.startsWith("update") || n.startsWith("delete") || n.startsWith("remove"))
        .toList();
    assertThat(mutators).isEmpty();

    // and the database (H2 here, through its Java trigger) refuses both
    submitAndAppraise(api, "Quàng Thị Lan");
    assertThatThrownBy(() -> jdbc.update("UPDATE audit_record SET actor = 'x'"))
        .isInstanceOf(DataAccessException.class).hasStackTraceContaining("audit_record is append-only");
    assertThatThrownBy(() -> jdbc.update("DELETE FROM audit_record"))
        .isInstanceOf(DataAccessException.class).hasStackTraceContaining("audit_record is append-only");
    assertThat(api.get("auditor", "/api/audit/verify").getBody().get("ok").asBoolean()).isTrue();
  }

  @Test
  void onlyInspectorsHomeAffairsAndAdministratorsVerify() {
    assertThat(api.get("appraiser", "/api/audit/verify").getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(api.get("admin", "/api/audit/verify").getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(api.get("officer.sgddt", "/api/audit/verify").getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(api.get("chairman", "/api/audit/verify").getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(rest.getForEntity("/api/audit/verify", String.class).getStatusCode())
        .isEqualTo(HttpStatus.UNAUTHORIZED);
  }
}

package vn.gov.sonla.tdkt.award;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Date;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.spin.json.SpinJsonNode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import vn.gov.sonla.tdkt.audit.AuditLog;
import vn.gov.sonla.tdkt.dossier.Dossier;
import vn.gov.sonla.tdkt.dossier.DossierRequest;
import vn.gov.sonla.tdkt.dossier.DossierService;
import vn.gov.sonla.tdkt.support.Api;
import vn.gov.sonla.tdkt.support.AppTest;
import vn.gov.sonla.tdkt.support.TestDossiers;

/**
 * The eligibility step of commendation-dossier.bpmn: evaluated before the appraiser opens the task, under the
 * regime of the receipt date, shown with the subject's history; overriding "not eligible" needs a reason.
 */
@AppTest
class EligibilityAppraisalTest {

  private static final ZoneId VN = ZoneId.of("Asia/Ho_Chi_Minh");

  @Autowired TestRestTemplate rest;
  @Autowired DossierService dossiers;
  @Autowired RuntimeService runtime;
  @Autowired Subjects subjects;
  @Autowired AwardRegister register;
  @Autowired AuditLog audit;
  @Autowired org.springframework.transaction.support.TransactionTemplate transaction;
  Api api;

  @Autowired org.camunda.bpm.engine.ProcessEngine engine;

  @BeforeEach
  void api() {
    api = new Api(rest);
    // camunda-bpm-assert keeps its engine statically: this context's, not an earlier test class's
    org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.init(engine);
  }

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  private Dossier submit(String awardType, String name, LocalDate birth) {
    DossierRequest base = TestDossiers.individual("ANNUAL");
    DossierRequest r = new DossierRequest(null, awardType, "ANNUAL", 2025, "INDIVIDUAL", name, birth,
        base.position(), base.workUnit(), base.achievements()).withRole("DIRECT_WORKER");
    var uploads = new java.util.ArrayList<>(TestDossiers.requiredUploads("ANNUAL"));
    if (awardType.startsWith("CSTD")) {
      uploads.add(TestDossiers.upload(vn.gov.sonla.tdkt.award.DocumentType.INITIATIVE_PROOF));
    }
    return dossiers.create(r, uploads, false, TestDossiers.OFFICER_SGDDT);
  }

  private ProcessInstance instance(Dossier d) {
    return runtime.createProcessInstanceQuery().processInstanceBusinessKey(d.code()).singleResult();
  }

  private SpinJsonNode eligibility(Dossier d) {
    return (SpinJsonNode) runtime.getVariable(instance(d).getId(), "eligibility");
  }

  private static Date at(int y, int m, int d) {
    return Date.from(ZonedDateTime.of(y, m, d, 9, 0, 0, 0, VN).toInstant());
  }

  @Test
  void dossiersReceivedOn30JuneAnd1July2025AreJudgedUnderDifferentRegimes() {
    ClockUtil.setCurrentTime(at(2025, 6, 30));
    Dossier june = submit("BK_TINH", "Lò Văn Sáu " + UUID.randomUUID(), LocalDate.of(1980, 6, 30));
    ClockUtil.setCurrentTime(at(2025, 7, 1));
    Dossier july = submit("BK_TINH", "Lò Văn Bảy " + UUID.randomUUID(), LocalDate.of(1980, 7, 1));

    assertThat(instance(june)).isWaitingAt("Task_Appraise")
        .hasPassed("Task_EligibilityFacts", "Task_EligibilityRegime", "Task_EligibilityCriteria");
    assertThat(eligibility(june).prop("receivedOn").stringValue()).isEqualTo("2025-06-30");
    assertThat(eligibility(june).prop("regime").stringValue()).isEqualTo("ND98-2023");
    assertThat(eligibility(june).prop("versionTag").stringValue()).isEqualTo("ND98-2023");
    assertThat(eligibility(june).prop("decisionKey").stringValue()).isEqualTo("award-criteria-nd98-2023");
    assertThat(eligibility(july).prop("receivedOn").stringValue()).isEqualTo("2025-07-01");
    assertThat(eligibility(july).prop("regime").stringValue()).isEqualTo("ND152-2025");
    assertThat(eligibility(july).prop("versionTag").stringValue()).isEqualTo("ND152-2025");
    assertThat(eligibility(july).prop("unmet").elements().get(0).prop("article").stringValue()).contains("152/2025");
  }

  @Test
  void aSubjectWithTheHistoryIsEligibleAndTheFormShowsTheHistory() {
    String name = "Cầm Thị Đủ " + UUID.randomUUID();
    LocalDate birth = LocalDate.of(1984, 4, 4);
    transaction.executeWithoutResult(s -> {
      Subject subject = TestDossiers.subjectWithCstdcsYears(subjects, register, name, birth);
      register.addInitiative(subject.id(), 2024, "Sáng kiến dạy học", InitiativeScope.PROVINCIAL, "Hội đồng tỉnh",
          null, "test");
    });
    Dossier d = submit("CSTD_TINH", name, birth);
    SpinJsonNode result = eligibility(d);
    assertThat(result.prop("status").stringValue()).isEqualTo("ELIGIBLE");
    assertThat(runtime.getVariable(instance(d).getId(), "eligible")).isEqualTo(true);
    SpinJsonNode history = (SpinJsonNode) runtime.getVariable(instance(d).getId(), "awardHistory");
    assertThat(history.prop("awards").elements()).hasSize(3);
    assertThat(history.prop("awards").elements().get(0).prop("year").numberValue().intValue()).isEqualTo(2025);
    // an eligible dossier is found valid without any reason
    api.claimAndComplete("appraiser", d.code(), "Task_Appraise",
        Api.variables("appraisalOutcome", "VALID", "appraisalSummary", "Đủ tiêu chuẩn."));
    assertThat(audit.forDossier(d.code())).noneMatch(r -> r.kind().equals(AuditLog.ELIGIBILITY_OVERRIDDEN));
  }

  @Test
  void overridingNotEligibleWithoutAReasonIsRefusedAndWithAReasonIsRecorded() {
    Dossier d = submit("BK_TINH", "Quàng Văn Thiếu " + UUID.randomUUID(), LocalDate.of(1979, 9, 9));
    SpinJsonNode result = eligibility(d);
    assertThat(result.prop("status").stringValue()).isEqualTo("NOT_ELIGIBLE");
    assertThat(result.prop("unmet").elements()).extracting(e -> e.prop("criterion").stringValue())
        .containsExactly("BK_TINH_BASIS");

    JsonNode task = api.task("appraiser", d.code());
    String id = task.get("id").asText();
    api.postJson("appraiser", "/engine-rest/task/" + id + "/claim", Map.of("userId", "appraiser"));
    ResponseEntity<JsonNode> refused = api.postJson("appraiser", "/engine-rest/task/" + id + "/complete",
        Api.variables("appraisalOutcome", "VALID", "appraisalSummary", "Hồ sơ đầy đủ."));
    assertThat(refused.getStatusCode().is2xxSuccessful()).isFalse();
    assertThat(refused.getBody().get("message").asText()).contains("phải nêu lý do");
    ResponseEntity<JsonNode> blank = api.postJson("appraiser", "/engine-rest/task/" + id + "/complete",
        Api.variables("appraisalOutcome", "VALID", "appraisalSummary", "Hồ sơ đầy đủ.", "eligibilityOverrideReason", "  "));
    assertThat(blank.getStatusCode().is2xxSuccessful()).isFalse();
    assertThat(instance(d)).isWaitingAt("Task_Appraise");
    assertThat(audit.forDossier(d.code())).noneMatch(r -> r.kind().equals(AuditLog.ELIGIBILITY_OVERRIDDEN));

    assertThat(api.postJson("appraiser", "/engine-rest/task/" + id + "/complete",
        Api.variables("appraisalOutcome", "VALID", "appraisalSummary", "Hồ sơ đầy đủ.",
            "eligibilityOverrideReason", "Có 02 lần CSTĐ cơ sở theo quyết định giấy, sổ chưa cập nhật."))
        .getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
    assertThat(instance(d)).isWaitingAt("Event_AwaitCouncilResolution");
    assertThat(runtime.getVariable(instance(d).getId(), "eligibilityOverridden")).isEqualTo(true);
    assertThat(audit.forDossier(d.code())).filteredOn(r -> r.kind().equals(AuditLog.ELIGIBILITY_OVERRIDDEN))
        .singleElement().satisfies(r -> {
          assertThat(r.actor()).isEqualTo("appraiser");
          assertThat(r.detail()).contains("Có 02 lần CSTĐ cơ sở").contains("BK_TINH_BASIS").contains("ND152-2025");
        });
  }

  @Test
  void rejectingANotEligibleDossierNeedsNoOverrideReason() {
    Dossier d = submit("BK_TINH", "Mùa A Trả " + UUID.randomUUID(), LocalDate.of(1979, 9, 9));
    api.claimAndComplete("appraiser", d.code(), "Task_Appraise", Api.variables("appraisalOutcome", "REJECTED",
        "appraisalSummary", "Chưa đủ tiêu chuẩn.", "rejectionReason", "Chưa có 02 lần CSTĐ cơ sở liên tục."));
    assertThat(runtime.createProcessInstanceQuery().processInstanceBusinessKey(d.code()).count()).isZero();
  }
}

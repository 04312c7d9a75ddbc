package vn.gov.sonla.tdkt.trail;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.spin.json.SpinJsonNode;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;
import vn.gov.sonla.tdkt.award.AwardRegister;
import vn.gov.sonla.tdkt.award.DocumentType;
import vn.gov.sonla.tdkt.award.Subjects;
import vn.gov.sonla.tdkt.dossier.Dossier;
import vn.gov.sonla.tdkt.dossier.DossierRequest;
import vn.gov.sonla.tdkt.dossier.DossierService;
import vn.gov.sonla.tdkt.dossier.Upload;
import vn.gov.sonla.tdkt.identity.CurrentUser;
import vn.gov.sonla.tdkt.support.AppTest;
import vn.gov.sonla.tdkt.support.TestDossiers;

/**
 * Issue 20, docs/adr/0009: the eligibility facts are stored once, as the criteria table's decision history (what the
 * rule saw, with the table's version, against the evaluation), not again as process variables; the trail shows
 * them from there.
 */
@AppTest
class EligibilityFactsTrailTest {

  private static final CurrentUser AUDITOR = new CurrentUser("auditor", java.util.Set.of("auditors"));

  @Autowired DossierService dossiers;
  @Autowired DossierTrail trail;
  @Autowired RuntimeService runtime;
  @Autowired HistoryService history;
  @Autowired Subjects subjects;
  @Autowired AwardRegister register;
  @Autowired TransactionTemplate transaction;

  @Autowired TaskService tasks;
  @Autowired IdentityService identity;

  @Test
  void theTrailShowsTheFactsTheCriteriaTableSawAndTheyAreNotKeptAgainAsProcessVariables() {
    Dossier d = submitWithThreeCstdcsYears();
    String pi = runtime.createProcessInstanceQuery().processInstanceBusinessKey(d.code()).singleResult().getId();

    // the rule still judged the facts (its result is there as before)
    SpinJsonNode eligibility = (SpinJsonNode) runtime.getVariable(pi, "eligibility");
    assertThat(eligibility.prop("decisionKey").stringValue()).isEqualTo("award-criteria-nd152-2025");

    // the trail's technical record shows what the criteria table saw, with the table's key, version and tag
    List<TrailEntry> entries = trail.of(d.code(), AUDITOR);
    assertThat(criteria(entries)).singleElement().satisfies(e -> {
      assertThat(e.kind()).isEqualTo(TrailKind.DECISION_EVALUATED);
      assertThat(e.kind().plain()).isFalse();
      assertThat(e.details().get("versionTag")).isEqualTo("ND152-2025");
      assertThat(e.details().get("decisionVersion")).isInstanceOf(Integer.class);
      assertThat(inputs(e)).hasSize(24).containsEntry("cstdcsYears", 3).containsEntry("awardType", "BK_TINH")
          .containsEntry("proceedingsPending", false);
      assertThat(e.summary()).contains("award-criteria-nd152-2025").contains("cstdcsYears = 3");
    });

    // stored once: neither a runtime variable nor its history holds the facts (the form's data stays)
    assertThat(runtime.getVariables(pi)).doesNotContainKeys("cstdcsYears", "hasBkTinh", "goodYearsAfterBkTtg",
        "registerYears").containsKeys("awardType", "receivedOn", "awardHistory", "eligibility");
    assertThat(history.createHistoricVariableInstanceQuery().processInstanceId(pi).variableName("cstdcsYears")
        .count()).isZero();
  }

  /**
   * An instance started before ADR 0009 holds the facts as process variables, which cannot turn transient: its
   * supplement loop judges again and updates them; each evaluation is in the trail.
   */
  @Test
  void anInstanceThatKeptTheFactsAsVariablesGoesThroughTheSupplementLoop() {
    Dossier d = submitWithThreeCstdcsYears();
    String pi = runtime.createProcessInstanceQuery().processInstanceBusinessKey(d.code()).singleResult().getId();
    runtime.setVariable(pi, "cstdcsYears", 0);
    runtime.setVariable(pi, "registerYears", org.camunda.spin.Spin.JSON(Map.of("CSTD_CS", List.of())));

    String appraise = tasks.createTaskQuery().processInstanceId(pi).taskDefinitionKey("Task_Appraise").singleResult()
        .getId();
    identity.setAuthentication("appraiser", List.of("home-affairs"));
    try {
      tasks.claim(appraise, "appraiser");
      tasks.complete(appraise, Map.of("appraisalOutcome", "SUPPLEMENT", "appraisalSummary", "Thiếu biên bản.",
          "missingItems", "Biên bản họp có chữ ký."));
    } finally {
      identity.clearAuthentication();
    }
    dossiers.supplement(d.code(), "Đã bổ sung biên bản.", List.of(new Upload(DocumentType.REVIEW_MINUTES,
        "bien-ban.pdf", "application/pdf", TestDossiers.pdf("bien ban"))), TestDossiers.OFFICER_SGDDT);

    assertThat(tasks.createTaskQuery().processInstanceId(pi).taskDefinitionKey("Task_Appraise").count()).isOne();
    assertThat(runtime.getVariable(pi, "cstdcsYears")).isEqualTo(3);
    assertThat(runtime.getVariables(pi)).containsKey("registerYears");
    assertThat(criteria(trail.of(d.code(), AUDITOR))).hasSize(2)
        .allSatisfy(e -> assertThat(inputs(e)).containsEntry("cstdcsYears", 3));
  }

  private static List<TrailEntry> criteria(List<TrailEntry> entries) {
    return entries.stream().filter(e -> e.source() == TrailSource.ENGINE_DECISION
        && "award-criteria-nd152-2025".equals(e.details().get("decisionKey"))).toList();
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> inputs(TrailEntry e) {
    return (Map<String, Object>) e.details().get("inputs");
  }

  private Dossier submitWithThreeCstdcsYears() {
    String name = "Lò Văn Dữ " + UUID.randomUUID();
    LocalDate birth = LocalDate.of(1985, 5, 5);
    transaction.executeWithoutResult(s -> TestDossiers.subjectWithCstdcsYears(subjects, register, name, birth));
    DossierRequest base = TestDossiers.individual("ANNUAL");
    DossierRequest r = new DossierRequest(null, "BK_TINH", "ANNUAL", 2025, "INDIVIDUAL", name, birth,
        base.position(), base.workUnit(), base.achievements()).withRole("DIRECT_WORKER");
    return dossiers.create(r, TestDossiers.requiredUploads("ANNUAL"), false, TestDossiers.OFFICER_SGDDT);
  }
}

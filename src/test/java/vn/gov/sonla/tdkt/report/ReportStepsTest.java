package vn.gov.sonla.tdkt.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Date;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import vn.gov.sonla.tdkt.council.CouncilRepository;
import vn.gov.sonla.tdkt.decision.DecisionRepository;
import vn.gov.sonla.tdkt.dossier.Dossier;
import vn.gov.sonla.tdkt.dossier.DossierService;
import vn.gov.sonla.tdkt.notice.PublicNoticeService;
import vn.gov.sonla.tdkt.support.AppTest;
import vn.gov.sonla.tdkt.support.TestDossiers;
import vn.gov.sonla.tdkt.trail.TrailScenario;

/**
 * Processing time per step from the engine's history, with the clock moved so that every duration is known: one
 * dossier through supplement, council, public notice with an objection and decision ({@link TrailScenario}), one
 * whose appraisal ends a minute after its due date, and one withdrawn during its appraisal (a cancelled step that
 * must not count).
 */
@AppTest
class ReportStepsTest {

  @Autowired ReportService reports;
  @Autowired DossierService dossiers;
  @Autowired RuntimeService runtime;
  @Autowired TaskService tasks;
  @Autowired ManagementService management;
  @Autowired IdentityService identity;
  @Autowired CouncilRepository council;
  @Autowired PublicNoticeService notices;
  @Autowired DecisionRepository decisions;

  /**
   * An award year of its own (proposals may be five years back from the scenario's 2025): the context is shared, and
   * the processing times of a year count every dossier of that year.
   */
  static final int YEAR = 2021;

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  @Test
  void eachStepHasItsDurationsLateCountsAndLabelFromTheModel() {
    TrailScenario.Run run = new TrailScenario(dossiers, runtime, tasks, management, identity, council, notices,
        decisions).run(YEAR);
    lateAppraisal();
    withdrawnDuringAppraisal();

    Report.Processing processing = reports.processing(YEAR);
    assertThat(processing.steps()).extracting(Report.Step::step).containsExactly("Task_Appraise", "Task_Supplement",
        "Event_AwaitCouncilResolution", "Sub_PublicNotice", "Task_VerifyObjection", "Task_Decide",
        "Event_AwaitDecisionBatch", "Event_AwaitStateSubmission", "Event_AwaitCentralDecision");

    // appraisal: the trail dossier's two rounds (49.5 h, then 19.5 h) and the late one (10 working days + 1 minute);
    // the withdrawn dossier's open appraisal was cancelled and does not count
    Report.Step appraisal = processing.step("Task_Appraise");
    assertThat(appraisal.label()).isEqualTo("Thẩm định hồ sơ");
    assertThat(appraisal.deadline()).isEqualTo("10 ngày làm việc (hạn của nhiệm vụ)");
    assertThat(appraisal.all().count()).isEqualTo(3);
    assertThat(appraisal.all().late()).isEqualTo(1);
    assertThat(appraisal.all().medianHours()).isEqualTo(49.5);
    assertThat(appraisal.byAppraiser().get("appraiser").count()).isEqualTo(3);
    assertThat(appraisal.byUnit().get("sgddt").count()).isEqualTo(2);
    assertThat(appraisal.byUnit().get("syt").late()).isEqualTo(1);

    Report.Step supplement = processing.step("Task_Supplement");
    assertThat(supplement.label()).isEqualTo("Bổ sung hồ sơ");
    assertThat(supplement.all()).isEqualTo(new DurationStats(1, 28.0, 28.0, 0));

    Report.Step councilWait = processing.step("Event_AwaitCouncilResolution");
    assertThat(councilWait.deadline()).isNull();
    assertThat(councilWait.all()).isEqualTo(new DurationStats(1, hours(run.appraisedValid(), run.councilResolved()),
        hours(run.appraisedValid(), run.councilResolved()), 0));

    double notice = hours(run.councilResolved(), run.timerFired());
    assertThat(processing.step("Sub_PublicNotice").all()).isEqualTo(new DurationStats(1, notice, notice, 0));
    assertThat(processing.step("Task_VerifyObjection").all()).isEqualTo(new DurationStats(1, 77.0, 77.0, 0));
    // the normal procedure's dossier waits a day for its round's batch decision; no single decision task
    assertThat(processing.step("Event_AwaitDecisionBatch").all()).isEqualTo(new DurationStats(1, 24.0, 24.0, 0));
    assertThat(processing.step("Event_AwaitDecisionBatch").label()).isEqualTo("Chờ quyết định theo đợt");
    assertThat(processing.step("Task_Decide").all().count()).isZero();
    assertThat(processing.step("Event_AwaitStateSubmission").all().count()).isZero();

    // the whole dossier: the trail one (ended) and the withdrawn one; the late appraisal's dossier is still open
    assertThat(processing.total().all().count()).isEqualTo(2);
    assertThat(processing.total().byUnit()).containsOnlyKeys("sgddt");
  }

  @Test
  void aYearWithoutDossiersHasEveryStepEmpty() {
    Report.Processing processing = reports.processing(1999);
    assertThat(processing.steps()).allSatisfy(s -> assertThat(s.all()).isEqualTo(DurationStats.EMPTY));
    assertThat(processing.total().all()).isEqualTo(DurationStats.EMPTY);
  }

  private void lateAppraisal() {
    ClockUtil.setCurrentTime(TrailScenario.at(2025, 6, 2, 8, 0));
    Dossier d = dossiers.create(TestDossiers.individual("ANNUAL", YEAR), TestDossiers.requiredUploads("ANNUAL"), false,
        TestDossiers.OFFICER_SYT);
    Task task = appraisalTask(d.code());
    ClockUtil.setCurrentTime(new Date(task.getDueDate().getTime() + 60_000));
    as(() -> {
      tasks.claim(task.getId(), "appraiser");
      tasks.complete(task.getId(), Map.of("appraisalOutcome", "VALID", "appraisalSummary", "Hồ sơ hợp lệ.",
          "eligibilityOverrideReason", "Thành tích đột xuất đã được xác nhận."));
    });
  }

  private void withdrawnDuringAppraisal() {
    ClockUtil.setCurrentTime(TrailScenario.at(2025, 6, 9, 8, 0));
    Dossier d = dossiers.create(TestDossiers.individual("ANNUAL", YEAR), TestDossiers.requiredUploads("ANNUAL"), false,
        TestDossiers.OFFICER_SGDDT);
    Task task = appraisalTask(d.code());
    as(() -> tasks.claim(task.getId(), "appraiser"));
    ClockUtil.setCurrentTime(TrailScenario.at(2025, 6, 10, 8, 0));
    dossiers.withdraw(d.code(), "Đơn vị đề nghị lại vào đợt sau.", TestDossiers.OFFICER_SGDDT);
  }

  private Task appraisalTask(String code) {
    return tasks.createTaskQuery().processInstanceBusinessKey(code).taskDefinitionKey("Task_Appraise").singleResult();
  }

  private void as(Runnable action) {
    identity.setAuthentication("appraiser", List.of("home-affairs"));
    try {
      action.run();
    } finally {
      identity.clearAuthentication();
    }
  }

  private static double hours(Date from, Date to) {
    return DurationStats.hours(to.getTime() - from.getTime());
  }
}

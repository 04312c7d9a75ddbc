package vn.gov.sonla.tdkt.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.init;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;

import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.spin.json.SpinJsonNode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import vn.gov.sonla.tdkt.dossier.Dossier;
import vn.gov.sonla.tdkt.dossier.DossierRepository;
import vn.gov.sonla.tdkt.dossier.DossierService;
import vn.gov.sonla.tdkt.dossier.DossierStatus;
import vn.gov.sonla.tdkt.support.TestDossiers;
import vn.gov.sonla.tdkt.support.AppTest;

/**
 * The yearly plan cycle with the engine clock moved through 2025: the annual timer, every path of
 * plan-task, and the council rounds driving the dossier pipeline.
 */
@AppTest
class PlanProcessTest {

  private static final ZoneId VN = ZoneId.of("Asia/Ho_Chi_Minh");

  @Autowired ProcessEngine engine;
  @Autowired RuntimeService runtime;
  @Autowired TaskService tasks;
  @Autowired ManagementService management;
  @Autowired HistoryService history;
  @Autowired IdentityService identity;
  @Autowired PlanStore store;
  @Autowired DossierService dossiers;
  @Autowired DossierRepository dossierRepository;

  @BeforeEach
  void setUp() {
    init(engine);
  }

  @AfterEach
  void reset() {
    ClockUtil.reset();
    identity.clearAuthentication();
  }

  private static Date at(int year, int month, int day, int hour, int minute) {
    return Date.from(ZonedDateTime.of(year, month, day, hour, minute, 0, 0, VN).toInstant());
  }

  private Job newYearTimer() {
    return management.createJobQuery().processDefinitionKey("annual-plan").timers().singleResult();
  }

  /** Runs the annual timer at the given moment (as the job executor would), and returns the instances it made. */
  private ProcessInstance fireNewYearTimer(Date when) {
    ClockUtil.setCurrentTime(when);
    long before = history.createHistoricProcessInstanceQuery().processDefinitionKey("annual-plan").count();
    management.executeJob(newYearTimer().getId());
    var started = history.createHistoricProcessInstanceQuery().processDefinitionKey("annual-plan")
        .orderByProcessInstanceStartTime().desc().list();
    assertThat(started).hasSize((int) before + 1);
    return runtime.createProcessInstanceQuery().processInstanceId(started.get(0).getId()).singleResult();
  }

  private ProcessInstance item(String key) {
    return runtime.createProcessInstanceQuery().processDefinitionKey("plan-task").processInstanceBusinessKey("2025-" + key)
        .singleResult();
  }

  private Task task(ProcessInstance pi, String activity) {
    return tasks.createTaskQuery().processInstanceId(pi.getId()).taskDefinitionKey(activity).singleResult();
  }

  private Job job(ProcessInstance pi, String activity) {
    return management.createJobQuery().processInstanceId(pi.getId()).activityId(activity).singleResult();
  }

  /** The whole year in one test: the plan runs once per engine, so its steps share one story. */
  @Test
  void theYear2025() {
    // 1 January is a holiday: the timer fires but opens nothing
    var onHoliday = history.createHistoricProcessInstanceQuery().processDefinitionKey("annual-plan").count();
    ClockUtil.setCurrentTime(at(2025, 1, 1, 7, 0));
    management.executeJob(newYearTimer().getId());
    assertThat(history.createHistoricProcessInstanceQuery().processDefinitionKey("annual-plan").finished().count())
        .isEqualTo(onHoliday + 1);
    assertThat(history.createHistoricActivityInstanceQuery().activityId("EndEvent_NotOpened").count()).isEqualTo(1);
    assertThat(store.exists(2025)).isFalse();

    // 2 January, the first working day: the 2025 plan opens with its 24 items
    ProcessInstance plan = fireNewYearTimer(at(2025, 1, 2, 7, 0));
    assertThat(plan.getBusinessKey()).isEqualTo("2025");
    assertThat(plan).isWaitingAt("Call_PlanTasks");
    assertThat(runtime.createProcessInstanceQuery().processDefinitionKey("plan-task").count()).isEqualTo(24);
    assertThat(store.items(2025)).hasSize(24);
    // a later firing the same January opens nothing again
    ProcessInstance again = fireNewYearTimer(at(2025, 1, 3, 7, 0));
    assertThat(again).isNull();
    assertThat(runtime.createProcessInstanceQuery().processDefinitionKey("plan-task").count()).isEqualTo(24);

    doneOnTimeWithContributions();
    reminderAndOverdueEscalation();
    councilRoundsDriveThePipeline();
    stateSubmissionItemOpensTheRoundSubmission();
    recurringCheckInsUntilDecember();
    everyItemDoneClosesThePlan(plan);
  }

  private void stateSubmissionItemOpensTheRoundSubmission() {
    String key = store.items(2025).stream()
        .filter(i -> "STATE_SUBMISSION".equals(i.kind()) && Integer.valueOf(1).equals(i.round()))
        .findFirst().orElseThrow().key();
    ProcessInstance pi = item(key);
    ClockUtil.setCurrentTime(at(2025, 3, 1, 8, 0));
    management.executeJob(job(pi, "Timer_RoundMonth").getId());
    tasks.complete(task(pi, "Task_Lead").getId(), withVariables("planResult", "Đã trình đợt 1."));
    assertThat(pi).isEnded().hasPassed("Task_StartStateSubmission");
    assertThat(history.createHistoricProcessInstanceQuery().processDefinitionKey("state-submission")
        .processInstanceBusinessKey("2025-R1").count()).isEqualTo(1);
  }

  /** At the year's end every remaining item is finished; the annual plan then closes. */
  private void everyItemDoneClosesThePlan(ProcessInstance plan) {
    ClockUtil.setCurrentTime(at(2025, 12, 20, 9, 0));
    for (int round = 0; round < 50
        && runtime.createProcessInstanceQuery().processDefinitionKey("plan-task").count() > 0; round++) {
      management.createJobQuery().processDefinitionKey("plan-task").executable().list()
          .forEach(j -> management.executeJob(j.getId()));
      for (Task t : tasks.createTaskQuery().processDefinitionKey("plan-task").list()) {
        Map<String, Object> vars = switch (t.getTaskDefinitionKey()) {
          case "Task_Lead" -> withVariables("planResult", "Hoàn thành.");
          case "Task_Contribute" -> withVariables("contributionText", "Đã phối hợp.");
          case "Task_MonthlyCheckIn" -> withVariables("checkInNote", "Đã thực hiện.");
          default -> withVariables("escalationNote", "Đã chỉ đạo.");
        };
        if (tasks.createTaskQuery().taskId(t.getId()).count() > 0) {
          tasks.complete(t.getId(), vars);
        }
      }
    }
    assertThat(runtime.createProcessInstanceQuery().processDefinitionKey("plan-task").count()).isZero();
    assertThat(plan).isEnded().hasPassed("Task_ClosePlan", "EndEvent_Done");
    assertThat(store.items(2025)).allSatisfy(i -> assertThat(i.status()).as(i.key()).isEqualTo("DONE"));
  }

  private void doneOnTimeWithContributions() {
    // I.2: lead Sở Nội vụ, coordinating Văn phòng UBND tỉnh
    ProcessInstance pi = item("I.2");
    Task lead = task(pi, "Task_Lead");
    assertThat(lead).isNotNull();
    assertThat(tasks.getIdentityLinksForTask(lead.getId())).anyMatch(l -> "home-affairs".equals(l.getGroupId()));
    assertThat(lead.getDueDate()).isEqualTo(at(2025, 1, 31, 17, 0));
    Task contribution = task(pi, "Task_Contribute");
    assertThat(tasks.getIdentityLinksForTask(contribution.getId())).anyMatch(l -> "unit-vpubnd".equals(l.getGroupId()));
    tasks.complete(contribution.getId(), withVariables("contributionText", "Văn phòng UBND tỉnh đã góp ý dự thảo."));
    SpinJsonNode contributions = (SpinJsonNode) runtime.getVariable(pi.getId(), "contributions");
    assertThat(contributions.elements()).hasSize(1);
    assertThat(contributions.elements().get(0).prop("text").stringValue()).isEqualTo("Văn phòng UBND tỉnh đã góp ý dự thảo.");

    assertThatThrownBy(() -> tasks.complete(lead.getId(), withVariables("planResult", " ")))
        .hasMessageContaining("Chưa nhập kết quả");
    identity.setAuthentication("appraiser", List.of("home-affairs"));
    tasks.complete(lead.getId(), withVariables("planResult", "Đã ban hành Kế hoạch số 01/KH-UBND."));
    identity.clearAuthentication();
    assertThat(pi).isEnded().hasPassed("EndEvent_Done").hasNotPassed("Task_Escalation");
    PlanStore.ItemStatus status = store.item(2025, "I.2");
    assertThat(status.status()).isEqualTo("DONE");
    assertThat(status.overdue()).isFalse();
    assertThat(status.completedBy()).isEqualTo("appraiser");
  }

  private void reminderAndOverdueEscalation() {
    // I.1: four coordinating groups (council and three units); the lead is late
    ProcessInstance pi = item("I.1");
    assertThat(tasks.createTaskQuery().processInstanceId(pi.getId()).taskDefinitionKey("Task_Contribute").count())
        .isEqualTo(4);
    Job reminder = job(pi, "Timer_PlanReminder");
    Job overdue = job(pi, "Timer_PlanOverdue");
    Date due = task(pi, "Task_Lead").getDueDate();
    assertThat(due).isEqualTo(at(2025, 1, 31, 17, 0));
    assertThat(overdue.getDuedate()).isEqualTo(due);
    // five working days before 31 January 2025, Tết (25 January - 2 February) skipped: 24, 23, 22, 21, 20
    assertThat(reminder.getDuedate()).isEqualTo(at(2025, 1, 20, 17, 0));
    ClockUtil.setCurrentTime(reminder.getDuedate());
    management.executeJob(reminder.getId());
    assertThat(pi).hasPassed("Task_RemindLead").isWaitingAt("Task_Lead");
    ClockUtil.setCurrentTime(due);
    management.executeJob(overdue.getId());
    assertThat(pi).hasPassed("Task_MarkOverdue").isWaitingAt("Task_Lead", "Task_Escalation");
    Task escalation = task(pi, "Task_Escalation");
    assertThat(tasks.getIdentityLinksForTask(escalation.getId())).anyMatch(l -> "appraiser.lead".equals(l.getUserId()));
    assertThat(store.item(2025, "I.1").overdue()).isTrue();
    tasks.complete(escalation.getId(), withVariables("escalationNote", "Đề nghị hoàn thành trong tuần."));
    tasks.complete(task(pi, "Task_Lead").getId(), withVariables("planResult", "Đã hoàn thành (muộn)."));
    // the lead's completion closes the contributions still open
    assertThat(pi).isEnded();
    assertThat(tasks.createTaskQuery().processInstanceId(pi.getId()).count()).isZero();
    assertThat(store.item(2025, "I.1").status()).isEqualTo("DONE");
  }

  private String submitAndAppraise(Date when) {
    ClockUtil.setCurrentTime(when);
    Dossier d = dossiers.create(TestDossiers.individual("ANNUAL"), TestDossiers.requiredUploads("ANNUAL"), false,
        TestDossiers.OFFICER_SGDDT);
    Task appraisal = tasks.createTaskQuery().processInstanceBusinessKey(d.code()).singleResult();
    tasks.complete(appraisal.getId(), withVariables("appraisalOutcome", "VALID", "appraisalSummary", "Hợp lệ.", "eligibilityOverrideReason", "Thành tích đã được xác nhận; sổ khen thưởng chưa cập nhật."));
    assertThat(dossierRepository.find(d.code()).orElseThrow().status()).isEqualTo(DossierStatus.AWAITING_COUNCIL);
    return d.code();
  }

  private String roundItemKey(int round) {
    return store.items(2025).stream().filter(i -> "COUNCIL_ROUND".equals(i.kind()) && Integer.valueOf(round).equals(i.round()))
        .findFirst().orElseThrow().key();
  }

  private void councilRoundsDriveThePipeline() {
    String february = submitAndAppraise(at(2025, 2, 20, 10, 0));
    ProcessInstance round1 = item(roundItemKey(1));
    assertThat(round1).isWaitingAt("Timer_RoundMonth");
    Job monthCame = job(round1, "Timer_RoundMonth");
    assertThat(monthCame.getDuedate()).isEqualTo(at(2025, 3, 1, 8, 0));
    // submitted after the intake deadline (the start of the round's month): for round 2
    String march = submitAndAppraise(at(2025, 3, 5, 10, 0));
    ClockUtil.setCurrentTime(at(2025, 3, 1, 8, 0));
    management.executeJob(monthCame.getId());
    assertThat(round1).isWaitingAt("Task_Lead");
    tasks.complete(task(round1, "Task_Lead").getId(), withVariables("planResult", "Đã thẩm định, trình Hội đồng đợt 1."));
    assertThat(round1).isEnded().hasPassed("Task_StartCouncilSession");

    ProcessInstance session1 = runtime.createProcessInstanceQuery().processDefinitionKey("council-session")
        .processInstanceBusinessKey("2025-R1").singleResult();
    assertThat(session1).isNotNull();
    List<String> agenda1 = agenda(session1);
    assertThat(agenda1).contains(february).doesNotContain(march);

    ProcessInstance round2 = item(roundItemKey(2));
    ClockUtil.setCurrentTime(at(2025, 10, 1, 8, 0));
    management.executeJob(job(round2, "Timer_RoundMonth").getId());
    tasks.complete(task(round2, "Task_Lead").getId(), withVariables("planResult", "Đã thẩm định đợt 2."));
    ProcessInstance session2 = runtime.createProcessInstanceQuery().processDefinitionKey("council-session")
        .processInstanceBusinessKey("2025-R2").singleResult();
    assertThat(agenda(session2)).contains(march);
  }

  private List<String> agenda(ProcessInstance session) {
    SpinJsonNode agenda = (SpinJsonNode) runtime.getVariable(session.getId(), "agenda");
    return agenda.elements().stream().map(e -> e.prop("code").stringValue()).toList();
  }

  private void recurringCheckInsUntilDecember() {
    ProcessInstance pi = item("V.1");
    int checkIns = 0;
    for (int month = 1; month <= 12; month++) {
      ClockUtil.setCurrentTime(at(2025, month, 15, 9, 0));
      Task checkIn = task(pi, "Task_MonthlyCheckIn");
      assertThat(checkIn).as("check-in of month %d", month).isNotNull();
      assertThat(checkIn.getDueDate()).isEqualTo(Date.from(java.time.YearMonth.of(2025, month).atEndOfMonth()
          .atTime(17, 0).atZone(VN).toInstant()));
      tasks.complete(checkIn.getId(), withVariables("checkInNote", "Tháng " + month + ": đã tuyên truyền."));
      checkIns++;
      if (month < 12) {
        Job next = job(pi, "Timer_NextMonth");
        assertThat(next.getDuedate()).isEqualTo(at(2025, month + 1, 1, 8, 0));
        ClockUtil.setCurrentTime(next.getDuedate());
        management.executeJob(next.getId());
      }
    }
    assertThat(pi).isEnded().hasPassed("Task_RecurringDone", "EndEvent_RecurringDone");
    assertThat(store.item(2025, "V.1").checkIns()).isEqualTo(checkIns);
    assertThat(store.item(2025, "V.1").status()).isEqualTo("DONE");
  }
}

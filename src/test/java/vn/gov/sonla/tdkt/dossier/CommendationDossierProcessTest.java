package vn.gov.sonla.tdkt.dossier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.init;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;

import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import vn.gov.sonla.tdkt.award.AwardRecord;
import vn.gov.sonla.tdkt.award.AwardRegister;
import vn.gov.sonla.tdkt.award.DocumentType;
import vn.gov.sonla.tdkt.decision.DecisionRepository;
import vn.gov.sonla.tdkt.notification.Notification;
import vn.gov.sonla.tdkt.notification.Notifications;
import vn.gov.sonla.tdkt.support.AppTest;
import vn.gov.sonla.tdkt.support.TestDossiers;

/** Every path of commendation-dossier.bpmn, with the delegates and the read model it drives. */
@AppTest
class CommendationDossierProcessTest {

  private static final ZoneId VN = ZoneId.of("Asia/Ho_Chi_Minh");

  @Autowired ProcessEngine engine;
  @Autowired RuntimeService runtime;
  @Autowired TaskService tasks;
  @Autowired ManagementService management;
  @Autowired HistoryService history;
  @Autowired DossierService dossiers;
  @Autowired DossierRepository repository;
  @Autowired DecisionRepository decisions;
  @Autowired AwardRegister register;
  @Autowired Notifications notifications;

  @BeforeEach
  void setUp() {
    init(engine);
  }

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  private Dossier submit(String kind) {
    return dossiers.create(TestDossiers.individual(kind), TestDossiers.requiredUploads(kind), false,
        TestDossiers.OFFICER_SGDDT);
  }

  private ProcessInstance instance(Dossier d) {
    return runtime.createProcessInstanceQuery().processInstanceBusinessKey(d.code()).singleResult();
  }

  private DossierStatus status(Dossier d) {
    return repository.find(d.code()).orElseThrow().status();
  }

  private void appraise(ProcessInstance pi, Map<String, Object> outcome) {
    Task appraisal = task("Task_Appraise", pi);
    if (appraisal.getAssignee() == null) {
      tasks.claim(appraisal.getId(), "appraiser");
    }
    tasks.complete(appraisal.getId(), outcome);
  }

  private static Map<String, Object> valid() {
    return withVariables("appraisalOutcome", "VALID", "appraisalSummary", "Hồ sơ đầy đủ, đúng quy định.", "eligibilityOverrideReason", "Thành tích đã được xác nhận; sổ khen thưởng chưa cập nhật.");
  }

  private void decide(ProcessInstance pi, Map<String, Object> decision) {
    Task decide = task("Task_Decide", pi);
    tasks.claim(decide.getId(), "chairman");
    engine.getIdentityService().setAuthenticatedUserId("chairman");
    try {
      tasks.complete(decide.getId(), decision);
    } finally {
      engine.getIdentityService().clearAuthentication();
    }
    // an approval is issued by a job after the click (issue 19), run as the job executor would
    vn.gov.sonla.tdkt.support.Jobs.settleInstance(engine.getManagementService(), pi.getId());
  }

  private void councilResolves(Dossier d, boolean passed) {
    runtime.createMessageCorrelation("CouncilResolution").processInstanceBusinessKey(d.code())
        .setVariable("councilPassed", passed).correlate();
  }

  @Test
  void normalProcedureValidCouncilPassedApprovedIsAwardedWithDecisionAndRegisterEntry() {
    Dossier d = submit("ANNUAL");
    ProcessInstance pi = instance(d);
    assertThat(pi).isWaitingAt("Task_Appraise").task().hasCandidateGroup("home-affairs").isNotAssigned();
    assertThat(status(d)).isEqualTo(DossierStatus.SUBMITTED);

    tasks.claim(task("Task_Appraise", pi).getId(), "appraiser");
    assertThat(status(d)).isEqualTo(DossierStatus.IN_APPRAISAL);
    appraise(pi, valid());

    assertThat(pi).isWaitingAt("Event_AwaitCouncilResolution");
    assertThat(status(d)).isEqualTo(DossierStatus.AWAITING_COUNCIL);
    councilResolves(d, true);

    assertThat(pi).isWaitingAt("Timer_NoticePeriod");
    assertThat(status(d)).isEqualTo(DossierStatus.PUBLIC_NOTICE);
    execute(job("Timer_NoticePeriod", pi));

    // the normal procedure is decided by batch: Home Affairs opens the round's batch, the Chairman approves it
    assertThat(pi).isWaitingAt("Event_AwaitDecisionBatch");
    assertThat(status(d)).isEqualTo(DossierStatus.AWAITING_DECISION);
    ProcessInstance batch = runtime.startProcessInstanceByKey("decision-batch",
        "2093-R" + (1 + new java.util.Random().nextInt(99)) + "-BK_TINH", Map.of("openedBy", "appraiser"));
    assertThat(batch).isWaitingAt("Task_DecideBatch").task().hasCandidateGroup("chairman");
    Task decideBatch = task("Task_DecideBatch", batch);
    tasks.claim(decideBatch.getId(), "chairman");
    engine.getIdentityService().setAuthenticatedUserId("chairman");
    try {
      tasks.complete(decideBatch.getId(), withVariables("draftReviewed", true));
    } finally {
      engine.getIdentityService().clearAuthentication();
    }
    // the click commits; the decision and each dossier's award are jobs (issue 19), run as the job executor would
    assertThat(batch).isWaitingAt("Task_IssueDecision");
    vn.gov.sonla.tdkt.support.Jobs.settleInstance(engine.getManagementService(), batch.getId());

    assertThat(batch).isEnded().hasPassed("Task_IssueDecision");
    assertThat(pi).isEnded().hasPassed("Task_RecordBatchAward", "EndEvent_BatchAwarded");
    Dossier done = repository.find(d.code()).orElseThrow();
    assertThat(done.status()).isEqualTo(DossierStatus.AWARDED);
    var decision = decisions.forDossier(d.code()).orElseThrow();
    assertThat(decision.number()).matches("\\d+/QĐ-UBND").isEqualTo(decision.seq() + "/QĐ-UBND");
    assertThat(decision.signedBy()).isEqualTo("chairman");
    assertThat(new String(decisions.pdf(decision.id()), 0, 5)).isEqualTo("%PDF-");
    List<AwardRecord> awards = register.forDossier(d.code());
    assertThat(awards).singleElement().satisfies(a -> {
      assertThat(a.subjectName()).isEqualTo(d.subjectName());
      assertThat(a.awardType()).isEqualTo("BK_TINH");
      assertThat(a.awardYear()).isEqualTo(d.awardYear());
      assertThat(a.decisionNumber()).isEqualTo(decision.number());
      assertThat(a.source()).isEqualTo("PIPELINE");
    });
    // every status change is in the engine's history, in order
    List<String> statuses = history.createHistoricDetailQuery().processInstanceId(pi.getId()).variableUpdates()
        .orderPartiallyByOccurrence().asc().list().stream()
        .map(h -> (org.camunda.bpm.engine.history.HistoricVariableUpdate) h)
        .filter(u -> u.getVariableName().equals("status"))
        .map(u -> (String) u.getValue())
        .toList();
    assertThat(statuses).containsExactly("SUBMITTED", "IN_APPRAISAL", "AWAITING_COUNCIL", "PUBLIC_NOTICE",
        "AWAITING_DECISION", "AWARDED");
  }

  @Test
  void councilNotPassingClosesTheDossierNotAwarded() {
    Dossier d = submit("ANNUAL");
    ProcessInstance pi = instance(d);
    appraise(pi, valid());
    councilResolves(d, false);

    assertThat(pi).isEnded().hasPassed("Task_CouncilNotPassed", "EndEvent_NotPassed");
    Dossier done = repository.find(d.code()).orElseThrow();
    assertThat(done.status()).isEqualTo(DossierStatus.NOT_AWARDED);
    assertThat(done.statusReason()).contains("không thông qua");
    assertThat(register.forDossier(d.code())).isEmpty();
  }

  @Test
  void chairmanRefusingRecordsTheReasonAndNoAward() {
    Dossier d = submit("SUDDEN");
    ProcessInstance pi = instance(d);
    appraise(pi, valid());
    decide(pi, withVariables("decisionOutcome", "REFUSE", "refusalReason", "Thành tích chưa tiêu biểu."));

    assertThat(pi).isEnded().hasPassed("Task_RecordRefusal", "EndEvent_Refused").hasNotPassed("Task_IssueDecision");
    Dossier done = repository.find(d.code()).orElseThrow();
    assertThat(done.status()).isEqualTo(DossierStatus.NOT_AWARDED);
    assertThat(done.statusReason()).isEqualTo("Thành tích chưa tiêu biểu.");
    assertThat(decisions.forDossier(d.code())).isEmpty();
    assertThat(register.forDossier(d.code())).isEmpty();
    assertThat(notifications.forDossier(d.code())).extracting(Notification::recipient).contains("unit-sgddt");
  }

  @Test
  void suddenAchievementSkipsTheCouncil() {
    Dossier d = submit("SUDDEN");
    ProcessInstance pi = instance(d);
    assertThat(runtime.getVariable(pi.getId(), "procedure")).isEqualTo("SIMPLIFIED");
    appraise(pi, valid());

    assertThat(pi).isWaitingAt("Task_Decide");
    assertThat(pi).hasNotPassed("Event_AwaitCouncilResolution", "Sub_PublicNotice");
    decide(pi, withVariables("decisionOutcome", "APPROVE"));
    assertThat(pi).isEnded().hasPassed("EndEvent_Awarded");
    assertThat(status(d)).isEqualTo(DossierStatus.AWARDED);
  }

  @Test
  void supplementThenResubmittedGoesBackToTheSameAppraiserAndCanBeValid() {
    Dossier d = submit("ANNUAL");
    ProcessInstance pi = instance(d);
    appraise(pi, withVariables("appraisalOutcome", "SUPPLEMENT", "appraisalSummary", "Thiếu xác nhận.",
        "missingItems", "Báo cáo thành tích chưa có xác nhận của cấp trên."));

    assertThat(pi).isWaitingAt("Task_Supplement").task().hasCandidateGroup("unit-sgddt");
    assertThat(status(d)).isEqualTo(DossierStatus.AWAITING_SUPPLEMENT);

    dossiers.supplement(d.code(), "Đã bổ sung báo cáo có xác nhận.",
        List.of(TestDossiers.upload(DocumentType.ACHIEVEMENT_REPORT)), TestDossiers.OFFICER_SGDDT);

    assertThat(pi).isWaitingAt("Task_Appraise").task().isAssignedTo("appraiser");
    assertThat(status(d)).isEqualTo(DossierStatus.IN_APPRAISAL);
    assertThat(runtime.getVariable(pi.getId(), "appraisalOutcome")).isNull();
    assertThat(runtime.getVariable(pi.getId(), "supplementNote")).isEqualTo("Đã bổ sung báo cáo có xác nhận.");
    assertThat(repository.find(d.code()).orElseThrow()).isNotNull();
    assertThat(documentsVariableSize(pi)).isEqualTo(4);

    appraise(pi, valid());
    assertThat(pi).isWaitingAt("Event_AwaitCouncilResolution");
  }

  @SuppressWarnings("unchecked")
  private int documentsVariableSize(ProcessInstance pi) {
    Object docs = runtime.getVariable(pi.getId(), "documents");
    return ((org.camunda.spin.json.SpinJsonNode) docs).elements().size();
  }

  @Test
  void supplementCannotBeCompletedWithoutNewDocuments() {
    Dossier d = submit("ANNUAL");
    ProcessInstance pi = instance(d);
    appraise(pi, withVariables("appraisalOutcome", "SUPPLEMENT", "appraisalSummary", "Thiếu.",
        "missingItems", "Biên bản họp."));
    Task supplement = task("Task_Supplement", pi);

    assertThatThrownBy(() -> tasks.complete(supplement.getId(), withVariables("supplementNote", "Đã bổ sung")))
        .isInstanceOf(ProcessEngineException.class).hasMessageContaining("Chưa có tài liệu bổ sung");
    assertThat(pi).isWaitingAt("Task_Supplement");
  }

  @Test
  void supplementDeadlinePassingReturnsTheDossierAfterFiveWorkingDays() {
    // Monday 28 April 2025, 09:00: the deadline skips 30/4, 1/5, 2/5 (holidays) and the weekend
    ClockUtil.setCurrentTime(at(2025, 4, 28, 9, 0));
    Dossier d = submit("ANNUAL");
    ProcessInstance pi = instance(d);
    appraise(pi, withVariables("appraisalOutcome", "SUPPLEMENT", "appraisalSummary", "Thiếu.",
        "missingItems", "Biên bản họp Hội đồng đơn vị."));
    Task supplement = task("Task_Supplement", pi);
    Date expected = at(2025, 5, 8, 17, 0); // 29/4, 5/5, 6/5, 7/5, 8/5
    assertThat(supplement.getDueDate()).isEqualTo(expected);
    Job timer = management.createJobQuery().processInstanceId(pi.getId()).activityId("Timer_SupplementOverdue")
        .singleResult();
    assertThat(timer.getDuedate()).isEqualTo(expected);

    execute(timer);

    assertThat(pi).isEnded().hasPassed("Task_ReturnOverdue", "EndEvent_ReturnedOverdue");
    Dossier done = repository.find(d.code()).orElseThrow();
    assertThat(done.status()).isEqualTo(DossierStatus.RETURNED);
    assertThat(done.statusReason()).contains("Quá hạn bổ sung").contains("Biên bản họp Hội đồng đơn vị.");
    assertThat(notifications.forDossier(d.code()))
        .anySatisfy(n -> {
          assertThat(n.recipient()).isEqualTo("unit-sgddt");
          assertThat(n.message()).contains("bị trả lại");
        });
  }

  @Test
  void rejectedDossierIsReturnedWithTheReason() {
    Dossier d = submit("ANNUAL");
    ProcessInstance pi = instance(d);
    appraise(pi, withVariables("appraisalOutcome", "REJECTED", "appraisalSummary", "Không đủ tiêu chuẩn.",
        "rejectionReason", "Cá nhân đang trong thời gian bị xem xét kỷ luật."));

    assertThat(pi).isEnded().hasPassed("Task_ReturnRejected", "EndEvent_ReturnedRejected");
    Dossier done = repository.find(d.code()).orElseThrow();
    assertThat(done.status()).isEqualTo(DossierStatus.RETURNED);
    assertThat(done.statusReason()).isEqualTo("Cá nhân đang trong thời gian bị xem xét kỷ luật.");
  }

  @Test
  void returnedDossierFreesTheSubjectForANewProposal() {
    var request = TestDossiers.individual("ANNUAL");
    Dossier first = dossiers.create(request, TestDossiers.requiredUploads("ANNUAL"), false, TestDossiers.OFFICER_SGDDT);
    assertThatThrownBy(() -> dossiers.create(request, TestDossiers.requiredUploads("ANNUAL"), false,
        TestDossiers.OFFICER_SGDDT)).isInstanceOf(DuplicateDossierException.class);
    appraise(instance(first), withVariables("appraisalOutcome", "REJECTED", "appraisalSummary", "Không đạt.",
        "rejectionReason", "Thiếu minh chứng."));

    Dossier second = dossiers.create(request, TestDossiers.requiredUploads("ANNUAL"), false, TestDossiers.OFFICER_SGDDT);
    assertThat(second.code()).isNotEqualTo(first.code());
  }

  @Test
  void appraisalReminderAndEscalationFireAtWorkingDayTimes() {
    // Thursday 24 April 2025, 10:00. Ten working days: 25/4, Saturday 26/4 (a make-up working day),
    // 28/4, 29/4, then 30/4-2/5 are holidays and 3-4/5 the weekend, 5/5 .. 9/5, 12/5.
    ClockUtil.setCurrentTime(at(2025, 4, 24, 10, 0));
    Dossier d = submit("ANNUAL");
    ProcessInstance pi = instance(d);
    tasks.claim(task("Task_Appraise", pi).getId(), "appraiser");

    Date due = at(2025, 5, 12, 17, 0);
    Date reminder = at(2025, 5, 8, 17, 0); // two working days before: 9/5, 8/5
    assertThat(task("Task_Appraise", pi).getDueDate()).isEqualTo(due);
    Job reminderJob = management.createJobQuery().processInstanceId(pi.getId())
        .activityId("Timer_AppraisalReminder").singleResult();
    Job overdueJob = management.createJobQuery().processInstanceId(pi.getId())
        .activityId("Timer_AppraisalOverdue").singleResult();
    assertThat(reminderJob.getDuedate()).isEqualTo(reminder);
    assertThat(overdueJob.getDuedate()).isEqualTo(due);

    ClockUtil.setCurrentTime(reminder);
    execute(reminderJob);
    assertThat(pi).hasPassed("Task_RemindAppraiser", "EndEvent_Reminded").isWaitingAt("Task_Appraise");
    assertThat(notifications.forDossier(d.code())).anySatisfy(n -> {
      assertThat(n.recipient()).isEqualTo("appraiser");
      assertThat(n.kind()).isEqualTo("APPRAISAL_REMINDER");
      assertThat(n.message()).contains("17:00 ngày 12/05/2025");
    });
    assertThat(task("Task_Appraise", pi).getPriority()).isEqualTo(70);

    ClockUtil.setCurrentTime(due);
    execute(job("Timer_AppraisalOverdue", pi));
    assertThat(pi).hasPassed("Task_EscalateAppraisal", "EndEvent_Escalated").isWaitingAt("Task_Appraise");
    Task escalated = task("Task_Appraise", pi);
    assertThat(escalated.getAssignee()).isEqualTo("appraiser.lead");
    assertThat(escalated.getPriority()).isEqualTo(90);
    assertThat(notifications.forDossier(d.code())).extracting(Notification::recipient)
        .contains("appraiser.lead", "appraiser");
  }

  @Test
  void appraisalNeedsTheExplanationItsOutcomeCallsFor() {
    Dossier d = submit("ANNUAL");
    ProcessInstance pi = instance(d);
    Task appraisal = task("Task_Appraise", pi);
    assertThatThrownBy(() -> tasks.complete(appraisal.getId(), withVariables("appraisalOutcome", "SUPPLEMENT",
        "appraisalSummary", "Thiếu.")))
        .hasMessageContaining("cần bổ sung");
    assertThatThrownBy(() -> tasks.complete(appraisal.getId(), withVariables("appraisalOutcome", "MAYBE",
        "appraisalSummary", "?")))
        .hasMessageContaining("Chưa chọn kết quả thẩm định");
    assertThat(pi).isWaitingAt("Task_Appraise");
  }

  @Test
  void theProcessCannotBeStartedWithoutADossier() {
    assertThatThrownBy(() -> runtime.startProcessInstanceByKey("commendation-dossier", "2025-sgddt-9999",
        withVariables("unitGroup", "unit-sgddt", "awardKind", "ANNUAL")))
        .hasMessageContaining("Không có hồ sơ 2025-sgddt-9999");
    assertThat(runtime.createProcessInstanceQuery().processInstanceBusinessKey("2025-sgddt-9999").count()).isZero();
  }

  private static Date at(int year, int month, int day, int hour, int minute) {
    return Date.from(ZonedDateTime.of(year, month, day, hour, minute, 0, 0, VN).toInstant());
  }
}

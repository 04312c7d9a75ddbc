package vn.gov.sonla.tdkt.dossier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.init;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.reset;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.doAnswer;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import vn.gov.sonla.tdkt.audit.AuditLog;
import vn.gov.sonla.tdkt.award.AwardConsultation;
import vn.gov.sonla.tdkt.calendar.Deadlines;
import vn.gov.sonla.tdkt.notice.ObjectionRepository;
import vn.gov.sonla.tdkt.notice.ObjectionReview;
import vn.gov.sonla.tdkt.support.EngineAlone;

/**
 * The consultation before the council in commendation-dossier.bpmn (issue 16, item 6), engine alone with mocked
 * beans: a dossier for an order or State honour (HCLD_3, or an award the catalogue marks so, decided by the DMN
 * council-consultation) waits for the council only after its consultation ended without an upheld objection; an
 * upheld objection closes it not awarded; other awards go straight to the council.
 */
class ConsultationProcessTest {

  @RegisterExtension
  static ProcessEngineExtension extension = EngineAlone.extension("consultation");

  static final Date CONSULTATION_END = Date.from(ZonedDateTime.parse("2026-12-21T17:00:00+07:00").toInstant());

  ProcessEngine engine;
  RuntimeService runtime;
  TaskService tasks;

  final DossierRepository dossiers = mock(DossierRepository.class);
  final AwardConsultation awardConsultation = mock(AwardConsultation.class);
  final Deadlines deadlines = mock(Deadlines.class);
  final ObjectionRepository objections = mock(ObjectionRepository.class);
  final JavaDelegate recordNotAwarded = mock(JavaDelegate.class);
  final JavaDelegate notifyConsultationEnded = mock(JavaDelegate.class);
  final List<String> notAwardedReasons = new ArrayList<>();

  @BeforeEach
  void setUp() throws Exception {
    engine = extension.getProcessEngine();
    runtime = engine.getRuntimeService();
    tasks = engine.getTaskService();
    init(engine);
    when(deadlines.consultationEnd()).thenReturn(CONSULTATION_END);
    when(dossiers.updateStatus(anyString(), any(), any(), any())).thenReturn(1);
    when(awardConsultation.marked(anyString())).thenReturn(false);
    doAnswer(call -> {
      notAwardedReasons.add((String) call.<DelegateExecution>getArgument(0).getVariable("reason"));
      return null;
    }).when(recordNotAwarded).execute(any());
    Mocks.register("dossierStatus", new DossierStatusListener(dossiers, mock(AuditLog.class),
        new vn.gov.sonla.tdkt.engine.EngineClock(java.time.ZoneId.of("Asia/Ho_Chi_Minh"))));
    Mocks.register("awardConsultation", awardConsultation);
    Mocks.register("deadlines", deadlines);
    Mocks.register("objectionReview", new ObjectionReview(objections, mock(AuditLog.class),
        new vn.gov.sonla.tdkt.engine.EngineClock(java.time.ZoneId.of("Asia/Ho_Chi_Minh"))));
    Mocks.register("recordNotAwarded", recordNotAwarded);
    Mocks.register("notifyConsultationEnded", notifyConsultationEnded);
  }

  @AfterEach
  void tearDown() {
    Mocks.reset();
    reset();
  }

  /** A dossier the appraiser found valid, on the normal procedure, as it reaches Gateway_Procedure. */
  private ProcessInstance appraisedValid(String code, String awardType) {
    return runtime.createProcessInstanceByKey("commendation-dossier").businessKey(code)
        .setVariable("procedure", "NORMAL")
        .setVariable("awardType", awardType)
        .setVariable("unitGroup", "unit-sgddt")
        .startBeforeActivity("Gateway_Procedure")
        .execute();
  }

  private void objectionFiled(String code, String objectionId) {
    runtime.createMessageCorrelation("ObjectionFiled").processInstanceBusinessKey(code)
        .setVariableLocal("objectionId", objectionId)
        .setVariableLocal("objectionContent", "Thành tích kê khai chưa đúng.")
        .correlateWithResult();
  }

  private void verifyObjection(ProcessInstance pi, String outcome, String finding) {
    var verification = task("Task_VerifyConsultationObjection", pi);
    assertThat(verification).hasCandidateGroup("home-affairs");
    tasks.claim(verification.getId(), "appraiser");
    tasks.complete(verification.getId(), Map.of("objectionOutcome", outcome, "objectionFinding", finding));
  }

  @Test
  @Deployment(resources = {"processes/commendation-dossier.bpmn", "processes/council-consultation.dmn"})
  void aLabourOrderIsConsultedAndReachesTheCouncilWhenNoObjectionCame() throws Exception {
    ProcessInstance pi = appraisedValid("2026-sgddt-0001", "HCLD_3");

    assertThat(pi).isWaitingAt("Timer_ConsultationPeriod");
    assertThat(pi).hasPassed("Task_ConsultationRequired").hasNotPassed("Event_AwaitCouncilResolution");
    assertThat(job("Timer_ConsultationPeriod", pi).getDuedate()).isEqualTo(CONSULTATION_END);
    // the dossier waits for the council (status AWAITING_COUNCIL), but the agenda holds it back while consulted
    verify(dossiers).updateStatus(eq("2026-sgddt-0001"), eq(DossierStatus.AWAITING_COUNCIL), any(), any());
    assertThat(runtime.getVariable(pi.getId(), "status")).isEqualTo("AWAITING_COUNCIL");
    verify(notifyConsultationEnded, never()).execute(any());

    execute(job("Timer_ConsultationPeriod", pi));

    assertThat(pi).isWaitingAt("Event_AwaitCouncilResolution")
        .hasPassed("EndEvent_ConsultationPeriod", "Task_NotifyConsultationEnded");
    verify(notifyConsultationEnded).execute(any());
    verify(recordNotAwarded, never()).execute(any());
  }

  @Test
  @Deployment(resources = {"processes/commendation-dossier.bpmn", "processes/council-consultation.dmn"})
  void anUpheldObjectionDuringTheConsultationClosesTheDossierNotAwarded() throws Exception {
    ProcessInstance pi = appraisedValid("2026-sgddt-0002", "HCLD_3");
    objectionFiled("2026-sgddt-0002", "objection-1");

    assertThat(pi).isWaitingAt("Timer_ConsultationPeriod", "Task_VerifyConsultationObjection");
    verifyObjection(pi, "UPHELD", "Đơn vị kê khai sai số năm hoàn thành xuất sắc nhiệm vụ.");

    assertThat(pi).isEnded().hasPassed("EndEvent_ConsultationObjectionUpheld", "Task_ConsultationNotAwarded",
        "EndEvent_ConsultationNotAwarded").hasNotPassed("Event_AwaitCouncilResolution", "Task_NotifyConsultationEnded");
    assertThat(notAwardedReasons).singleElement().asString()
        .contains("trong thời gian lấy ý kiến trước khi Hội đồng xét")
        .endsWith("Đơn vị kê khai sai số năm hoàn thành xuất sắc nhiệm vụ.");
    verify(objections).review(eq("objection-1"), eq(true), eq("Đơn vị kê khai sai số năm hoàn thành xuất sắc nhiệm vụ."),
        eq("appraiser"), any());
    verify(notifyConsultationEnded, never()).execute(any());
  }

  @Test
  @Deployment(resources = {"processes/commendation-dossier.bpmn", "processes/council-consultation.dmn"})
  void aDismissedObjectionLeavesTheConsultationToRunItsCourseThenTheCouncil() throws Exception {
    ProcessInstance pi = appraisedValid("2026-sgddt-0003", "HCLD_3");
    objectionFiled("2026-sgddt-0003", "objection-2");
    verifyObjection(pi, "DISMISSED", "Thành tích đã được cơ quan chủ quản xác nhận.");

    assertThat(pi).isWaitingAt("Timer_ConsultationPeriod").hasPassed("EndEvent_ConsultationObjectionDismissed");
    execute(job("Timer_ConsultationPeriod", pi));

    assertThat(pi).isWaitingAt("Event_AwaitCouncilResolution").hasNotPassed("Task_ConsultationNotAwarded");
    verify(recordNotAwarded, never()).execute(any());
  }

  @Test
  @Deployment(resources = {"processes/commendation-dossier.bpmn", "processes/council-consultation.dmn"})
  void anObjectionStillBeingVerifiedWhenThePeriodEndsHoldsTheDossierBackUntilItIsDismissed() throws Exception {
    ProcessInstance pi = appraisedValid("2026-sgddt-0004", "HCLD_3");
    objectionFiled("2026-sgddt-0004", "objection-3");
    execute(job("Timer_ConsultationPeriod", pi));

    // the period is over but the consultation is not: the council cannot consider the dossier yet
    assertThat(pi).isWaitingAt("Task_VerifyConsultationObjection").hasNotPassed("Event_AwaitCouncilResolution");
    verify(notifyConsultationEnded, never()).execute(any());

    verifyObjection(pi, "DISMISSED", "Không có căn cứ.");
    assertThat(pi).isWaitingAt("Event_AwaitCouncilResolution");
    verify(notifyConsultationEnded).execute(any());
  }

  @Test
  @Deployment(resources = {"processes/commendation-dossier.bpmn", "processes/council-consultation.dmn"})
  void anAwardTheCatalogueMarksIsConsultedToo() {
    when(awardConsultation.marked("CSTD_TQ")).thenReturn(true);
    ProcessInstance pi = appraisedValid("2026-sgddt-0005", "CSTD_TQ");

    assertThat(pi).isWaitingAt("Timer_ConsultationPeriod");
    verify(awardConsultation).marked("CSTD_TQ");
  }

  @Test
  @Deployment(resources = {"processes/commendation-dossier.bpmn", "processes/council-consultation.dmn"})
  void aProvincialAwardSkipsTheConsultation() throws Exception {
    ProcessInstance pi = appraisedValid("2026-sgddt-0006", "BK_TINH");

    assertThat(pi).isWaitingAt("Event_AwaitCouncilResolution").hasPassed("Task_ConsultationRequired")
        .hasNotPassed("Sub_Consultation", "Task_NotifyConsultationEnded");
    assertThat(runtime.getVariable(pi.getId(), "consultationRequired")).isEqualTo(false);
    verify(notifyConsultationEnded, never()).execute(any());
  }
}

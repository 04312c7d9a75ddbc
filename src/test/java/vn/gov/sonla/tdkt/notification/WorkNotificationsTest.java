package vn.gov.sonla.tdkt.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.jdbc.core.simple.JdbcClient;
import vn.gov.sonla.tdkt.award.DocumentType;
import vn.gov.sonla.tdkt.dossier.Dossier;
import vn.gov.sonla.tdkt.dossier.DossierService;
import vn.gov.sonla.tdkt.notice.ObjectionRequest;
import vn.gov.sonla.tdkt.notice.PublicNoticeService;
import vn.gov.sonla.tdkt.support.AppTest;
import vn.gov.sonla.tdkt.support.TestDossiers;

/**
 * Issue 17, notifications that follow the work: every new task tells its assignee or candidate group once, with
 * the dossier's code and subject; reminders only for what is not yet overdue; a burst to one recipient becomes
 * one digest. (Same configuration as the other web tests: shares their context; data isolated by dossier code,
 * session key and recipient.)
 */
@AppTest
class WorkNotificationsTest {

  @Autowired Clock clock;
  @Autowired DossierService dossiers;
  @Autowired RuntimeService runtime;
  @Autowired TaskService tasks;
  @Autowired ManagementService management;
  @Autowired IdentityService identity;
  @Autowired PublicNoticeService notices;
  @Autowired Notifications notifications;
  @Autowired NotificationMailer mailer;
  @Autowired JdbcClient jdbc;
  @Autowired @Qualifier("remindPlanTask") JavaDelegate remindPlanTask;

  @AfterEach
  void reset() {
    ClockUtil.reset();
    identity.clearAuthentication();
  }

  private ProcessInstance instance(Dossier d) {
    return runtime.createProcessInstanceQuery().processInstanceBusinessKey(d.code()).singleResult();
  }

  private Task task(ProcessInstance pi, String key) {
    return tasks.createTaskQuery().processInstanceId(pi.getId()).taskDefinitionKey(key).singleResult();
  }

  private List<Notification> of(Dossier d, String kind) {
    return notifications.forDossier(d.code()).stream().filter(n -> n.kind().equals(kind)).toList();
  }

  @Test
  void eachNewTaskOfADossierNotifiesItsPeopleOnceWithTheDossiersCodeAndSubject() {
    Dossier d = dossiers.create(TestDossiers.individual("ANNUAL"), TestDossiers.requiredUploads("ANNUAL"), false,
        TestDossiers.OFFICER_SGDDT);
    ProcessInstance pi = instance(d);

    // a new dossier: home-affairs, once, with code, subject, award and unit
    assertThat(of(d, "NEW_DOSSIER")).singleElement().satisfies(n -> {
      assertThat(n.recipient()).isEqualTo("home-affairs");
      assertThat(n.message()).contains(d.code(), d.subjectName(), "Sở Giáo dục và Đào tạo", "Hạn: 17:00 ngày");
    });

    // supplement asked: the unit hears it once (its own message, not a second generic one)
    Task appraisal = task(pi, "Task_Appraise");
    tasks.claim(appraisal.getId(), "appraiser");
    tasks.complete(appraisal.getId(), withVariables("appraisalOutcome", "SUPPLEMENT", "appraisalSummary",
        "Thiếu biên bản.", "missingItems", "Biên bản họp Hội đồng đơn vị."));
    assertThat(notifications.forDossier(d.code()).stream().filter(n -> n.recipient().equals("unit-sgddt")))
        .singleElement().satisfies(n -> assertThat(n.kind()).isEqualTo("SUPPLEMENT_REQUESTED"));

    // supplement received: the appraiser who asked for it (the task comes back to them)
    dossiers.supplement(d.code(), "Đã bổ sung biên bản.", List.of(TestDossiers.upload(DocumentType.REVIEW_MINUTES)),
        TestDossiers.OFFICER_SGDDT);
    assertThat(of(d, "SUPPLEMENT_RECEIVED")).singleElement().satisfies(n -> {
      assertThat(n.recipient()).isEqualTo("appraiser");
      assertThat(n.message()).contains(d.code(), d.subjectName());
    });
    assertThat(of(d, "NEW_DOSSIER")).hasSize(1);

    // valid, council passed, public notice: an objection tells home-affairs
    tasks.complete(task(pi, "Task_Appraise").getId(), withVariables("appraisalOutcome", "VALID", "appraisalSummary",
        "Hợp lệ.", "eligibilityOverrideReason", "Thành tích đã được xác nhận; sổ khen thưởng chưa cập nhật."));
    runtime.createMessageCorrelation("CouncilResolution").processInstanceBusinessKey(d.code())
        .setVariable("councilPassed", true).correlate();
    notices.file(new ObjectionRequest(d.code(), "Nguyễn Văn Dân", "0912345678", "Thành tích chưa đúng thực tế."),
        "127.0.0.1");
    assertThat(of(d, "OBJECTION_FILED")).singleElement().satisfies(n -> {
      assertThat(n.recipient()).isEqualTo("home-affairs");
      assertThat(n.message()).contains(d.code(), d.subjectName());
    });

    // the objection dismissed and the notice over: the Chairman hears that a decision waits
    Task review = task(pi, "Task_VerifyObjection");
    tasks.claim(review.getId(), "appraiser");
    identity.setAuthentication("appraiser", List.of("home-affairs"));
    tasks.complete(review.getId(), withVariables("objectionOutcome", "DISMISSED", "objectionFinding",
        "Đã xác minh: thành tích đúng thực tế."));
    identity.clearAuthentication();
    management.executeJob(management.createJobQuery().processInstanceId(pi.getId()).activityId("Timer_NoticePeriod")
        .singleResult().getId());
    // the normal procedure's dossier waits for its round's batch; the Chairman hears when the batch waits for him
    assertThat(runtime.createProcessInstanceQuery().processInstanceId(pi.getId())
        .activityIdIn("Event_AwaitDecisionBatch").count()).isOne();
    String batchKey = "2094-R" + (1 + new java.util.Random().nextInt(99)) + "-" + d.awardType();
    runtime.startProcessInstanceByKey("decision-batch", batchKey, java.util.Map.of("openedBy", "appraiser"));
    assertThat(notifications.forRecipients(List.of("chairman"), 50)).filteredOn(n -> n.message().contains(batchKey))
        .singleElement().satisfies(n -> {
          assertThat(n.kind()).isEqualTo("DECISION_WAITING");
          assertThat(n.message()).contains("chờ quyết định khen thưởng");
        });
    // nothing was told twice
    assertThat(notifications.forDossier(d.code())).extracting(n -> n.kind() + "/" + n.recipient())
        .doesNotHaveDuplicates();
  }

  @Test
  void anOpenedBallotNotifiesEachCouncilMember() {
    // a dossier waiting for the council, then a session of this year with a round no other test uses
    Dossier d = dossiers.create(TestDossiers.individual("ANNUAL"), TestDossiers.requiredUploads("ANNUAL"), false,
        TestDossiers.OFFICER_SGDDT);
    Task appraisal = task(instance(d), "Task_Appraise");
    tasks.claim(appraisal.getId(), "appraiser");
    tasks.complete(appraisal.getId(), withVariables("appraisalOutcome", "VALID", "appraisalSummary", "Hợp lệ.",
        "eligibilityOverrideReason", "Thành tích đã được xác nhận; sổ khen thưởng chưa cập nhật."));
    int year = LocalDate.now().getYear();
    int round = ThreadLocalRandom.current().nextInt(500, 999);
    String key = year + "-R" + round;
    ProcessInstance session = runtime.startProcessInstanceByKey("council-session", key,
        Map.of("year", year, "round", round));
    List<Task> ballots = tasks.createTaskQuery().processInstanceId(session.getId()).taskDefinitionKey("Task_Ballot")
        .list();
    assertThat(ballots).isNotEmpty();
    for (Task ballot : ballots) {
      List<Notification> told = notifications.forRecipients(List.of(ballot.getAssignee()), 100).stream()
          .filter(n -> n.kind().equals("BALLOT_OPENED") && n.message().contains(key)).toList();
      assertThat(told).as(ballot.getAssignee()).singleElement()
          .satisfies(n -> assertThat(n.message()).contains("phiếu biểu quyết", "Hạn:"));
    }
    assertThat(notifications.forRecipients(List.of("council"), 100)).noneMatch(n -> n.message().contains(key));
  }

  @Test
  void aPlanReminderIsSentOnlyForAnItemNotYetOverdue() throws Exception {
    String group = "unit-reminder-" + UUID.randomUUID().toString().substring(0, 8);
    remindPlanTask.execute(planItem(group, new Date(System.currentTimeMillis() - Duration.ofDays(30).toMillis())));
    assertThat(notifications.forRecipients(List.of(group), 10)).isEmpty();

    remindPlanTask.execute(planItem(group, new Date(System.currentTimeMillis() + Duration.ofDays(3).toMillis())));
    assertThat(notifications.forRecipients(List.of(group), 10)).singleElement()
        .satisfies(n -> assertThat(n.kind()).isEqualTo("PLAN_REMINDER"));
  }

  @Test
  void anAppraisalReminderIsNotSentOnceTheAppraisalIsOverdue() {
    Dossier d = dossiers.create(TestDossiers.individual("ANNUAL"), TestDossiers.requiredUploads("ANNUAL"), false,
        TestDossiers.OFFICER_SGDDT);
    ProcessInstance pi = instance(d);
    ClockUtil.setCurrentTime(new Date(task(pi, "Task_Appraise").getDueDate().getTime() + 60_000));
    management.executeJob(management.createJobQuery().processInstanceId(pi.getId())
        .activityId("Timer_AppraisalReminder").singleResult().getId());
    assertThat(of(d, "APPRAISAL_REMINDER")).isEmpty();
  }

  private static DelegateExecution planItem(String group, Date due) {
    DelegateExecution execution = mock(DelegateExecution.class);
    when(execution.getProcessBusinessKey()).thenReturn("2099-I.1");
    when(execution.getVariable("planDue")).thenReturn(due);
    when(execution.getVariable("planContent")).thenReturn("Báo cáo sơ kết phong trào thi đua.");
    when(execution.getVariable("leadGroups")).thenReturn(List.of(group));
    return execution;
  }

  @Test
  void aBurstToOneRecipientBecomesOneDigest() {
    Notifications withBursts = new Notifications(jdbc, mailer, new NotificationProperties(3, Duration.ofMinutes(10)),
        clock);
    String recipient = "unit-burst-" + UUID.randomUUID().toString().substring(0, 8);
    String reader = "reader-" + recipient;
    List<String> recipients = List.of(recipient);
    for (int i = 0; i < 3; i++) {
      withBursts.send(recipient, null, "PLAN_REMINDER", "Nhắc " + i);
    }
    assertThat(withBursts.forReader(reader, recipients, 100)).hasSize(3);

    for (int i = 3; i < 41; i++) {
      withBursts.send(recipient, null, i % 2 == 0 ? "PLAN_REMINDER" : "PLAN_OVERDUE", "Việc " + i);
    }
    List<NotificationView> seen = withBursts.forReader(reader, recipients, 100);
    assertThat(seen).singleElement().satisfies(n -> {
      assertThat(n.kind()).isEqualTo("DIGEST");
      assertThat(n.kindLabel()).isEqualTo("Tổng hợp thông báo");
      assertThat(n.message()).contains("Có 41 thông báo", "22 «Sắp đến hạn nhiệm vụ kế hoạch»",
          "19 «Nhiệm vụ kế hoạch quá hạn»");
    });
    assertThat(withBursts.unread(reader, recipients)).isEqualTo(1);
    // every notification is kept (a dossier's trail lists its own)
    assertThat(jdbc.sql("SELECT COUNT(*) FROM notification WHERE recipient = :r").param("r", recipient)
        .query(Long.class).single()).isEqualTo(42);

    // read, then one more of the burst: the digest is unread again, still one
    withBursts.markAllRead(reader, recipients);
    withBursts.send(recipient, null, "PLAN_REMINDER", "Thêm một");
    assertThat(withBursts.forReader(reader, recipients, 100)).singleElement()
        .satisfies(n -> assertThat(n.message()).contains("Có 42 thông báo"));
    assertThat(withBursts.unread(reader, recipients)).isEqualTo(1);

    // after the window, notifications arrive one by one again
    ClockUtil.setCurrentTime(new Date(System.currentTimeMillis() + Duration.ofMinutes(11).toMillis()));
    withBursts.send(recipient, null, "PLAN_REMINDER", "Sau đợt");
    assertThat(withBursts.forReader(reader, recipients, 100)).hasSize(2)
        .anySatisfy(n -> assertThat(n.message()).isEqualTo("Sau đợt"));
  }
}

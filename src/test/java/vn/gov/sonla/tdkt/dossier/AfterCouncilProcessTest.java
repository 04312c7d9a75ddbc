package vn.gov.sonla.tdkt.dossier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.init;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;

import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import vn.gov.sonla.tdkt.award.AwardRegister;
import vn.gov.sonla.tdkt.award.DocumentType;
import vn.gov.sonla.tdkt.decision.StateSubmissionRepository;
import vn.gov.sonla.tdkt.kernel.DossierNotFoundException;
import vn.gov.sonla.tdkt.kernel.DossierStateException;
import vn.gov.sonla.tdkt.notice.ObjectionRepository;
import vn.gov.sonla.tdkt.notice.ObjectionRequest;
import vn.gov.sonla.tdkt.notice.PublicNoticeService;
import vn.gov.sonla.tdkt.support.AppTest;
import vn.gov.sonla.tdkt.support.TestDossiers;

/**
 * The paths of commendation-dossier after the council (public notice, objections, routing by
 * approval-authority.dmn, State submission and central decision, withdrawal at each wait state) and
 * every path of state-submission.bpmn.
 */
@AppTest
class AfterCouncilProcessTest {

  private static final ZoneId VN = ZoneId.of("Asia/Ho_Chi_Minh");

  @Autowired ProcessEngine engine;
  @Autowired RuntimeService runtime;
  @Autowired TaskService tasks;
  @Autowired ManagementService management;
  @Autowired IdentityService identity;
  @Autowired DossierService dossiers;
  @Autowired DossierRepository repository;
  @Autowired AwardRegister register;
  @Autowired PublicNoticeService notices;
  @Autowired ObjectionRepository objections;
  @Autowired StateSubmissionRepository submissions;
  @Autowired vn.gov.sonla.tdkt.audit.AuditLog auditLog;

  @BeforeEach
  void setUp() {
    init(engine);
  }

  @AfterEach
  void reset() {
    ClockUtil.reset();
    identity.clearAuthentication();
  }

  private Dossier submit(String awardType, String kind) {
    DossierRequest base = TestDossiers.individual(kind);
    DossierRequest request = new DossierRequest(null, awardType, kind, base.year(), base.subjectKind(),
        base.subjectName(), base.birthDate(), base.position(), base.workUnit(), base.achievements()).withRole("DIRECT_WORKER");
    List<vn.gov.sonla.tdkt.dossier.Upload> uploads = new ArrayList<>(TestDossiers.requiredUploads(kind));
    if (awardType.startsWith("CSTD") && !"SUDDEN".equals(kind)) {
      uploads.add(TestDossiers.upload(DocumentType.INITIATIVE_PROOF));
    }
    return dossiers.create(request, uploads, false, TestDossiers.OFFICER_SGDDT);
  }

  private ProcessInstance instance(Dossier d) {
    return runtime.createProcessInstanceQuery().processInstanceBusinessKey(d.code()).singleResult();
  }

  private DossierStatus status(Dossier d) {
    return repository.find(d.code()).orElseThrow().status();
  }

  private void appraiseValid(ProcessInstance pi) {
    tasks.complete(task("Task_Appraise", pi).getId(),
        withVariables("appraisalOutcome", "VALID", "appraisalSummary", "Hợp lệ.", "eligibilityOverrideReason", "Thành tích đã được xác nhận; sổ khen thưởng chưa cập nhật."));
  }

  /** Submitted, appraised valid and passed by the council: under public notice. */
  private ProcessInstance inPublicNotice(Dossier d) {
    ProcessInstance pi = instance(d);
    appraiseValid(pi);
    runtime.createMessageCorrelation("CouncilResolution").processInstanceBusinessKey(d.code())
        .setVariable("councilPassed", true).correlate();
    assertThat(pi).isWaitingAt("Timer_NoticePeriod");
    return pi;
  }

  private String object(Dossier d, String content) {
    return notices.file(new ObjectionRequest(d.code(), "Nguyễn Văn Dân", "0912345678", content), "127.0.0.1").id();
  }

  private void reviewObjection(ProcessInstance pi, String outcome, String finding) {
    Task review = task("Task_VerifyObjection", pi);
    tasks.claim(review.getId(), "appraiser");
    identity.setAuthentication("appraiser", List.of("home-affairs"));
    tasks.complete(review.getId(), withVariables("objectionOutcome", outcome, "objectionFinding", finding));
    identity.clearAuthentication();
  }

  // --- public notice and objections -----------------------------------------------------------

  @Test
  void theNoticeLastsFiveWorkingDaysAndListsOnlyPublicFields() {
    ClockUtil.setCurrentTime(at(2025, 4, 28, 9, 0));
    Dossier d = submit("BK_TINH", "ANNUAL");
    ProcessInstance pi = inPublicNotice(d);
    assertThat(status(d)).isEqualTo(DossierStatus.PUBLIC_NOTICE);
    Job timer = job("Timer_NoticePeriod", pi);
    assertThat(timer.getDuedate()).isEqualTo(at(2025, 5, 8, 17, 0)); // 29/4, 5/5, 6/5, 7/5, 8/5
    assertThat(notices.current()).anySatisfy(n -> {
      assertThat(n.code()).isEqualTo(d.code());
      assertThat(n.subjectName()).isEqualTo(d.subjectName());
      assertThat(n.unitName()).isEqualTo("Sở Giáo dục và Đào tạo");
      assertThat(n.noticeEndsAt()).isEqualTo(timer.getDuedate());
    });
    execute(timer);
    // the normal procedure's dossier waits for the decision of its round's batch
    assertThat(pi).isWaitingAt("Event_AwaitDecisionBatch");
    assertThat(notices.current()).noneMatch(n -> n.code().equals(d.code()));
  }

  @Test
  void anUpheldObjectionEndsTheDossierNotAwarded() {
    Dossier d = submit("BK_TINH", "ANNUAL");
    ProcessInstance pi = inPublicNotice(d);
    String id = object(d, "Cá nhân này đang bị xem xét kỷ luật.");
    assertThat(pi).isWaitingAt("Task_VerifyObjection", "Timer_NoticePeriod");
    assertThat(runtime.getVariable(task("Task_VerifyObjection", pi).getExecutionId(), "objectionContent"))
        .isEqualTo("Cá nhân này đang bị xem xét kỷ luật.");
    reviewObjection(pi, "UPHELD", "Đúng: đang xem xét kỷ luật theo Quyết định 12/QĐ-SGDĐT.");

    assertThat(pi).isEnded().hasPassed("EndEvent_ObjectionUpheld", "Task_ObjectionNotAwarded", "EndEvent_ObjectionUpheld2")
        .hasNotPassed("Task_Decide");
    Dossier done = repository.find(d.code()).orElseThrow();
    assertThat(done.status()).isEqualTo(DossierStatus.NOT_AWARDED);
    assertThat(done.statusReason()).contains("đang xem xét kỷ luật theo Quyết định 12/QĐ-SGDĐT");
    assertThat(objections.find(id).orElseThrow().status()).isEqualTo("UPHELD");
    assertThat(objections.find(id).orElseThrow().reviewedBy()).isEqualTo("appraiser");
  }

  @Test
  void aDismissedObjectionLetsTheNoticeGoOn() {
    Dossier d = submit("BK_TINH", "ANNUAL");
    ProcessInstance pi = inPublicNotice(d);
    String id = object(d, "Thành tích chưa đúng.");
    reviewObjection(pi, "DISMISSED", "Không có cơ sở: thành tích đã được xác nhận.");

    assertThat(pi).hasPassed("EndEvent_ObjectionDismissed").isWaitingAt("Timer_NoticePeriod");
    assertThat(status(d)).isEqualTo(DossierStatus.PUBLIC_NOTICE);
    assertThat(objections.find(id).orElseThrow().status()).isEqualTo("DISMISSED");
    execute(job("Timer_NoticePeriod", pi));
    assertThat(pi).isWaitingAt("Event_AwaitDecisionBatch");
  }

  @Test
  void aPendingObjectionHoldsTheDecisionUntilItIsVerified() {
    Dossier d = submit("BK_TINH", "ANNUAL");
    ProcessInstance pi = inPublicNotice(d);
    object(d, "Phản ánh thứ nhất.");
    execute(job("Timer_NoticePeriod", pi));

    // the notice period is over, but the objection is not verified: no decision yet
    assertThat(pi).isWaitingAt("Task_VerifyObjection").isNotWaitingAt("Event_AwaitDecisionBatch");
    assertThat(status(d)).isEqualTo(DossierStatus.PUBLIC_NOTICE);
    reviewObjection(pi, "DISMISSED", "Không có cơ sở.");
    assertThat(pi).isWaitingAt("Event_AwaitDecisionBatch");
    assertThat(status(d)).isEqualTo(DossierStatus.AWAITING_DECISION);
  }

  // --- routing and the State route ----------------------------------------------------------

  @Test
  void provincialAwardsGoToTheChairmanAndStateAwardsToTheSubmission() {
    Dossier provincial = submit("BK_TINH", "SUDDEN");
    appraiseValid(instance(provincial));
    assertThat(runtime.getVariable(instance(provincial).getId(), "authority")).isEqualTo("PROVINCIAL");
    assertThat(instance(provincial)).isWaitingAt("Task_Decide");

    Dossier state = submit("BK_TTG", "SUDDEN");
    appraiseValid(instance(state));
    assertThat(runtime.getVariable(instance(state).getId(), "authority")).isEqualTo("STATE");
    assertThat(instance(state)).isWaitingAt("Event_AwaitStateSubmission");
    assertThat(status(state)).isEqualTo(DossierStatus.AWAITING_DECISION);
  }

  private ProcessInstance openSubmission(String key) {
    return runtime.startProcessInstanceByKey("state-submission", key);
  }

  private void prepare(ProcessInstance submission, String summary) {
    Task prepare = task("Task_PrepareSubmission", submission);
    identity.setAuthentication("appraiser", List.of("home-affairs"));
    tasks.complete(prepare.getId(), withVariables("submissionSummary", summary));
    identity.clearAuthentication();
  }

  private void sign(ProcessInstance submission, Map<String, Object> outcome) {
    Task sign = task("Task_SignSubmission", submission);
    identity.setAuthentication("chairman", List.of("chairman"));
    tasks.complete(sign.getId(), outcome);
    identity.clearAuthentication();
    // the signed submission is numbered and sent by a job after the click (issue 19)
    vn.gov.sonla.tdkt.support.Jobs.settleInstance(management, submission.getId());
  }

  private void centralDecision(Dossier d, boolean awarded) {
    runtime.createMessageCorrelation("CentralDecision").processInstanceBusinessKey(d.code())
        .setVariable("centralAwarded", awarded)
        .setVariable("centralDecisionBy", "Thủ tướng Chính phủ")
        .setVariable("centralDecisionNumber", "1234/QĐ-TTg")
        .setVariable("centralDecisionDate", "2025-12-01")
        .setVariable("centralDecisionNote", awarded ? "" : "Chưa đủ tiêu chuẩn.")
        .correlate();
  }

  @Test
  void aStateSubmissionIsPreparedReturnedSignedAndTheCentralLevelDecides() {
    Dossier awarded = submit("BK_TTG", "ANNUAL");
    ProcessInstance awardedPi = inPublicNotice(awarded);
    execute(job("Timer_NoticePeriod", awardedPi));
    Dossier refused = submit("CSTD_TQ", "ANNUAL");
    ProcessInstance refusedPi = inPublicNotice(refused);
    execute(job("Timer_NoticePeriod", refusedPi));
    Dossier withdrawn = submit("HCLD_3", "SUDDEN");
    appraiseValid(instance(withdrawn));
    assertThat(instance(withdrawn)).isWaitingAt("Event_AwaitStateSubmission");

    String key = uniqueRound();
    ProcessInstance submission = openSubmission(key);
    assertThat(submission).isWaitingAt("Task_PrepareSubmission");
    assertThat(submissions.items(key)).contains(awarded.code(), refused.code(), withdrawn.code());
    prepare(submission, "Đề nghị Thủ tướng Chính phủ tặng Bằng khen, Chủ tịch nước tặng danh hiệu.");
    sign(submission, withVariables("submissionOutcome", "RETURN", "returnReason", "Bổ sung số liệu."));
    assertThat(submission).isWaitingAt("Task_PrepareSubmission");
    prepare(submission, "Đã bổ sung số liệu.");

    // the unit withdraws one dossier before the Chairman signs: it leaves the submission
    dossiers.withdraw(withdrawn.code(), "Đơn vị đề nghị lại ở đợt sau.", TestDossiers.OFFICER_SGDDT);
    sign(submission, withVariables("submissionOutcome", "SIGN"));

    assertThat(submission).isEnded().hasPassed("Task_SendSubmission", "EndEvent_Sent");
    String number = (String) engine.getHistoryService().createHistoricVariableInstanceQuery()
        .processInstanceId(submission.getId()).variableName("submissionNumber").singleResult().getValue();
    assertThat(number).matches("\\d+/TTr-UBND");
    assertThat(submissions.items(key)).containsExactlyInAnyOrder(awarded.code(), refused.code());
    assertThat(status(withdrawn)).isEqualTo(DossierStatus.WITHDRAWN);
    for (Dossier d : List.of(awarded, refused)) {
      assertThat(instance(d)).isWaitingAt("Event_AwaitCentralDecision");
      assertThat(status(d)).isEqualTo(DossierStatus.SUBMITTED_TO_STATE);
      assertThat(runtime.getVariable(instance(d).getId(), "submissionNumber")).isEqualTo(number);
    }

    centralDecision(awarded, true);
    assertThat(awardedPi).isEnded().hasPassed("Task_RecordCentralAward", "EndEvent_CentralAwarded");
    assertThat(status(awarded)).isEqualTo(DossierStatus.AWARDED);
    assertThat(register.forDossier(awarded.code())).singleElement().satisfies(r -> {
      assertThat(r.decisionNumber()).isEqualTo("1234/QĐ-TTg");
      assertThat(r.decidedBy()).isEqualTo("Thủ tướng Chính phủ");
      assertThat(r.decisionDate()).isEqualTo(LocalDate.of(2025, 12, 1));
      assertThat(r.awardType()).isEqualTo("BK_TTG");
    });

    centralDecision(refused, false);
    assertThat(refusedPi).isEnded().hasPassed("Task_CentralNotAwarded", "EndEvent_CentralNotAwarded");
    assertThat(repository.find(refused.code()).orElseThrow().statusReason()).contains("Chưa đủ tiêu chuẩn");
    assertThat(register.forDossier(refused.code())).isEmpty();
  }

  @Test
  void aSubmissionWithoutDossiersEndsAtOnce() {
    // any State-level dossiers of other tests are on their own submissions already or are taken here first
    ProcessInstance first = openSubmission(uniqueRound());
    if (!first.isEnded()) {
      prepare(first, "Gom hồ sơ còn lại.");
    }
    ProcessInstance empty = openSubmission(uniqueRound());
    assertThat(empty).isEnded().hasPassed("EndEvent_NoDossiers").hasNotPassed("Task_PrepareSubmission");
  }

  @Test
  void withoutACentralResultHomeAffairsIsRemindedEverySixtyDays() {
    ClockUtil.setCurrentTime(at(2025, 6, 2, 9, 0));
    Dossier d = submit("BK_TTG", "SUDDEN");
    appraiseValid(instance(d));
    ProcessInstance submission = openSubmission(uniqueRound());
    prepare(submission, "Tờ trình.");
    sign(submission, withVariables("submissionOutcome", "SIGN"));
    ProcessInstance pi = instance(d);
    Job followUp = job("Timer_CentralFollowUp", pi);
    assertThat(followUp.getDuedate()).isEqualTo(Date.from(at(2025, 6, 2, 9, 0).toInstant().plus(java.time.Duration.ofDays(60))));

    ClockUtil.setCurrentTime(followUp.getDuedate());
    execute(followUp);
    assertThat(pi).isWaitingAt("Event_AwaitCentralDecision", "Task_FollowUpCentral");
    assertThat(task("Task_FollowUpCentral", pi)).isNotNull();
    tasks.complete(task("Task_FollowUpCentral", pi).getId(), withVariables("followUpNote", "Đã gọi Ban TĐKT TW."));
    assertThat(pi).hasPassed("EndEvent_FollowedUp").isWaitingAt("Event_AwaitCentralDecision");
    // the timer repeats
    assertThat(job("Timer_CentralFollowUp", pi).getDuedate()).isAfter(followUp.getDuedate());
    centralDecision(d, true);
    assertThat(pi).isEnded();
  }

  // --- withdrawal at each wait state ----------------------------------------------------------

  @ParameterizedTest
  @ValueSource(strings = {"Task_Appraise", "Task_Supplement", "Event_AwaitCouncilResolution", "Timer_NoticePeriod",
      "Task_Decide", "Event_AwaitDecisionBatch", "Event_AwaitStateSubmission", "Event_AwaitCentralDecision"})
  void theUnitCanWithdrawAtEveryWaitStateBeforeADecision(String waitState) {
    boolean state = waitState.contains("State") || waitState.contains("Central");
    Dossier d = submit(state ? "BK_TTG" : "BK_TINH", waitState.equals("Task_Decide") || state ? "SUDDEN" : "ANNUAL");
    ProcessInstance pi = instance(d);
    switch (waitState) {
      case "Task_Supplement" -> tasks.complete(task("Task_Appraise", pi).getId(), withVariables(
          "appraisalOutcome", "SUPPLEMENT", "appraisalSummary", "Thiếu.", "missingItems", "Biên bản."));
      case "Event_AwaitCouncilResolution", "Task_Decide", "Event_AwaitStateSubmission" -> appraiseValid(pi);
      case "Timer_NoticePeriod" -> inPublicNotice(d);
      case "Event_AwaitDecisionBatch" -> execute(job("Timer_NoticePeriod", inPublicNotice(d)));
      case "Event_AwaitCentralDecision" -> {
        appraiseValid(pi);
        ProcessInstance submission = openSubmission(uniqueRound());
        prepare(submission, "Tờ trình.");
        sign(submission, withVariables("submissionOutcome", "SIGN"));
      }
      default -> { }
    }
    assertThat(pi).isWaitingAt(waitState);

    Dossier after = dossiers.withdraw(d.code(), "Đơn vị rút để hoàn thiện thành tích.", TestDossiers.OFFICER_SGDDT);

    assertThat(after.status()).isEqualTo(DossierStatus.WITHDRAWN);
    assertThat(after.statusReason()).isEqualTo("Đơn vị rút để hoàn thiện thành tích.");
    assertThat(pi).isEnded().hasPassed("Task_Withdraw", "EndEvent_Withdrawn");
    assertThat(runtime.createProcessInstanceQuery().processInstanceId(pi.getId()).count()).isZero();
  }

  @Test
  void aDraftIsWithdrawnWithoutAProcessAndAFinishedDossierCannotBe() {
    DossierRequest request = TestDossiers.individual("ANNUAL");
    Dossier draft = dossiers.create(request, List.of(), true, TestDossiers.OFFICER_SGDDT);
    assertThat(dossiers.withdraw(draft.code(), "Không đề nghị nữa.", TestDossiers.OFFICER_SGDDT).status())
        .isEqualTo(DossierStatus.WITHDRAWN);
    // the change is in the audit records although no process ran
    assertThat(auditLog.forDossier(draft.code())).anySatisfy(r -> {
      assertThat(r.kind()).isEqualTo("STATUS_CHANGED");
      assertThat(r.detail()).contains("WITHDRAWN");
    });
    org.assertj.core.api.Assertions.assertThatThrownBy(() ->
            dossiers.withdraw(draft.code(), "Lần nữa.", TestDossiers.OFFICER_SGDDT))
        .isInstanceOf(DossierStateException.class);
    org.assertj.core.api.Assertions.assertThatThrownBy(() ->
            dossiers.withdraw(draft.code(), "Đơn vị khác.", TestDossiers.OFFICER_SYT))
        .isInstanceOf(DossierNotFoundException.class);
  }

  private static final java.util.concurrent.atomic.AtomicInteger ROUNDS =
      new java.util.concurrent.atomic.AtomicInteger(new java.util.Random().nextInt(100_000));

  // --- decisions by batch (the normal procedure) ---------------------------------------------

  @Autowired vn.gov.sonla.tdkt.decision.DecisionRepository decisionRecords;
  @Autowired vn.gov.sonla.tdkt.decision.DecisionBatchRepository batches;

  private static final java.util.concurrent.atomic.AtomicInteger BATCH_ROUNDS =
      new java.util.concurrent.atomic.AtomicInteger();

  /** Appraised, passed by the council session of the round and through the notice: waiting for its batch. */
  private ProcessInstance awaitingBatch(Dossier d, String session) {
    ProcessInstance pi = instance(d);
    appraiseValid(pi);
    runtime.createMessageCorrelation("CouncilResolution").processInstanceBusinessKey(d.code())
        .setVariable("councilPassed", true).setVariable("councilSession", session).correlate();
    execute(job("Timer_NoticePeriod", pi));
    assertThat(pi).isWaitingAt("Event_AwaitDecisionBatch");
    assertThat(status(d)).isEqualTo(DossierStatus.AWAITING_DECISION);
    return pi;
  }

  private ProcessInstance openBatch(String key) {
    return runtime.startProcessInstanceByKey("decision-batch", key, Map.of("openedBy", "appraiser"));
  }

  private void chairmanDecides(ProcessInstance batch, String excluded, String refused) {
    Task decide = task("Task_DecideBatch", batch);
    tasks.claim(decide.getId(), "chairman");
    identity.setAuthentication("chairman", List.of("chairman"));
    tasks.complete(decide.getId(), withVariables("draftReviewed", true, "excludedList", excluded,
        "refusedList", refused));
    identity.clearAuthentication();
    // the decision is issued, and each dossier awarded, by jobs after the click (issue 19)
    vn.gov.sonla.tdkt.support.Jobs.settleInstance(management, batch.getId());
  }

  @Test
  void aRoundIsDecidedInOneBatchTheExcludedWaitForTheNextAndTheRefusedAreNotAwarded() {
    int round = BATCH_ROUNDS.incrementAndGet();
    String session = "2091-R" + round;
    List<Dossier> ds = new ArrayList<>();
    List<ProcessInstance> pis = new ArrayList<>();
    for (int i = 0; i < 4; i++) {
      Dossier d = submit("CSTD_TINH", "ANNUAL");
      ds.add(d);
      pis.add(awaitingBatch(d, session));
    }
    ProcessInstance batch = openBatch(session + "-CSTD_TINH");
    assertThat(batch).isWaitingAt("Task_DecideBatch");
    assertThat(batches.codes(session + "-CSTD_TINH", "PROPOSED")).containsAll(ds.stream().map(Dossier::code).toList());

    chairmanDecides(batch, ds.get(1).code() + ": Cần làm rõ sáng kiến.", ds.get(2).code() + ": Không đạt tiêu chuẩn.");

    assertThat(batch).isEnded().hasPassed("Task_IssueDecision", "EndEvent_Issued");
    String number = decisionRecords.forDossier(ds.get(0).code()).orElseThrow().number();
    for (int i : new int[] {0, 3}) {
      assertThat(pis.get(i)).isEnded().hasPassed("Task_RecordBatchAward", "EndEvent_BatchAwarded");
      assertThat(status(ds.get(i))).isEqualTo(DossierStatus.AWARDED);
      assertThat(decisionRecords.forDossier(ds.get(i).code()).orElseThrow().number()).isEqualTo(number);
      assertThat(register.forDossier(ds.get(i).code())).singleElement()
          .satisfies(r -> assertThat(r.decisionNumber()).isEqualTo(number));
    }
    // excluded: back to waiting, Home Affairs told why
    assertThat(pis.get(1)).isWaitingAt("Event_AwaitDecisionBatch");
    assertThat(status(ds.get(1))).isEqualTo(DossierStatus.AWAITING_DECISION);
    assertThat(register.forDossier(ds.get(1).code())).isEmpty();
    // refused: NOT_AWARDED with the Chairman's reason
    assertThat(pis.get(2)).isEnded().hasPassed("Task_RecordBatchRefusal", "EndEvent_BatchRefused");
    assertThat(repository.find(ds.get(2).code()).orElseThrow().status()).isEqualTo(DossierStatus.NOT_AWARDED);
    assertThat(repository.find(ds.get(2).code()).orElseThrow().statusReason()).contains("Không đạt tiêu chuẩn.");

    // the next round's batch takes the excluded dossier and decides it with a number of its own
    ProcessInstance next = openBatch("2091-R" + BATCH_ROUNDS.incrementAndGet() + "-CSTD_TINH");
    chairmanDecides(next, "", "");
    assertThat(pis.get(1)).isEnded().hasPassed("EndEvent_BatchAwarded");
    assertThat(decisionRecords.forDossier(ds.get(1).code()).orElseThrow().number()).isNotEqualTo(number);
  }

  @Test
  void aBatchLeavesOutWhatIsOfALaterRoundAndTheChairmanMustNameDossiersOfTheBatch() {
    int round = BATCH_ROUNDS.addAndGet(2);
    Dossier early = submit("CSTD_TINH", "ANNUAL");
    Dossier late = submit("CSTD_TINH", "ANNUAL");
    awaitingBatch(early, "2092-R" + (round - 1));
    ProcessInstance latePi = awaitingBatch(late, "2092-R" + round);
    ProcessInstance batch = openBatch("2092-R" + (round - 1) + "-CSTD_TINH");
    assertThat(batches.codes("2092-R" + (round - 1) + "-CSTD_TINH", "PROPOSED")).contains(early.code())
        .doesNotContain(late.code());
    Task decide = task("Task_DecideBatch", batch);
    tasks.claim(decide.getId(), "chairman");
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> tasks.complete(decide.getId(), withVariables(
            "draftReviewed", true, "excludedList", late.code() + ": lý do", "refusedList", "")))
        .hasMessageContaining("không thuộc đợt này");
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> tasks.complete(decide.getId(), withVariables(
            "draftReviewed", true, "excludedList", early.code() + ":  ", "refusedList", "")))
        .hasMessageContaining("Chưa nêu lý do");
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> tasks.complete(decide.getId(), withVariables(
            "draftReviewed", false)))
        .hasMessageContaining("dự thảo");
    assertThat(batch).isWaitingAt("Task_DecideBatch");
    assertThat(latePi).isWaitingAt("Event_AwaitDecisionBatch");
  }

  /** A submission key of the form YYYY-R<n>, unique in the shared test database. */
  private static String uniqueRound() {
    return "2099-R" + ROUNDS.incrementAndGet();
  }

  private static Date at(int year, int month, int day, int hour, int minute) {
    return Date.from(ZonedDateTime.of(year, month, day, hour, minute, 0, 0, VN).toInstant());
  }
}

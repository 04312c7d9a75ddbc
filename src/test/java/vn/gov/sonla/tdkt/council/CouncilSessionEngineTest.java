package vn.gov.sonla.tdkt.council;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.init;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.reset;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.argThat;
import static org.mockito.Mockito.doAnswer;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.camunda.spin.Spin;
import org.camunda.spin.json.SpinJsonNode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import vn.gov.sonla.tdkt.audit.AuditLog;
import vn.gov.sonla.tdkt.award.AwardCatalog;
import vn.gov.sonla.tdkt.award.AwardConsultation;
import vn.gov.sonla.tdkt.award.AwardKind;
import vn.gov.sonla.tdkt.award.SubjectKind;
import vn.gov.sonla.tdkt.calendar.Deadlines;
import vn.gov.sonla.tdkt.dossier.Dossier;
import vn.gov.sonla.tdkt.dossier.DossierRepository;
import vn.gov.sonla.tdkt.dossier.DossierStatus;
import vn.gov.sonla.tdkt.dossier.DossierStatusListener;
import vn.gov.sonla.tdkt.kernel.Page;
import vn.gov.sonla.tdkt.support.EngineAlone;
import vn.gov.sonla.tdkt.support.Futures;

/**
 * The paths of council-session.bpmn, engine alone with mocked beans (issue 16, item 5 and 6): online ballots of
 * every member, a written opinion standing in for an absent member's ballot, the early close, the ballot deadline
 * and the reconvened vote, the meeting mode with the committee's totals, the empty agenda, and the agenda that holds
 * back a dossier whose consultation before the council is running. The real {@code councilSession} and
 * {@code prepareAgenda} beans run on mocked repositories; the ballot box, quorum, tally and minutes are mocks. The
 * resolution is sent to each dossier by the real {@code sendCouncilResolution}, one job per dossier (issue 19).
 */
class CouncilSessionEngineTest {

  @RegisterExtension
  static ProcessEngineExtension extension = EngineAlone.extension("council-session");

  static final Date BALLOT_DUE = Date.from(ZonedDateTime.parse("2026-12-14T17:00:00+07:00").toInstant());
  static final List<String> MEMBERS = List.of("council1", "council2", "council3");

  ProcessEngine engine;
  RuntimeService runtime;
  TaskService tasks;

  final CouncilRepository sessions = mock(CouncilRepository.class);
  final DossierRepository dossiers = mock(DossierRepository.class);
  final BallotBox ballotBox = mock(BallotBox.class);
  final JavaDelegate openBallot = mock(JavaDelegate.class);
  final JavaDelegate checkQuorum = mock(JavaDelegate.class);
  final JavaDelegate tallyVotes = mock(JavaDelegate.class);
  final JavaDelegate councilMinutes = mock(JavaDelegate.class);
  /** Who took part in the current ballot round: ballots cast and written opinions recorded. */
  final List<CouncilRepository.Attendance> attendance = new CopyOnWriteArrayList<>();
  /** When set, every ballot waits in the ballot box until all have reached it: ballots sent at the same moment. */
  final AtomicReference<CyclicBarrier> sameMoment = new AtomicReference<>();
  final List<Dossier> waiting = new ArrayList<>();
  final AtomicBoolean quorum = new AtomicBoolean(true);
  int ballotRound;

  @BeforeEach
  void setUp() throws Exception {
    engine = extension.getProcessEngine();
    runtime = engine.getRuntimeService();
    tasks = engine.getTaskService();
    init(engine);
    when(sessions.attendance(anyString(), anyInt())).thenAnswer(call -> List.copyOf(attendance));
    when(dossiers.search(any(), any(), anyInt(), anyInt()))
        .thenAnswer(call -> new Page<>(List.copyOf(waiting), 0, 200, waiting.size()));
    when(dossiers.updateStatus(anyString(), any(), any(), any())).thenReturn(1);
    doAnswer(call -> {
      DelegateExecution execution = call.getArgument(0);
      ballotRound++;
      attendance.clear();
      execution.setVariable("members", Spin.JSON(MEMBERS));
      execution.setVariable("memberCount", MEMBERS.size());
      execution.setVariable("ballotRound", ballotRound);
      execution.setVariable("ballotDue", BALLOT_DUE);
      return null;
    }).when(openBallot).execute(any());
    doAnswer(call -> {
      DelegateTask task = call.getArgument(0);
      // as the real box: the choices are counted and removed in the member's transaction
      task.removeVariable(BallotBox.APPROVALS);
      CyclicBarrier barrier = sameMoment.get();
      if (barrier != null) {
        barrier.await(20, TimeUnit.SECONDS);
      }
      attendance.add(new CouncilRepository.Attendance(task.getAssignee(), OffsetDateTime.now()));
      return null;
    }).when(ballotBox).cast(any());
    doAnswer(call -> {
      call.<DelegateExecution>getArgument(0).setVariable("quorumReached", quorum.get());
      return null;
    }).when(checkQuorum).execute(any());

    Mocks.register("councilSession", new CouncilSession(sessions, new CouncilProperties(5, Map.of())));
    Mocks.register("prepareAgenda", new PrepareAgenda(dossiers, sessions, mock(AwardCatalog.class), runtime,
        engine.getIdentityService(), new vn.gov.sonla.tdkt.engine.EngineClock(java.time.ZoneId.of("Asia/Ho_Chi_Minh"))));
    Mocks.register("openBallot", openBallot);
    Mocks.register("ballotBox", ballotBox);
    Mocks.register("checkQuorum", checkQuorum);
    Mocks.register("tallyVotes", tallyVotes);
    Mocks.register("councilMinutes", councilMinutes);
    Mocks.register("sendCouncilResolution", new SendCouncilResolution(sessions, dossiers, runtime));
  }

  @AfterEach
  void tearDown() {
    Mocks.reset();
    reset();
  }

  private static Dossier dossier(String code, String awardType, String processInstanceId) {
    OffsetDateTime at = OffsetDateTime.parse("2026-11-02T08:00:00+07:00");
    return new Dossier(code, "sgddt", awardType, AwardKind.ANNUAL, 2026, SubjectKind.INDIVIDUAL, "Nguyễn Thị Lan",
        null, "Giáo viên", "Trường THPT Chuyên Sơn La", "Thành tích xuất sắc.", DossierStatus.AWAITING_COUNCIL, null,
        processInstanceId, "officer.sgddt", at, at, at);
  }

  private ProcessInstance open(int round, String mode) {
    return runtime.createProcessInstanceByKey("council-session").businessKey("2026-R" + round)
        .setVariable("year", 2026).setVariable("round", round).setVariable("mode", mode)
        .execute();
  }

  private ProcessInstance openWithOneDossier(int round, String mode) {
    waiting.add(dossier("2026-sgddt-00" + round, "BK_TINH", null));
    return open(round, mode);
  }

  /** The member sends the ballot, and the job executor then counts it (the ballot's asynchronous step). */
  private void vote(ProcessInstance pi, String member) {
    send(pi, member);
    ballotsCounted(pi);
  }

  /** The member sends the ballot: cast in the member's transaction, counted later by the ballot's job. */
  private void send(ProcessInstance pi, String member) {
    Task ballot = tasks.createTaskQuery().processInstanceId(pi.getId()).taskDefinitionKey("Task_Ballot")
        .taskAssignee(member).singleResult();
    tasks.complete(ballot.getId(), Map.of("approvals", Spin.JSON(List.of())));
  }

  private long ballotJobs(ProcessInstance pi) {
    return engine.getManagementService().createJobQuery().processInstanceId(pi.getId()).activityId("Task_Ballot")
        .count();
  }

  private long openBallots(ProcessInstance pi) {
    return tasks.createTaskQuery().processInstanceId(pi.getId()).taskDefinitionKey("Task_Ballot").count();
  }

  /**
   * The ballots' asynchronous steps after the members' transactions (asyncAfter of Task_Ballot), one at a time as the
   * job executor runs the exclusive jobs of one process instance; a job whose ballot was already taken away (the
   * vote completed by an earlier job) is gone, as the job executor would find it.
   */
  private void ballotsCounted(ProcessInstance pi) {
    var management = engine.getManagementService();
    for (var job : management.createJobQuery().processInstanceId(pi.getId()).activityId("Task_Ballot").list()) {
      if (management.createJobQuery().jobId(job.getId()).count() > 0) {
        management.executeJob(job.getId());
      }
    }
  }

  private void quorumCheckedAndTallied(ProcessInstance pi) throws Exception {
    // the quorum check is asynchronous (retried on failure)
    assertThat(pi).isWaitingAt("Task_CheckQuorum");
    execute(job("Task_CheckQuorum", pi));
  }

  @Test
  @Deployment(resources = "processes/council-session.bpmn")
  void anEmptyAgendaEndsTheSessionAtItsOwnEndEvent() {
    ProcessInstance pi = open(1, "ONLINE");

    assertThat(pi).isEnded().hasPassed("Task_PrepareAgenda", "EndEvent_NoAgenda").hasNotPassed("Task_OpenBallot");
    verify(sessions).setStatus("2026-R1", "NO_AGENDA");
  }

  @Test
  @Deployment(resources = "processes/council-session.bpmn")
  void onlineEveryMemberVotesAndTheSessionIsTalliedWithMinutes() throws Exception {
    ProcessInstance pi = openWithOneDossier(2, "ONLINE");

    assertThat(pi).isWaitingAt("Task_Ballot");
    assertThat(openBallots(pi)).isEqualTo(3);
    assertThat(tasks.createTaskQuery().processInstanceId(pi.getId()).list())
        .extracting(Task::getAssignee, Task::getDueDate)
        .containsExactlyInAnyOrder(org.assertj.core.groups.Tuple.tuple("council1", BALLOT_DUE),
            org.assertj.core.groups.Tuple.tuple("council2", BALLOT_DUE),
            org.assertj.core.groups.Tuple.tuple("council3", BALLOT_DUE));
    for (String member : MEMBERS) {
      vote(pi, member);
    }
    verify(ballotBox, times(3)).cast(any());
    quorumCheckedAndTallied(pi);

    assertThat(pi).isEnded().hasPassed("Task_Tally", "Task_Minutes", "EndEvent_Resolved")
        .hasNotPassed("Task_RecordMeeting", "Message_VoteClosedEarly", "Task_Reconvene");
    verify(tallyVotes).execute(any());
    verify(councilMinutes).execute(any());
  }

  /**
   * Issue 20's load test: ballots of one session completed at the same moment. Each member's transaction is held in
   * the ballot box until every ballot has reached it, so all of them overlap; every one is cast the first time (no
   * {@code OptimisticLockingException} to send again), and the vote then goes on to the quorum check.
   */
  @Test
  @Deployment(resources = "processes/council-session.bpmn")
  void ballotsSentAtTheSameMomentAreAllCastTheFirstTime() throws Exception {
    ProcessInstance pi = openWithOneDossier(11, "ONLINE");
    List<Task> ballots = tasks.createTaskQuery().processInstanceId(pi.getId()).taskDefinitionKey("Task_Ballot")
        .list();
    assertThat(ballots).hasSize(MEMBERS.size());
    sameMoment.set(new CyclicBarrier(ballots.size()));
    ExecutorService members = Executors.newFixedThreadPool(ballots.size());
    List<Throwable> refused = new ArrayList<>();
    Map<String, Object> beans = Map.copyOf(Mocks.getMocks()); // the mocked beans are per thread
    try {
      List<Future<?>> sent = ballots.stream()
          .map(b -> members.submit(() -> {
            beans.forEach(Mocks::register);
            tasks.complete(b.getId(), Map.of("approvals", Spin.JSON(List.of())));
          }))
          .<Future<?>>map(f -> f).toList();
      refused.addAll(Futures.failures(sent, Duration.ofSeconds(60)));
    } finally {
      sameMoment.set(null);
      members.shutdownNow();
    }

    assertThat(refused).as("ballots refused").isEmpty();
    assertThat(attendance).extracting(CouncilRepository.Attendance::member)
        .containsExactlyInAnyOrderElementsOf(MEMBERS);
    assertThat(openBallots(pi)).isZero();
    // each ballot's count is a job of its own, run after the members' transactions
    assertThat(ballotJobs(pi)).isEqualTo(MEMBERS.size());
    ballotsCounted(pi);
    assertThat(ballotJobs(pi)).isZero();
    quorumCheckedAndTallied(pi);
    assertThat(pi).isEnded().hasPassed("Task_Tally", "Task_Minutes", "EndEvent_Resolved")
        .hasNotPassed("Message_VoteClosedEarly", "Timer_BallotDeadline");
  }

  @Test
  @Deployment(resources = "processes/council-session.bpmn")
  void theDeadlinePassingWhileBallotsAreStillToBeCountedKeepsThemCast() throws Exception {
    ProcessInstance pi = openWithOneDossier(12, "ONLINE");
    send(pi, "council1");
    send(pi, "council2");
    assertThat(ballotJobs(pi)).isEqualTo(2);

    // the deadline's timer comes first: the ballots were cast when sent, the jobs that would count them are dropped
    execute(job("Timer_BallotDeadline", pi));

    assertThat(ballotJobs(pi)).isZero();
    assertThat(openBallots(pi)).isZero();
    assertThat(attendance).extracting(CouncilRepository.Attendance::member)
        .containsExactlyInAnyOrder("council1", "council2");
    quorumCheckedAndTallied(pi);
    assertThat(pi).isEnded().hasPassed("Timer_BallotDeadline", "Task_Tally", "EndEvent_Resolved")
        .hasNotPassed("Message_VoteClosedEarly");
    verify(checkQuorum, times(1)).execute(any());
  }

  @Test
  @Deployment(resources = "processes/council-session.bpmn")
  void theEarlyCloseWhileTheLastBallotsAreStillToBeCountedClosesTheVoteOnce() throws Exception {
    ProcessInstance pi = openWithOneDossier(13, "ONLINE");
    for (String member : MEMBERS) {
      send(pi, member);
    }
    assertThat(ballotJobs(pi)).isEqualTo(3);

    runtime.createMessageCorrelation(CouncilSession.VOTE_CLOSED).processInstanceId(pi.getId()).correlateWithResult();

    assertThat(ballotJobs(pi)).isZero();
    quorumCheckedAndTallied(pi);
    assertThat(pi).isEnded().hasPassed("Message_VoteClosedEarly", "Task_Tally", "EndEvent_Resolved");
    verify(checkQuorum, times(1)).execute(any());
    verify(tallyVotes, times(1)).execute(any());
  }

  @Test
  @Deployment(resources = "processes/council-session.bpmn")
  void aWrittenOpinionOfAnAbsentMemberLetsTheVoteEndWhenTheOthersHaveVoted() throws Exception {
    ProcessInstance pi = openWithOneDossier(3, "ONLINE");
    // the secretary recorded council3's written opinion (phiếu lấy ý kiến): council3 has taken part
    attendance.add(new CouncilRepository.Attendance("council3", OffsetDateTime.now(), "WRITTEN", "VOTE"));

    vote(pi, "council1");
    assertThat(pi).isWaitingAt("Task_Ballot");
    vote(pi, "council2");

    // council3's own ballot is no longer needed: the completion condition counts the written opinion
    assertThat(openBallots(pi)).isZero();
    quorumCheckedAndTallied(pi);
    assertThat(pi).isEnded().hasPassed("Task_Tally", "EndEvent_Resolved").hasNotPassed("Message_VoteClosedEarly");
    verify(ballotBox, times(2)).cast(any());
  }

  @Test
  @Deployment(resources = "processes/council-session.bpmn")
  void theEarlyCloseEndsTheVoteBeforeTheDeadline() throws Exception {
    ProcessInstance pi = openWithOneDossier(4, "ONLINE");
    vote(pi, "council1");
    vote(pi, "council2");

    // home-affairs closes the vote (the service checks that every member has voted or sent a written opinion)
    runtime.createMessageCorrelation(CouncilSession.VOTE_CLOSED).processInstanceId(pi.getId()).correlateWithResult();

    assertThat(openBallots(pi)).isZero();
    assertThat(pi).hasPassed("Message_VoteClosedEarly");
    quorumCheckedAndTallied(pi);
    assertThat(pi).isEnded().hasPassed("Task_Tally", "Task_Minutes", "EndEvent_Resolved")
        .hasNotPassed("Timer_BallotDeadline");
  }

  @Test
  @Deployment(resources = "processes/council-session.bpmn")
  void theDeadlineWithoutQuorumReconvenesTheCouncilAndEveryMemberVotesAgain() throws Exception {
    ProcessInstance pi = openWithOneDossier(5, "ONLINE");
    vote(pi, "council1");
    quorum.set(false);

    execute(job("Timer_BallotDeadline", pi));
    quorumCheckedAndTallied(pi);

    assertThat(pi).isWaitingAt("Task_Reconvene").task().hasCandidateGroup("home-affairs");
    verify(tallyVotes, never()).execute(any());
    Task reconvene = task("Task_Reconvene", pi);
    assertThatThrownBy(() -> tasks.complete(reconvene.getId(), Map.of()))
        .hasMessageContaining("Chưa nhập nội dung triệu tập lại");
    tasks.complete(reconvene.getId(), Map.of("reconveneNote", "Họp lại lúc 8 giờ ngày 16/12/2026."));

    assertThat(pi).isWaitingAt("Task_Ballot");
    assertThat(openBallots(pi)).isEqualTo(3);
    assertThat(runtime.getVariable(pi.getId(), "ballotRound")).isEqualTo(2);
    quorum.set(true);
    for (String member : MEMBERS) {
      vote(pi, member);
    }
    quorumCheckedAndTallied(pi);
    assertThat(pi).isEnded().hasPassed("Task_Reconvene", "Task_Tally", "EndEvent_Resolved");
  }

  @Test
  @Deployment(resources = "processes/council-session.bpmn")
  void aMeetingRecordsTheCommitteesTotalsInsteadOfOnlineBallots() throws Exception {
    ProcessInstance pi = openWithOneDossier(6, "MEETING");

    assertThat(pi).isWaitingAt("Task_RecordMeeting").task().hasCandidateGroup("home-affairs").hasDueDate(BALLOT_DUE);
    assertThat(openBallots(pi)).isZero();
    verify(sessions).setMode("2026-R6", "MEETING");
    when(sessions.agenda("2026-R6")).thenReturn(List.of(new CouncilRepository.AgendaItem("2026-R6", 1,
        "2026-sgddt-006", "Nguyễn Thị Lan", "Sở Giáo dục và Đào tạo", "BK_TINH", "Bằng khen", null, null, null, null,
        null, null)));
    Task record = task("Task_RecordMeeting", pi);
    // the totals of every agenda item first
    assertThatThrownBy(() -> tasks.complete(record.getId())).hasMessageContaining("2026-sgddt-006");

    when(sessions.meetingTotals("2026-R6", 1))
        .thenReturn(List.of(new CouncilRepository.MeetingTotal("2026-sgddt-006", 3, 0, 3)));
    tasks.complete(record.getId());
    quorumCheckedAndTallied(pi);

    assertThat(pi).isEnded().hasPassed("Task_RecordMeeting", "Task_Tally", "Task_Minutes", "EndEvent_Resolved")
        .hasNotPassed("Task_Ballot");
    verify(ballotBox, never()).cast(any());
  }

  @Test
  @Deployment(resources = {"processes/council-session.bpmn", "processes/commendation-dossier.bpmn",
      "processes/council-consultation.dmn"})
  void theAgendaHoldsBackADossierWhoseConsultationIsRunning() throws Exception {
    Deadlines deadlines = mock(Deadlines.class);
    when(deadlines.consultationEnd()).thenReturn(BALLOT_DUE);
    Mocks.register("deadlines", deadlines);
    Mocks.register("awardConsultation", mock(AwardConsultation.class));
    Mocks.register("dossierStatus", new DossierStatusListener(dossiers, mock(AuditLog.class),
        new vn.gov.sonla.tdkt.engine.EngineClock(java.time.ZoneId.of("Asia/Ho_Chi_Minh"))));
    Mocks.register("notifyConsultationEnded", mock(JavaDelegate.class));
    ProcessInstance order = appraisedValid("2026-sgddt-0101", "HCLD_3");
    ProcessInstance merit = appraisedValid("2026-sgddt-0102", "BK_TINH");
    assertThat(order).isWaitingAt("Timer_ConsultationPeriod");
    assertThat(merit).isWaitingAt("Event_AwaitCouncilResolution");
    // both are AWAITING_COUNCIL in the read model
    waiting.add(dossier("2026-sgddt-0101", "HCLD_3", order.getId()));
    waiting.add(dossier("2026-sgddt-0102", "BK_TINH", merit.getId()));

    ProcessInstance first = open(7, "ONLINE");
    assertThat(agendaCodes(first)).containsExactly("2026-sgddt-0102");
    assertThat(runtime.getVariable(first.getId(), "agendaSize")).isEqualTo(1);
    verify(sessions, never()).insertAgendaItem(
        argThat(item -> item.sessionKey().equals("2026-R7") && item.dossierCode().equals("2026-sgddt-0101")));
    verify(sessions).insertAgendaItem(
        argThat(item -> item.sessionKey().equals("2026-R7") && item.dossierCode().equals("2026-sgddt-0102")));

    // the consultation ends without an objection: the next session takes the order's dossier
    execute(job("Timer_ConsultationPeriod", order));
    assertThat(order).isWaitingAt("Event_AwaitCouncilResolution");
    ProcessInstance second = open(8, "ONLINE");
    // the agenda is ordered by award type, then code
    assertThat(agendaCodes(second)).containsExactly("2026-sgddt-0102", "2026-sgddt-0101");
  }

  private ProcessInstance appraisedValid(String code, String awardType) {
    return runtime.createProcessInstanceByKey("commendation-dossier").businessKey(code)
        .setVariable("procedure", "NORMAL").setVariable("awardType", awardType)
        .setVariable("unitGroup", "unit-sgddt")
        .startBeforeActivity("Gateway_Procedure").execute();
  }

  private List<String> agendaCodes(ProcessInstance session) {
    SpinJsonNode agenda = (SpinJsonNode) runtime.getVariable(session.getId(), "agenda");
    List<String> codes = new ArrayList<>();
    agenda.elements().forEach(item -> codes.add(item.prop("code").stringValue()));
    return codes;
  }

  private CouncilRepository.AgendaItem tallied(String key, int position, String code, String outcome, int votesFor) {
    return new CouncilRepository.AgendaItem(key, position, code, "Nguyễn Thị Lan", "Sở Giáo dục và Đào tạo", "BK_TINH",
        "Bằng khen", null, outcome, votesFor, 3 - votesFor, 0, 2);
  }

  @Test
  @Deployment(resources = "processes/council-session.bpmn")
  void eachDossierGetsItsResolutionInItsOwnJobAndAFailingOneLeavesAnIncidentOnItsOwn() throws Exception {
    // three dossiers waiting for the council at their catch event (a stand-in of commendation-dossier's)
    String stub = engine.getRepositoryService().createDeployment()
        .addModelInstance("resolution-stub.bpmn", org.camunda.bpm.model.bpmn.Bpmn
            .createExecutableProcess("resolution-stub").camundaHistoryTimeToLive(1)
            .startEvent().intermediateCatchEvent("Event_AwaitCouncilResolution").message(SendCouncilResolution.MESSAGE)
            .userTask("Task_AfterCouncil").endEvent().done())
        .deploy().getId();
    try {
      String key = "2026-R7";
      List<String> codes = List.of("2026-sgddt-0701", "2026-sgddt-0702", "2026-sgddt-0703");
      when(sessions.agenda(key)).thenReturn(List.of(tallied(key, 1, codes.get(0), "PASSED", 3),
          tallied(key, 2, codes.get(1), "NOT_PASSED", 1), tallied(key, 3, codes.get(2), "PASSED", 2),
          tallied(key, 4, "2026-sgddt-0704", "SKIPPED", 0)));
      when(dossiers.find(anyString())).thenAnswer(call -> java.util.Optional.of(
          dossier(call.getArgument(0), "BK_TINH", null)));
      // the second dossier's process is not waiting (it fails until it is repaired)
      ProcessInstance first = runtime.startProcessInstanceByKey("resolution-stub", codes.get(0));
      ProcessInstance third = runtime.startProcessInstanceByKey("resolution-stub", codes.get(2));
      ProcessInstance pi = openWithOneDossier(7, "ONLINE");
      for (String member : MEMBERS) {
        vote(pi, member);
      }
      quorumCheckedAndTallied(pi);

      // tallied and minuted once; the resolutions wait as one job per decided dossier (the skipped one gets none)
      verify(tallyVotes).execute(any());
      verify(councilMinutes).execute(any());
      assertThat(pi).isWaitingAt("Task_SendResolution").hasPassed("Task_Tally", "Task_Minutes");
      List<org.camunda.bpm.engine.runtime.Job> jobs = engine.getManagementService().createJobQuery()
          .processInstanceId(pi.getId()).activityId("Task_SendResolution").list();
      assertThat(jobs).hasSize(3);
      for (org.camunda.bpm.engine.runtime.Job job : jobs) {
        try {
          engine.getManagementService().executeJob(job.getId());
        } catch (RuntimeException e) {
          assertThat(e).hasMessageContaining("CouncilResolution");
        }
      }

      // the others got their resolution with their own tally
      assertThat(runtime.getVariables(first.getId())).containsEntry("councilPassed", true)
          .containsEntry("votesFor", 3).containsEntry("votesRequired", 2).containsEntry("councilMembers", 3)
          .containsEntry("councilSession", key);
      assertThat(runtime.getVariables(third.getId())).containsEntry("councilPassed", true)
          .containsEntry("votesFor", 2);
      assertThat(first).isWaitingAt("Task_AfterCouncil");
      assertThat(third).isWaitingAt("Task_AfterCouncil");
      // the failing one is retried on the model's cycle (R3/PT5M) ...
      org.camunda.bpm.engine.runtime.Job failed = engine.getManagementService().createJobQuery()
          .processInstanceId(pi.getId()).activityId("Task_SendResolution").singleResult();
      assertThat(failed.getRetries()).isEqualTo(2);
      assertThat(failed.getDuedate()).isAfter(new Date(System.currentTimeMillis() + 4 * 60_000));
      // ... and, its retries used up, leaves an incident on its own job only; the session waits for it
      while (engine.getManagementService().createJobQuery().jobId(failed.getId()).singleResult().getRetries() > 0) {
        assertThatThrownBy(() -> engine.getManagementService().executeJob(failed.getId()))
            .hasMessageContaining("CouncilResolution");
      }
      assertThat(engine.getRuntimeService().createIncidentQuery().processInstanceId(pi.getId()).list())
          .singleElement().satisfies(incident -> {
            assertThat(incident.getActivityId()).isEqualTo("Task_SendResolution");
            assertThat(incident.getConfiguration()).isEqualTo(failed.getId());
          });
      assertThat(pi).isWaitingAt("Task_SendResolution").hasNotPassed("EndEvent_Resolved");
      verify(tallyVotes).execute(any());

      // the dossier's process repaired, the administrator retries the job (Cockpit): the session ends
      ProcessInstance second = runtime.startProcessInstanceByKey("resolution-stub", codes.get(1));
      engine.getManagementService().setJobRetries(failed.getId(), 1);
      engine.getManagementService().executeJob(failed.getId());
      assertThat(runtime.getVariables(second.getId())).containsEntry("councilPassed", false)
          .containsEntry("votesFor", 1).containsEntry("votesAgainst", 2);
      assertThat(pi).isEnded().hasPassed("Task_SendResolution", "EndEvent_Resolved");
    } finally {
      engine.getRepositoryService().deleteDeployment(stub, true);
    }
  }

  @Test
  @Deployment(resources = "processes/council-session.bpmn")
  void aDossierWithdrawnAfterTheTallyIsSentNothing() throws Exception {
    String key = "2026-R8";
    when(sessions.agenda(key)).thenReturn(List.of(tallied(key, 1, "2026-sgddt-0801", "PASSED", 3)));
    OffsetDateTime at = OffsetDateTime.parse("2026-11-02T08:00:00+07:00");
    when(dossiers.find("2026-sgddt-0801")).thenReturn(java.util.Optional.of(new Dossier("2026-sgddt-0801", "sgddt",
        "BK_TINH", AwardKind.ANNUAL, 2026, SubjectKind.INDIVIDUAL, "Nguyễn Thị Lan", null, "Giáo viên",
        "Trường THPT Chuyên Sơn La", "Thành tích xuất sắc.", DossierStatus.WITHDRAWN, "Đơn vị rút hồ sơ.", null,
        "officer.sgddt", at, at, at)));
    ProcessInstance pi = openWithOneDossier(8, "ONLINE");
    for (String member : MEMBERS) {
      vote(pi, member);
    }
    quorumCheckedAndTallied(pi);
    execute(job("Task_SendResolution", pi));
    assertThat(pi).isEnded().hasPassed("Task_SendResolution", "EndEvent_Resolved");
  }
}

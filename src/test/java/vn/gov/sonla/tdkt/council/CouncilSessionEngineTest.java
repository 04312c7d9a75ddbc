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

import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
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

/**
 * The paths of council-session.bpmn, engine alone with mocked beans (issue 16, item 5 and 6): online ballots of
 * every member, a written opinion standing in for an absent member's ballot, the early close, the ballot deadline
 * and the reconvened vote, the meeting mode with the committee's totals, the empty agenda, and the agenda that holds
 * back a dossier whose consultation before the council is running. The real {@code councilSession} and
 * {@code prepareAgenda} beans run on mocked repositories; the ballot box, quorum, tally and minutes are mocks.
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
  final List<CouncilRepository.Attendance> attendance = new ArrayList<>();
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

  private void vote(ProcessInstance pi, String member) {
    Task ballot = tasks.createTaskQuery().processInstanceId(pi.getId()).taskDefinitionKey("Task_Ballot")
        .taskAssignee(member).singleResult();
    tasks.complete(ballot.getId(), Map.of("approvals", Spin.JSON(List.of())));
  }

  private long openBallots(ProcessInstance pi) {
    return tasks.createTaskQuery().processInstanceId(pi.getId()).taskDefinitionKey("Task_Ballot").count();
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
}

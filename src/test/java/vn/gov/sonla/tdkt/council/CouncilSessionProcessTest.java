package vn.gov.sonla.tdkt.council;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.init;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.history.HistoricFormField;
import org.camunda.bpm.engine.history.HistoricVariableUpdate;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.spin.Spin;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.beans.factory.annotation.Autowired;
import vn.gov.sonla.tdkt.dossier.Dossier;
import vn.gov.sonla.tdkt.dossier.DossierRepository;
import vn.gov.sonla.tdkt.dossier.DossierService;
import vn.gov.sonla.tdkt.dossier.DossierStatus;
import vn.gov.sonla.tdkt.support.IsolatedAppTest;

/**
 * Every path of council-session.bpmn, the thresholds at and one vote under them, absent members and
 * quorum, the resolution each dossier receives, the minutes and the secrecy of the ballot in the
 * engine's history. The class runs in the second shared context ({@code IsolatedAppTest}), where no other class
 * leaves a dossier awaiting the council, so that the agendas (every dossier awaiting the council) hold only its own.
 */
@IsolatedAppTest
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class CouncilSessionProcessTest {

  private static final AtomicInteger ROUNDS = new AtomicInteger(10);
  private static final int YEAR = 2025;

  @Autowired ProcessEngine engine;
  @Autowired RuntimeService runtime;
  @Autowired vn.gov.sonla.tdkt.engine.EngineAuthentication engineAuthentication;
  @Autowired TaskService tasks;
  @Autowired FormService forms;
  @Autowired ManagementService management;
  @Autowired HistoryService history;
  @Autowired IdentityService identity;
  @Autowired RepositoryService repository;
  @Autowired DossierService dossierService;
  @Autowired DossierRepository dossierRepository;
  @Autowired CouncilRepository sessions;
  @Autowired CouncilSessionService secretary;
  @Autowired vn.gov.sonla.tdkt.notification.Notifications notifications;

  private static final vn.gov.sonla.tdkt.identity.CurrentUser HOME_AFFAIRS =
      new vn.gov.sonla.tdkt.identity.CurrentUser("appraiser", java.util.Set.of("home-affairs"));

  private CouncilDossiers fixtures;
  private Date now;

  @BeforeEach
  void setUp() {
    init(engine);
    fixtures = new CouncilDossiers(dossierService, runtime, tasks);
    now = new Date();
    ClockUtil.setCurrentTime(now);
  }

  @AfterEach
  void tearDown() {
    ClockUtil.reset();
    identity.clearAuthentication();
  }

  // ---- helpers ----

  private ProcessInstance open() {
    int round = ROUNDS.incrementAndGet();
    return runtime.startProcessInstanceByKey("council-session", CouncilSession.key(YEAR, round),
        Map.of("year", YEAR, "round", round));
  }

  private ProcessInstance openMeeting() {
    int round = ROUNDS.incrementAndGet();
    return runtime.startProcessInstanceByKey("council-session", CouncilSession.key(YEAR, round),
        Map.of("year", YEAR, "round", round, "mode", "MEETING"));
  }

  private static CouncilSessionService.MeetingTotalRequest total(Dossier d, int present, int yes, int no) {
    return new CouncilSessionService.MeetingTotalRequest(d.code(), yes, no, present);
  }

  /** The given totals, and for every other agenda item (dossiers left by earlier tests) 8 present, none for. */
  private List<CouncilSessionService.MeetingTotalRequest> totals(ProcessInstance pi,
      CouncilSessionService.MeetingTotalRequest... given) {
    List<CouncilSessionService.MeetingTotalRequest> all = new ArrayList<>(List.of(given));
    sessions.agenda(pi.getBusinessKey()).stream()
        .filter(i -> all.stream().noneMatch(t -> t.code().equals(i.dossierCode())))
        .forEach(i -> all.add(new CouncilSessionService.MeetingTotalRequest(i.dossierCode(), 0, 0, 8)));
    return all;
  }

  private static void refused(Runnable call, int status, String message) {
    assertThatThrownBy(call::run).isInstanceOfSatisfying(CouncilProblem.class, p -> {
      assertThat(p.status().value()).isEqualTo(status);
      assertThat(p.getMessage()).contains(message);
    });
  }

  private static String minutesText(byte[] pdf) throws Exception {
    try (PDDocument doc = Loader.loadPDF(pdf)) {
      return new PDFTextStripper().getText(doc).replaceAll("\\s+", " ");
    }
  }

  private static List<String> members(int n) {
    return IntStream.rangeClosed(1, n).mapToObj(i -> "council" + i).toList();
  }

  private Task ballot(ProcessInstance pi, String member) {
    return tasks.createTaskQuery().processInstanceId(pi.getId()).taskDefinitionKey("Task_Ballot")
        .taskAssignee(member).singleResult();
  }

  /**
   * The member submits the ballot form as Tasklist does (checklist value as JSON); the job executor then counts the
   * ballot (its asynchronous step after the member's transaction).
   */
  private void vote(ProcessInstance pi, String member, String... approvals) {
    Task task = ballot(pi, member);
    assertThat(task).as("open ballot of %s", member).isNotNull();
    identity.setAuthenticatedUserId(member);
    try {
      forms.submitTaskForm(task.getId(), Map.of(BallotBox.APPROVALS, Spin.JSON(Arrays.asList(approvals))));
    } finally {
      identity.clearAuthentication();
    }
    ballotsCounted(pi);
  }

  /** The ballots' jobs (asyncAfter of each ballot), as the job executor runs them. */
  private void ballotsCounted(ProcessInstance pi) {
    management.createJobQuery().processInstanceId(pi.getId()).activityId("Task_Ballot").list()
        .forEach(j -> vn.gov.sonla.tdkt.support.Jobs.executeIfPresent(management, j.getId()));
  }

  private void runJobs(ProcessInstance pi) {
    for (int i = 0; i < 10; i++) {
      List<Job> due = management.createJobQuery().processInstanceId(pi.getId()).executable().list();
      if (due.isEmpty()) {
        return;
      }
      due.forEach(j -> vn.gov.sonla.tdkt.support.Jobs.executeIfPresent(management, j.getId()));
    }
  }

  private void deadlinePasses(ProcessInstance pi) {
    Job timer = management.createJobQuery().processInstanceId(pi.getId()).timers().singleResult();
    assertThat(timer).isNotNull();
    ClockUtil.setCurrentTime(new Date(timer.getDuedate().getTime() + 60_000));
    management.executeJob(timer.getId());
    runJobs(pi);
  }

  private CouncilRepository.AgendaItem item(ProcessInstance pi, Dossier d) {
    return sessions.agenda(pi.getBusinessKey()).stream().filter(i -> i.dossierCode().equals(d.code()))
        .findFirst().orElseThrow();
  }

  private Map<String, Object> dossierVariables(Dossier d) {
    String pi = dossierRepository.find(d.code()).orElseThrow().processInstanceId();
    return history.createHistoricVariableInstanceQuery().processInstanceId(pi).list().stream()
        .filter(v -> v.getValue() != null)
        .collect(java.util.stream.Collectors.toMap(v -> v.getName(), v -> v.getValue(), (a, b) -> b));
  }

  private DossierStatus status(Dossier d) {
    return dossierRepository.find(d.code()).orElseThrow().status();
  }

  // ---- paths ----

  @Test
  @Order(1)
  void emptyAgendaEndsTheSessionAtItsOwnEndEvent() {
    ProcessInstance pi = open();
    assertThat(pi).isEnded().hasPassed("Task_PrepareAgenda", "EndEvent_NoAgenda").hasNotPassed("Task_OpenBallot");
    assertThat(sessions.find(pi.getBusinessKey()).orElseThrow().status()).isEqualTo("NO_AGENDA");
  }

  @Test
  @Order(2)
  void theStartFormSetsTheBusinessKeyAndADuplicateKeyIsRefusedAndPeopleCannotStartIt() {
    Dossier d = fixtures.awaitingCouncil("BK_TINH");
    String definition = repository.createProcessDefinitionQuery().processDefinitionKey("council-session")
        .latestVersion().singleResult().getId();
    // issue 15: Home Affairs opens sessions through the project's API (POST /api/council-sessions), which starts
    // them for the user; nobody starts the process directly
    identity.setAuthentication("appraiser", List.of("home-affairs"));
    try {
      assertThatThrownBy(() -> forms.submitStartForm(definition, Map.of("year", 2031L, "round", 1L)))
          .isInstanceOf(org.camunda.bpm.engine.AuthorizationException.class);
    } finally {
      identity.clearAuthentication();
    }
    ProcessInstance pi = engineAuthentication.withoutChecks(() -> {
      identity.setAuthentication("appraiser", List.of("home-affairs"));
      try {
        return forms.submitStartForm(definition, Map.of("year", 2031L, "round", 1L, "note", "Họp trực tuyến"));
      } finally {
        identity.clearAuthentication();
      }
    });
    assertThat(pi.getBusinessKey()).isEqualTo("2031-R1");
    assertThat(pi).isWaitingAt("Task_Ballot");
    assertThat(tasks.createTaskQuery().processInstanceId(pi.getId()).list()).hasSize(9)
        .allSatisfy(t -> assertThat(t.getDueDate()).isAfter(now));
    var session = sessions.find("2031-R1").orElseThrow();
    assertThat(session.openedBy()).isEqualTo("appraiser");
    assertThat(session.note()).isEqualTo("Họp trực tuyến");
    assertThat(sessions.agenda("2031-R1")).extracting(CouncilRepository.AgendaItem::dossierCode).contains(d.code());
    assertThat(runtime.getVariable(pi.getId(), "agendaOptions").toString()).contains(d.code());

    assertThatThrownBy(() -> forms.submitStartForm(definition, Map.of("year", 2031L, "round", 1L)))
        .isInstanceOf(ProcessEngineException.class).hasMessageContaining("Phiên họp 2031-R1 đã được mở");
    assertThatThrownBy(() -> runtime.startProcessInstanceByKey("council-session", "2031-R1",
        Map.of("year", 2031, "round", 1))).isInstanceOf(ProcessEngineException.class);
    assertThatThrownBy(() -> runtime.startProcessInstanceByKey("council-session", "2031-R9",
        Map.of("year", 2031, "round", 2))).isInstanceOf(ProcessEngineException.class).hasMessageContaining("không khớp");
    runtime.deleteProcessInstance(pi.getId(), "test");
  }

  @Test
  @Order(3)
  void thresholdsWithNineMembersAtAndOneVoteUnderAndTheDossiersReceiveTheTally() throws Exception {
    Dossier cstdPass = fixtures.awaitingCouncil("CSTD_TINH");
    Dossier cstdFail = fixtures.awaitingCouncil("CSTD_TINH");
    Dossier bkPass = fixtures.awaitingCouncil("BK_TINH");
    Dossier bkFail = fixtures.awaitingCouncil("BK_TINH");
    ProcessInstance pi = open();
    assertThat(pi).isWaitingAt("Task_Ballot");
    assertThat(runtime.getVariable(pi.getId(), "memberCount")).isEqualTo(9);

    for (int m = 1; m <= 9; m++) {
      List<String> yes = new ArrayList<>(List.of(cstdPass.code()));
      if (m <= 8) {
        yes.add(cstdFail.code());
      }
      if (m <= 5) {
        yes.add(bkPass.code());
      }
      if (m <= 4) {
        yes.add(bkFail.code());
      }
      vote(pi, "council" + m, yes.toArray(String[]::new));
    }
    assertThat(pi).isWaitingAt("Task_CheckQuorum");
    runJobs(pi);
    assertThat(pi).isEnded().hasPassed("Task_Tally", "Task_Minutes", "EndEvent_Resolved")
        .hasNotPassed("Task_Reconvene");

    assertThat(item(pi, cstdPass)).satisfies(i -> {
      assertThat(i.votesFor()).isEqualTo(9);
      assertThat(i.votesRequired()).isEqualTo(9);
      assertThat(i.outcome()).isEqualTo("PASSED");
    });
    assertThat(item(pi, cstdFail)).satisfies(i -> {
      assertThat(i.votesFor()).isEqualTo(8);
      assertThat(i.votesAgainst()).isEqualTo(1);
      assertThat(i.outcome()).isEqualTo("NOT_PASSED");
    });
    assertThat(item(pi, bkPass)).satisfies(i -> {
      assertThat(i.votesFor()).isEqualTo(5);
      assertThat(i.votesRequired()).isEqualTo(5);
      assertThat(i.outcome()).isEqualTo("PASSED");
    });
    assertThat(item(pi, bkFail)).satisfies(i -> {
      assertThat(i.votesFor()).isEqualTo(4);
      assertThat(i.votesAgainst()).isEqualTo(5);
      assertThat(i.votesAbsent()).isZero();
      assertThat(i.outcome()).isEqualTo("NOT_PASSED");
    });

    // each dossier's process got CouncilResolution with its tally and left AWAITING_COUNCIL
    assertThat(dossierVariables(cstdPass)).containsEntry("councilPassed", true).containsEntry("votesFor", 9)
        .containsEntry("votesAgainst", 0).containsEntry("votesAbsent", 0).containsEntry("votesRequired", 9)
        .containsEntry("councilMembers", 9).containsEntry("councilSession", pi.getBusinessKey());
    assertThat(dossierVariables(bkFail)).containsEntry("councilPassed", false).containsEntry("votesFor", 4)
        .containsEntry("votesAgainst", 5).containsEntry("votesRequired", 5);
    // passed: on to the public notice
    assertThat(status(cstdPass)).isEqualTo(DossierStatus.PUBLIC_NOTICE);
    assertThat(status(bkPass)).isEqualTo(DossierStatus.PUBLIC_NOTICE);
    assertThat(status(cstdFail)).isEqualTo(DossierStatus.NOT_AWARDED);
    assertThat(status(bkFail)).isEqualTo(DossierStatus.NOT_AWARDED);

    // the minutes: agenda, attendance with times, each tally
    byte[] pdf = sessions.minutes(pi.getBusinessKey()).orElseThrow();
    String text;
    try (PDDocument doc = Loader.loadPDF(pdf)) {
      text = new PDFTextStripper().getText(doc).replaceAll("\\s+", " ");
    }
    assertThat(text).contains("BIÊN BẢN", pi.getBusinessKey(), "Chương trình phiên họp", "Kết quả kiểm phiếu");
    for (int m = 1; m <= 9; m++) {
      assertThat(text).contains("(council" + m + "): bỏ phiếu lúc");
    }
    assertThat(text).contains("Hồ sơ " + cstdPass.code())
        .contains("Tán thành: 9; Không tán thành: 0; Vắng mặt: 0; Số phiếu cần đạt: 9. Kết quả: THÔNG QUA")
        .contains("Tán thành: 8; Không tán thành: 1; Vắng mặt: 0; Số phiếu cần đạt: 9. Kết quả: KHÔNG THÔNG QUA")
        .contains("Tán thành: 5; Không tán thành: 4; Vắng mặt: 0; Số phiếu cần đạt: 5. Kết quả: THÔNG QUA")
        .contains("Tán thành: 4; Không tán thành: 5; Vắng mặt: 0; Số phiếu cần đạt: 5. Kết quả: KHÔNG THÔNG QUA");

    // secret ballot: no vote in the engine's history (variables, details, form fields) nor its runtime
    assertThat(history.createHistoricVariableInstanceQuery().variableName(BallotBox.APPROVALS).count()).isZero();
    assertThat(history.createHistoricDetailQuery().processInstanceId(pi.getId()).list())
        .noneMatch(h -> h instanceof HistoricVariableUpdate u && u.getVariableName().equals(BallotBox.APPROVALS))
        .noneMatch(h -> h instanceof HistoricFormField);
    var ballots = history.createHistoricTaskInstanceQuery().processInstanceId(pi.getId())
        .taskDefinitionKey("Task_Ballot").finished().list();
    assertThat(ballots).hasSize(9).allSatisfy(t -> assertThat(t.getAssignee()).startsWith("council"));
    var ballotIds = ballots.stream().map(t -> t.getId()).toList();
    assertThat(history.createHistoricDetailQuery().formFields().list())
        .noneMatch(f -> f.getTaskId() != null && ballotIds.contains(f.getTaskId()));
  }

  @Test
  @Order(4)
  void withTenMembersHalfIsNotAMajorityAndNinetyPercentIsExact() {
    User tenth = identity.newUser("council10");
    tenth.setFirstName("Thành viên 10");
    tenth.setLastName("Hội đồng");
    identity.saveUser(tenth);
    identity.createMembership("council10", "council");
    try {
      Dossier bkHalf = fixtures.awaitingCouncil("BK_TINH");
      Dossier bkSix = fixtures.awaitingCouncil("BK_TINH");
      Dossier cstdNine = fixtures.awaitingCouncil("CSTD_TINH");
      ProcessInstance pi = open();
      assertThat(runtime.getVariable(pi.getId(), "memberCount")).isEqualTo(10);
      for (int m = 1; m <= 10; m++) {
        List<String> yes = new ArrayList<>();
        if (m <= 5) {
          yes.add(bkHalf.code());
        }
        if (m <= 6) {
          yes.add(bkSix.code());
        }
        if (m <= 9) {
          yes.add(cstdNine.code());
        }
        vote(pi, "council" + m, yes.toArray(String[]::new));
      }
      runJobs(pi);
      assertThat(pi).isEnded().hasPassed("EndEvent_Resolved");
      assertThat(item(pi, bkHalf)).satisfies(i -> {
        assertThat(i.votesFor()).isEqualTo(5);
        assertThat(i.votesRequired()).isEqualTo(6);
        assertThat(i.outcome()).isEqualTo("NOT_PASSED");
      });
      assertThat(item(pi, bkSix).outcome()).isEqualTo("PASSED");
      assertThat(item(pi, cstdNine)).satisfies(i -> {
        assertThat(i.votesRequired()).isEqualTo(9);
        assertThat(i.outcome()).isEqualTo("PASSED");
      });
      assertThat(dossierVariables(bkHalf)).containsEntry("councilPassed", false).containsEntry("councilMembers", 10);
    } finally {
      identity.deleteUser("council10");
    }
  }

  @Test
  @Order(5)
  void withoutQuorumTheSessionIsReconvenedAndEarlierBallotsAreDiscarded() {
    Dossier bk = fixtures.awaitingCouncil("BK_TINH");
    Dossier cstd = fixtures.awaitingCouncil("CSTD_TINH");
    ProcessInstance pi = open();
    for (int m = 1; m <= 3; m++) {
      vote(pi, "council" + m, bk.code(), cstd.code());
    }
    deadlinePasses(pi);

    // 3 of 9 voted: no quorum (6 needed), nothing decided, Home Affairs reconvenes
    assertThat(pi).isWaitingAt("Task_Reconvene").task().hasCandidateGroup("home-affairs");
    assertThat(tasks.createTaskQuery().processInstanceId(pi.getId()).taskDefinitionKey("Task_Ballot").count()).isZero();
    assertThat(runtime.getVariable(pi.getId(), "quorumReached")).isEqualTo(false);
    assertThat(runtime.getVariable(pi.getId(), "ballotsCast")).isEqualTo(3);
    assertThat(sessions.find(pi.getBusinessKey()).orElseThrow().status()).isEqualTo("NO_QUORUM");
    assertThat(status(bk)).isEqualTo(DossierStatus.AWAITING_COUNCIL);
    assertThat(item(pi, bk).outcome()).isNull();

    Task reconvene = tasks.createTaskQuery().processInstanceId(pi.getId()).singleResult();
    assertThatThrownBy(() -> tasks.complete(reconvene.getId())).isInstanceOf(ProcessEngineException.class)
        .hasMessageContaining("Chưa nhập nội dung triệu tập lại");
    tasks.complete(reconvene.getId(), Map.of("reconveneNote", "Họp lại ngày 20/3, bỏ phiếu trong 3 ngày làm việc.",
        "reconveneWorkingDays", 3L));

    // a new ballot round: every member (also those who voted) has a new ballot, the old count is gone
    assertThat(pi).isWaitingAt("Task_Ballot");
    assertThat(runtime.getVariable(pi.getId(), "ballotRound")).isEqualTo(2);
    assertThat(tasks.createTaskQuery().processInstanceId(pi.getId()).taskDefinitionKey("Task_Ballot").count())
        .isEqualTo(9);
    assertThat(sessions.attendance(pi.getBusinessKey(), 2)).isEmpty();

    // 6 of 9 vote: quorum holds, 3 absent
    for (int m = 4; m <= 9; m++) {
      vote(pi, "council" + m, bk.code());
    }
    deadlinePasses(pi);
    assertThat(pi).isEnded().hasPassed("Task_Tally", "EndEvent_Resolved");
    assertThat(item(pi, bk)).satisfies(i -> {
      assertThat(i.votesFor()).isEqualTo(6);
      assertThat(i.votesAgainst()).isZero();
      assertThat(i.votesAbsent()).isEqualTo(3);
      assertThat(i.votesRequired()).isEqualTo(5);
      assertThat(i.outcome()).isEqualTo("PASSED");
    });
    assertThat(item(pi, cstd)).satisfies(i -> {
      assertThat(i.votesFor()).isZero();
      assertThat(i.votesAgainst()).isEqualTo(6);
      assertThat(i.votesAbsent()).isEqualTo(3);
      assertThat(i.outcome()).isEqualTo("NOT_PASSED");
    });
    assertThat(dossierVariables(bk)).containsEntry("councilPassed", true).containsEntry("votesAbsent", 3);
    assertThat(status(bk)).isEqualTo(DossierStatus.PUBLIC_NOTICE);
    assertThat(status(cstd)).isEqualTo(DossierStatus.NOT_AWARDED);
  }

  @Test
  @Order(6)
  void aWithdrawnDossierIsSkippedAndBadBallotsAreRefused() {
    Dossier kept = fixtures.awaitingCouncil("BK_TINH");
    Dossier withdrawn = fixtures.awaitingCouncil("BK_TINH");
    ProcessInstance pi = open();

    Task first = ballot(pi, "council1");
    identity.setAuthenticatedUserId("council1");
    try {
      assertThatThrownBy(() -> tasks.complete(first.getId(), Map.of(BallotBox.APPROVALS, "2025-xx-9999")))
          .isInstanceOf(ProcessEngineException.class).hasMessageContaining("2025-xx-9999");
    } finally {
      identity.clearAuthentication();
    }
    identity.setAuthentication("admin", List.of("camunda-admin"));
    try {
      assertThatThrownBy(() -> tasks.complete(first.getId(), Map.of(BallotBox.APPROVALS, kept.code())))
          .isInstanceOf(ProcessEngineException.class).hasMessageContaining("Chỉ thành viên");
    } finally {
      identity.clearAuthentication();
    }
    assertThat(sessions.attendance(pi.getBusinessKey(), 1)).isEmpty();

    dossierRepository.updateStatus(withdrawn.code(), DossierStatus.WITHDRAWN, "Đơn vị rút hồ sơ.",
        java.time.OffsetDateTime.now());
    for (int m = 1; m <= 9; m++) {
      vote(pi, "council" + m, kept.code(), withdrawn.code());
    }
    runJobs(pi);
    assertThat(pi).isEnded().hasPassed("EndEvent_Resolved");
    assertThat(item(pi, kept).outcome()).isEqualTo("PASSED");
    assertThat(item(pi, withdrawn)).satisfies(i -> {
      assertThat(i.outcome()).isEqualTo("SKIPPED");
      assertThat(i.votesFor()).isNull();
    });
    // the withdrawn dossier's process received no resolution
    assertThat(dossierVariables(withdrawn)).doesNotContainKey("councilPassed");
  }
  @Test
  @Order(7)
  void earlyCloseIsRefusedWhileAMemberHasNotVotedAndCountsAWrittenOpinionAsAVote() throws Exception {
    Dossier bk = fixtures.awaitingCouncil("BK_TINH");
    Dossier cstd = fixtures.awaitingCouncil("CSTD_TINH");
    ProcessInstance pi = open();
    String key = pi.getBusinessKey();
    for (int m = 1; m <= 7; m++) {
      vote(pi, "council" + m, bk.code(), cstd.code());
    }
    // two members have not voted: the early close names them and changes nothing
    refused(() -> secretary.close(key, HOME_AFFAIRS), 409, "còn 2 thành viên chưa bỏ phiếu");
    assertThat(pi).isWaitingAt("Task_Ballot");
    assertThat(sessions.find(key).orElseThrow().closedEarlyBy()).isNull();
    // only Home Affairs closes, records written opinions
    var member = new vn.gov.sonla.tdkt.identity.CurrentUser("council1", java.util.Set.of("council"));
    refused(() -> secretary.close(key, member), 403, "Chỉ Sở Nội vụ");
    refused(() -> secretary.recordWrittenOpinion(key, "council8", List.of(bk.code()), member), 403, "Chỉ Sở Nội vụ");
    // a written opinion: of a member of the session, once, on agenda items only
    refused(() -> secretary.recordWrittenOpinion(key, "officer.sgddt", List.of(), HOME_AFFAIRS), 400,
        "không phải thành viên Hội đồng");
    refused(() -> secretary.recordWrittenOpinion(key, "council1", List.of(), HOME_AFFAIRS), 409, "đã bỏ phiếu");
    refused(() -> secretary.recordWrittenOpinion(key, "council8", List.of("2025-xx-0001"), HOME_AFFAIRS), 400,
        "2025-xx-0001");
    assertThat(sessions.attendance(key, 1)).hasSize(7);

    vote(pi, "council9", bk.code());
    refused(() -> secretary.close(key, HOME_AFFAIRS), 409, "còn 1 thành viên chưa bỏ phiếu");
    assertThat(pi).isWaitingAt("Task_Ballot");
    // the last one, council8, sends a written opinion in favour of both (counted as a vote under the rule in force)
    var rule = secretary.recordWrittenOpinion(key, "council8", List.of(bk.code(), cstd.code()), HOME_AFFAIRS);
    assertThat(rule.counting()).isEqualTo(WrittenOpinionRule.Counting.VOTE);
    assertThat(rule.source()).isNotBlank();
    // their own online ballot is then refused
    Task own = ballot(pi, "council8");
    identity.setAuthenticatedUserId("council8");
    try {
      assertThatThrownBy(() -> tasks.complete(own.getId(), Map.of(BallotBox.APPROVALS, bk.code())))
          .isInstanceOf(ProcessEngineException.class).hasMessageContaining("đã bỏ phiếu");
    } finally {
      identity.clearAuthentication();
    }
    // everyone took part, but council8's ballot task is still open: the vote waits for the early close
    assertThat(pi).isWaitingAt("Task_Ballot");
    secretary.close(key, HOME_AFFAIRS);
    assertThat(pi).hasPassed("Message_VoteClosedEarly").isWaitingAt("Task_CheckQuorum");
    assertThat(tasks.createTaskQuery().processInstanceId(pi.getId()).count()).isZero();
    assertThat(sessions.find(key).orElseThrow().closedEarlyBy()).isEqualTo("appraiser");
    refused(() -> secretary.close(key, HOME_AFFAIRS), 409, "không đang trong thời gian biểu quyết");
    runJobs(pi);
    assertThat(pi).isEnded().hasPassed("Task_Tally", "EndEvent_Resolved");
    assertThat(item(pi, bk)).satisfies(i -> {
      assertThat(i.votesFor()).isEqualTo(9);
      assertThat(i.votesAbsent()).isZero();
      assertThat(i.outcome()).isEqualTo("PASSED");
    });
    assertThat(item(pi, cstd)).satisfies(i -> {
      assertThat(i.votesFor()).isEqualTo(8);
      assertThat(i.votesAgainst()).isEqualTo(1);
      assertThat(i.outcome()).isEqualTo("NOT_PASSED");
    });
    String text = minutesText(sessions.minutes(key).orElseThrow());
    assertThat(text).contains("Phó Chủ tịch UBND tỉnh – Chủ tịch Hội đồng (council1)")
        .contains("phiếu lấy ý kiến (tính như phiếu biểu quyết) (council8)");
  }

  @Test
  @Order(8)
  void aWrittenOpinionBeforeTheLastBallotLetsTheVoteEndWhenTheOthersHaveVoted() {
    Dossier bk = fixtures.awaitingCouncil("BK_TINH");
    ProcessInstance pi = open();
    secretary.recordWrittenOpinion(pi.getBusinessKey(), "council5", List.of(), HOME_AFFAIRS);
    for (int m = 1; m <= 9; m++) {
      if (m != 5) {
        vote(pi, "council" + m, bk.code());
      }
    }
    // the last ballot completes the round: council5's open ballot is cancelled
    assertThat(pi).isWaitingAt("Task_CheckQuorum").hasNotPassed("Message_VoteClosedEarly");
    runJobs(pi);
    assertThat(item(pi, bk)).satisfies(i -> {
      assertThat(i.votesFor()).isEqualTo(8);
      assertThat(i.votesAgainst()).isEqualTo(1);
      assertThat(i.votesAbsent()).isZero();
    });
  }

  @Test
  @Order(9)
  void aMeetingIsTalliedFromTheCommitteesTotalsAndWrittenOpinions() throws Exception {
    Dossier bk = fixtures.awaitingCouncil("BK_TINH");
    Dossier cstd = fixtures.awaitingCouncil("CSTD_TINH");
    ProcessInstance pi = openMeeting();
    String key = pi.getBusinessKey();
    assertThat(pi).isWaitingAt("Task_RecordMeeting").task().hasCandidateGroup("home-affairs");
    assertThat(tasks.createTaskQuery().processInstanceId(pi.getId()).taskDefinitionKey("Task_Ballot").count())
        .isZero();
    assertThat(sessions.find(key).orElseThrow().mode()).isEqualTo("MEETING");
    // the task cannot be completed before the totals are recorded
    Task record = tasks.createTaskQuery().processInstanceId(pi.getId()).singleResult();
    assertThatThrownBy(() -> tasks.complete(record.getId())).isInstanceOf(ProcessEngineException.class)
        .hasMessageContaining("Chưa ghi kết quả kiểm phiếu");
    refused(() -> secretary.close(key, HOME_AFFAIRS), 409, "họp trực tiếp");
    // an absent member's written opinion, in favour of the BK dossier
    secretary.recordWrittenOpinion(key, "council9", List.of(bk.code()), HOME_AFFAIRS);
    // bad totals are refused and nothing is recorded
    var withoutCstd = totals(pi, total(bk, 8, 4, 3)).stream().filter(t -> !t.code().equals(cstd.code())).toList();
    refused(() -> secretary.recordMeetingTotals(key, withoutCstd, HOME_AFFAIRS), 400, "Thiếu kết quả kiểm phiếu");
    refused(() -> secretary.recordMeetingTotals(key, withoutCstd, HOME_AFFAIRS), 400, cstd.code());
    refused(() -> secretary.recordMeetingTotals(key, totals(pi, total(bk, 8, 6, 3), total(cstd, 8, 8, 0)),
        HOME_AFFAIRS), 400, "vượt quá số thành viên có mặt");
    refused(() -> secretary.recordMeetingTotals(key, totals(pi, total(bk, 9, 4, 3), total(cstd, 8, 8, 0)),
        HOME_AFFAIRS), 400, "vượt quá 9 thành viên");
    assertThat(sessions.meetingTotals(key, 1)).isEmpty();
    assertThat(pi).isWaitingAt("Task_RecordMeeting");

    secretary.recordMeetingTotals(key, totals(pi, total(bk, 8, 4, 3), total(cstd, 8, 8, 0)), HOME_AFFAIRS);
    assertThat(pi).hasPassed("Task_RecordMeeting").isWaitingAt("Task_CheckQuorum");
    runJobs(pi);
    assertThat(pi).isEnded().hasPassed("Task_Tally", "EndEvent_Resolved").hasNotPassed("Task_Ballot");
    assertThat(runtime.createProcessInstanceQuery().processInstanceId(pi.getId()).count()).isZero();
    // BK: 4 at the meeting + 1 written = 5 of 9 (more than half) → passed; one abstained
    assertThat(item(pi, bk)).satisfies(i -> {
      assertThat(i.votesFor()).isEqualTo(5);
      assertThat(i.votesAgainst()).isEqualTo(3);
      assertThat(i.votesAbsent()).isZero();
      assertThat(i.votesRequired()).isEqualTo(5);
      assertThat(i.outcome()).isEqualTo("PASSED");
    });
    // CSTD: 8 at the meeting, the written opinion against → 8 of 9 required 9 → not passed
    assertThat(item(pi, cstd)).satisfies(i -> {
      assertThat(i.votesFor()).isEqualTo(8);
      assertThat(i.votesAgainst()).isEqualTo(1);
      assertThat(i.outcome()).isEqualTo("NOT_PASSED");
    });
    assertThat(status(bk)).isEqualTo(DossierStatus.PUBLIC_NOTICE);
    assertThat(status(cstd)).isEqualTo(DossierStatus.NOT_AWARDED);
    assertThat(minutesText(sessions.minutes(key).orElseThrow())).contains("Họp trực tiếp");
  }

  @Test
  @Order(10)
  void aMeetingWithoutQuorumIsReconvenedAndAnUnknownModeIsRefused() {
    fixtures.awaitingCouncil("BK_TINH");
    int round = ROUNDS.incrementAndGet();
    assertThatThrownBy(() -> runtime.startProcessInstanceByKey("council-session", CouncilSession.key(YEAR, round),
        Map.of("year", YEAR, "round", round, "mode", "EMAIL"))).isInstanceOf(ProcessEngineException.class)
        .hasMessageContaining("Hình thức họp");
    ProcessInstance pi = openMeeting();
    String key = pi.getBusinessKey();
    var codes = sessions.agenda(key).stream()
        .map(i -> new CouncilSessionService.MeetingTotalRequest(i.dossierCode(), 3, 1, 5)).toList();
    secretary.recordMeetingTotals(key, codes, HOME_AFFAIRS);
    runJobs(pi);
    // 5 present of 9: below two thirds (6)
    assertThat(pi).isWaitingAt("Task_Reconvene");
    assertThat(runtime.getVariable(pi.getId(), "ballotsCast")).isEqualTo(5);
    runtime.deleteProcessInstance(pi.getId(), "test");
  }

  @Test
  @Order(11)
  void aLabourOrdersDossierStaysOffTheAgendaUntilItsConsultationEndsThenHomeAffairsIsToldAndTheCouncilTakesIt() {
    Dossier order = fixtures.awaitingCouncil("HCLD_3");
    Dossier merit = fixtures.awaitingCouncil("BK_TINH");
    String orderInstance = dossierRepository.find(order.code()).orElseThrow().processInstanceId();
    assertThat(status(order)).isEqualTo(DossierStatus.AWAITING_COUNCIL);
    Job consultation = management.createJobQuery().processInstanceId(orderInstance)
        .activityId("Timer_ConsultationPeriod").singleResult();
    assertThat(consultation).as("consultation before the council").isNotNull();

    ProcessInstance first = open();
    assertThat(sessions.agenda(first.getBusinessKey())).extracting(CouncilRepository.AgendaItem::dossierCode)
        .contains(merit.code()).doesNotContain(order.code());
    runtime.deleteProcessInstance(first.getId(), "test");

    ClockUtil.setCurrentTime(new Date(consultation.getDuedate().getTime() + 60_000));
    management.executeJob(consultation.getId());
    assertThat(runtime.createProcessInstanceQuery().processInstanceId(orderInstance).singleResult())
        .isWaitingAt("Event_AwaitCouncilResolution");
    assertThat(notifications.forDossier(order.code())).anySatisfy(n -> {
      assertThat(n.recipient()).isEqualTo("home-affairs");
      assertThat(n.kind()).isEqualTo("CONSULTATION_ENDED");
    });

    ProcessInstance second = open();
    assertThat(sessions.agenda(second.getBusinessKey())).extracting(CouncilRepository.AgendaItem::dossierCode)
        .contains(order.code(), merit.code());
    runtime.deleteProcessInstance(second.getId(), "test");
  }
}

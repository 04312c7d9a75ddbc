package vn.gov.sonla.tdkt.bloc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.init;

import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import vn.gov.sonla.tdkt.award.DocumentType;
import vn.gov.sonla.tdkt.dossier.DocumentRepository;
import vn.gov.sonla.tdkt.dossier.DossierRepository;
import vn.gov.sonla.tdkt.dossier.StoredDocument;
import vn.gov.sonla.tdkt.support.AppTest;

/** Every path of emulation-year and bloc-year, with the engine clock moved through the year. */
@AppTest
class BlocYearProcessTest {

  private static final ZoneId VN = ZoneId.of("Asia/Ho_Chi_Minh");

  @Autowired ProcessEngine engine;
  @Autowired RuntimeService runtime;
  @Autowired TaskService tasks;
  @Autowired ManagementService management;
  @Autowired IdentityService identity;
  @Autowired BlocService blocs;
  @Autowired BlocRepository repository;
  @Autowired DossierRepository dossiers;
  @Autowired DocumentRepository documents;
  @Autowired JdbcClient jdbc;

  @BeforeEach
  void setUp() {
    init(engine);
  }

  @AfterEach
  void reset() {
    ClockUtil.reset();
  }

  private static Date at(int year, int month, int day, int hour) {
    return Date.from(ZonedDateTime.of(year, month, day, hour, 0, 0, 0, VN).toInstant());
  }

  private List<String> bloc(String code, String prefix, int year) {
    List<String> units = BlocFixtures.units(identity, prefix, 3, "Đơn vị " + prefix);
    blocs.save(new BlocService.BlocRequest(code, "Khối thi đua " + code, "BLOC", year, units, units.get(0), units.get(1)),
        BlocFixtures.HOME_AFFAIRS);
    return units;
  }

  private void executeJob(ProcessInstance pi, String activity) {
    management.executeJob(management.createJobQuery().processInstanceId(pi.getId()).activityId(activity)
        .singleResult().getId());
  }

  @Test
  @SuppressWarnings("unchecked")
  void theEmulationYearRemindsTheUnitsNotRegisteredThenOpensEachBlocsYearEnd() {
    List<String> units = bloc("py-a", "pya", 2026);
    ClockUtil.setCurrentTime(at(2026, 1, 5, 9));
    ProcessInstance year = runtime.startProcessInstanceByKey(BlocService.YEAR_PROCESS, "2026");
    assertThat(year).isWaitingAt("Timer_RegistrationDeadline").hasPassed("Task_OpenRegistration");
    assertThat((List<Object>) runtime.getVariable(year.getId(), "blocCodes")).containsExactly("py-a");
    // the 20th working day of 2026: 29 January (1 and 2 January are holidays)
    assertThat(runtime.getVariable(year.getId(), "registrationDeadline")).isEqualTo(at(2026, 1, 29, 17));
    for (String unit : units.subList(0, 2)) {
      blocs.register(new BlocService.RegistrationRequest(2026, null, "Hoàn thành xuất sắc nhiệm vụ năm 2026.",
          List.of("TTLDXS")), BlocFixtures.officer(unit));
    }
    ClockUtil.setCurrentTime(at(2026, 1, 29, 17));
    executeJob(year, "Timer_RegistrationDeadline");
    assertThat(year).isWaitingAt("Timer_YearEnd").hasPassed("Task_RemindUnregistered");
    assertThat(repository.reminders(2026)).containsOnlyKeys(units.get(2));
    assertThat(jdbc.sql("SELECT COUNT(*) FROM notification WHERE recipient = :r AND kind = 'BLOC_REGISTRATION_REMINDER'")
        .param("r", "unit-" + units.get(2)).query(Long.class).single()).isEqualTo(1);

    ClockUtil.setCurrentTime(at(2026, 12, 1, 8));
    executeJob(year, "Timer_YearEnd");
    assertThat(year).isWaitingAt("Call_BlocYear");
    ProcessInstance bloc = runtime.createProcessInstanceQuery().processDefinitionKey(BlocService.BLOC_PROCESS)
        .processInstanceBusinessKey("2026-py-a").singleResult();
    assertThat(bloc).isWaitingAt("Task_SelfAssess");
    assertThat(tasks.createTaskQuery().processInstanceId(bloc.getId()).count()).isEqualTo(3);
    scoreAndReview(bloc, "py-a", units, 2026);
    blocs.review("py-a", 2026, new BlocService.ReviewRequest(true, null), BlocFixtures.officer(units.get(1)));
    blocs.proposeFlags("py-a", 2026, new BlocService.FlagRequest(List.of()), BlocFixtures.officer(units.get(0)));
    assertThat(bloc).isEnded();
    assertThat(year).isEnded().hasPassed("EndEvent_Done");
  }

  private ProcessInstance scored(String code, List<String> units) {
    ClockUtil.setCurrentTime(at(2025, 12, 2, 9));
    ProcessInstance pi = runtime.startProcessInstanceByKey(BlocService.BLOC_PROCESS, "2025-" + code,
        Map.of("year", 2025, "blocCode", code));
    return scoreAndReview(pi, code, units, 2025);
  }

  /** Every member self-assesses, the head (the deputy for the head) scores: the ranking waits for the deputy. */
  private ProcessInstance scoreAndReview(ProcessInstance pi, String code, List<String> units, int yearOfBloc) {
    assertThat(pi).isWaitingAt("Task_SelfAssess");
    int i = 0;
    for (String unit : units) {
      blocs.selfAssess(code, yearOfBloc, new BlocService.SelfAssessmentRequest(null, "Báo cáo tự đánh giá của " + unit,
          "Công văn số " + (++i) + "/BC", BlocFixtures.points(35, 18, 14, 14, 9), 0), BlocFixtures.officer(unit));
    }
    assertThat(pi).isWaitingAt("Task_Score");
    String head = units.get(0);
    String deputy = units.get(1);
    blocs.score(code, yearOfBloc, new BlocService.ScoreRequest(head, BlocFixtures.points(36, 18, 14, 14, 9)),
        BlocFixtures.officer(deputy));
    blocs.score(code, yearOfBloc, new BlocService.ScoreRequest(deputy, BlocFixtures.points(38, 18, 14, 14, 9)),
        BlocFixtures.officer(head));
    blocs.score(code, yearOfBloc, new BlocService.ScoreRequest(units.get(2), BlocFixtures.points(30, 15, 10, 10, 8)),
        BlocFixtures.officer(head));
    blocs.completeScoring(code, yearOfBloc, BlocFixtures.officer(head));
    assertThat(pi).hasPassed("Task_Rank").isWaitingAt("Task_DeputyReview");
    assertThat(repository.ranking(code, yearOfBloc)).extracting(Bloc.Ranked::unitCode)
        .containsExactly(deputy, head, units.get(2));
    return pi;
  }

  @Test
  void theDeputySendsTheScoresBackThenApprovesAndTheHeadProposesNoUnit() {
    List<String> units = bloc("py-b", "pyb", 2025);
    ProcessInstance pi = scored("py-b", units);
    blocs.review("py-b", 2025, new BlocService.ReviewRequest(false, "Chấm lại tiêu chí NV của Phó khối."),
        BlocFixtures.officer(units.get(1)));
    assertThat(pi).isWaitingAt("Task_Score");
    blocs.completeScoring("py-b", 2025, BlocFixtures.officer(units.get(0)));
    blocs.review("py-b", 2025, new BlocService.ReviewRequest(true, null), BlocFixtures.officer(units.get(1)));
    assertThat(pi).hasPassed("Task_Publish").isWaitingAt("Task_ProposeFlags");
    assertThat(repository.ranking("py-b", 2025)).allSatisfy(r -> assertThat(r.publishedAt()).isNotNull());
    blocs.proposeFlags("py-b", 2025, new BlocService.FlagRequest(List.of()), BlocFixtures.officer(units.get(0)));
    assertThat(pi).isEnded().hasPassed("EndEvent_NoneProposed");
  }

  @Test
  void theHeadsProposalBecomesACoTinhDossierWithTheMinutes() {
    List<String> units = bloc("py-c", "pyc", 2025);
    ProcessInstance pi = scored("py-c", units);
    blocs.review("py-c", 2025, new BlocService.ReviewRequest(true, "Đúng biên bản hội nghị."),
        BlocFixtures.officer(units.get(1)));
    // beyond the number allowed, or not among the leading units: refused
    assertThatThrownBy(() -> blocs.proposeFlags("py-c", 2025, new BlocService.FlagRequest(List.of(units.get(0))),
        BlocFixtures.officer(units.get(0)))).hasMessageContaining("chưa hợp lệ");
    blocs.proposeFlags("py-c", 2025, new BlocService.FlagRequest(List.of(units.get(1))),
        BlocFixtures.officer(units.get(0)));
    assertThat(pi).isWaitingAt("Task_CreateFlagDossiers");
    executeJob(pi, "Task_CreateFlagDossiers");
    assertThat(pi).isEnded().hasPassed("EndEvent_Proposed");
    String code = repository.ranking("py-c", 2025).get(0).dossierCode();
    assertThat(code).startsWith("2025-" + units.get(1) + "-");
    var dossier = dossiers.find(code).orElseThrow();
    assertThat(dossier.awardType()).isEqualTo("CO_TINH");
    assertThat(dossier.createdBy()).isEqualTo("officer." + units.get(0));
    assertThat(documents.list(code)).extracting(StoredDocument::type).containsExactlyInAnyOrder(
        DocumentType.PROPOSAL_LETTER, DocumentType.ACHIEVEMENT_REPORT, DocumentType.REVIEW_MINUTES);
    assertThat(runtime.createProcessInstanceQuery().processInstanceBusinessKey(code).singleResult()).isNotNull();
  }

  @Test
  void aTasklistCompletionWithoutTheSelfAssessmentIsRefused() {
    List<String> units = bloc("py-d", "pyd", 2025);
    ClockUtil.setCurrentTime(at(2025, 12, 2, 9));
    ProcessInstance pi = runtime.startProcessInstanceByKey(BlocService.BLOC_PROCESS, "2025-py-d",
        Map.of("year", 2025, "blocCode", "py-d"));
    var task = tasks.createTaskQuery().processInstanceId(pi.getId()).taskCandidateGroup("unit-" + units.get(2))
        .singleResult();
    assertThatThrownBy(() -> tasks.complete(task.getId())).isInstanceOf(ProcessEngineException.class)
        .hasMessageContaining("chưa nộp bản tự đánh giá");
    assertThat(pi).isWaitingAt("Task_SelfAssess");
  }
}

package vn.gov.sonla.tdkt.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.history.HistoricActivityInstance;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.history.HistoricTaskInstance;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import vn.gov.sonla.tdkt.council.CouncilRepository;
import vn.gov.sonla.tdkt.decision.DecisionRepository;
import vn.gov.sonla.tdkt.dossier.Dossier;
import vn.gov.sonla.tdkt.dossier.DossierService;
import vn.gov.sonla.tdkt.notice.PublicNoticeService;
import vn.gov.sonla.tdkt.support.TestDossiers;
import vn.gov.sonla.tdkt.trail.TrailScenario;

/**
 * The reports' read model {@code step_time} (issue 20): the rows written in the engine's transaction are what the
 * engine's history says (every ended, not cancelled step the reports show, and the whole process instance), a
 * cancelled step and a rolled-back step leave none, and the backfill migration (V17_11) gives the same rows as live
 * writing. The rows compared are those of this test's dossiers (the context is shared). On H2 ({@link StepTimeReadModelTest}) and
 * PostgreSQL ({@link StepTimeReadModelPostgresTest}): the writer's and the backfill's SQL run on both.
 */
abstract class StepTimeReadModelCases {

  static final int YEAR = 2022;

  @Autowired DossierService dossiers;
  @Autowired RuntimeService runtime;
  @Autowired TaskService tasks;
  @Autowired ManagementService management;
  @Autowired IdentityService identity;
  @Autowired HistoryService history;
  @Autowired CouncilRepository council;
  @Autowired PublicNoticeService notices;
  @Autowired DecisionRepository decisions;
  @Autowired JdbcClient jdbc;
  @Autowired PlatformTransactionManager transactions;
  @Autowired ReportService reports;
  @Autowired org.springframework.jdbc.core.JdbcTemplate template;

  record Row(String id, String dossier, String activity, String type, String unit, int year, String assignee,
      long started, long ended, long duration, Long due, boolean late) {}

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  @Test
  void rowsAreTheEngineHistorysEndedStepsAndTheBackfillGivesTheSame() {
    TrailScenario.Run run = new TrailScenario(dossiers, runtime, tasks, management, identity, council, notices,
        decisions).run(YEAR);
    Dossier late = lateAppraisal();
    Dossier withdrawn = withdrawnDuringAppraisal();

    List<String> codes = List.of(run.code(), late.code(), withdrawn.code());
    List<Row> live = rows(codes);
    List<Row> expected = new ArrayList<>();
    for (String code : codes) {
      expected.addAll(fromHistory(code));
    }
    assertThat(live).containsExactlyInAnyOrderElementsOf(expected);
    // the trail dossier: two appraisals, supplement, council, notice, objection, batch decision, and the whole
    assertThat(live).filteredOn(r -> r.dossier().equals(run.code())).extracting(Row::activity)
        .containsExactlyInAnyOrder("Task_Appraise", "Task_Appraise", "Task_Supplement", "Event_AwaitCouncilResolution",
            "Sub_PublicNotice", "Task_VerifyObjection", "Event_AwaitDecisionBatch", ReportService.PROCESS);
    assertThat(live).filteredOn(r -> r.dossier().equals(late.code()))
        .singleElement().satisfies(r -> {
          assertThat(r.activity()).isEqualTo("Task_Appraise");
          assertThat(r.late()).isTrue();
          assertThat(r.assignee()).isEqualTo("appraiser");
        });
    // withdrawn during its appraisal: the cancelled appraisal leaves no row, the ended process instance does
    assertThat(live).filteredOn(r -> r.dossier().equals(withdrawn.code())).extracting(Row::activity)
        .containsExactly(ReportService.PROCESS);

    // the backfill from the engine's history gives the same rows
    int deleted = jdbc.sql("DELETE FROM step_time WHERE dossier_code IN (:codes)").param("codes", codes).update();
    assertThat(deleted).isEqualTo(live.size());
    int copied = 0;
    for (String sql : V17_11__step_time_backfill.statements()) {
      copied += jdbc.sql(sql).update();
    }
    assertThat(rows(codes)).containsExactlyInAnyOrderElementsOf(live);
    assertThat(copied).as("only the deleted rows were missing: every other dossier's were written live")
        .isEqualTo(deleted);
  }

  @Test
  void aRolledBackStepWritesNoRow() {
    ClockUtil.setCurrentTime(TrailScenario.at(2025, 7, 1, 8, 0));
    Dossier d = dossiers.create(TestDossiers.individual("ANNUAL", YEAR + 1), TestDossiers.requiredUploads("ANNUAL"),
        false, TestDossiers.OFFICER_SYT);
    Task task = appraisalTask(d.code());
    as(() -> tasks.claim(task.getId(), "appraiser"));
    ClockUtil.setCurrentTime(TrailScenario.at(2025, 7, 2, 8, 0));
    new TransactionTemplate(transactions).executeWithoutResult(status -> {
      as(() -> tasks.complete(task.getId(), Map.of("appraisalOutcome", "VALID", "appraisalSummary", "Hồ sơ hợp lệ.",
          "eligibilityOverrideReason", "Thành tích đột xuất đã được xác nhận.")));
      status.setRollbackOnly();
    });
    assertThat(tasks.createTaskQuery().taskId(task.getId()).count()).isEqualTo(1);
    assertThat(jdbc.sql("SELECT COUNT(*) FROM step_time WHERE dossier_code = :code").param("code", d.code())
        .query(Long.class).single()).isZero();

    // the same step committed writes its row
    as(() -> tasks.complete(task.getId(), Map.of("appraisalOutcome", "VALID", "appraisalSummary", "Hồ sơ hợp lệ.",
        "eligibilityOverrideReason", "Thành tích đột xuất đã được xác nhận.")));
    assertThat(jdbc.sql("SELECT activity_id FROM step_time WHERE dossier_code = :code").param("code", d.code())
        .query(String.class).list()).containsExactly("Task_Appraise");
  }

  @Test
  void theReadModelsStepsAreTheReportsSteps() {
    assertThat(StepTimes.ACTIVITIES).containsExactlyElementsOf(
        reports.steps().stream().map(ReportService.StepDefinition::activityId).toList());
  }

  /** What the engine's history says of a dossier, through the public history API. */
  /**
   * The steps' figures, grouped in the database (one array of durations per step, unit and assignee), are those
   * {@link ReportService#step} computes from the rows one by one: 3,000 rows of a year of their own over three
   * steps, twelve units and a unit with a single row per step, three appraisers and unassigned rows, with
   * negative, equal and late durations.
   */
  @Test
  void theStepsFiguresGroupedInTheDatabaseAreThoseOfTheRowsOneByOne() {
    int year = 2068;
    java.util.Random random = new java.util.Random(20);
    List<String> steps = List.of("Task_Appraise", "Task_Supplement", "Event_AwaitDecisionBatch");
    Map<String, List<ReportService.Timed>> timed = new java.util.HashMap<>();
    List<Object[]> rows = new ArrayList<>();
    for (int i = 0; i < 3_003; i++) {
      String step = steps.get(i % 3);
      String unit = i == 3_000 ? "dv-mot" : i > 3_000 ? "dv-hai" : "dv" + random.nextInt(12);
      String assignee = random.nextInt(5) == 0 ? null : "appraiser" + random.nextInt(3);
      // whole hours (many equal) or any millisecond, a few negative (a clock set back)
      long duration = random.nextBoolean() ? random.nextInt(300) * 3_600_000L
          : random.nextInt(10) == 0 ? -random.nextInt(60_000) : random.nextLong(1_000_000_000L);
      boolean late = random.nextInt(4) == 0;
      long start = 1_900_000_000_000L + i * 60_000L;
      rows.add(new Object[] {"equiv-" + i, "equiv-d" + i, "equiv-pi" + i, step, i % 7 == 0 ? null : "Bước " + step,
          unit, year, assignee, new java.sql.Timestamp(start), new java.sql.Timestamp(start + Math.max(0, duration)),
          duration, late});
      timed.computeIfAbsent(step, k -> new ArrayList<>()).add(new ReportService.Timed(
          assignee == null ? ReportService.UNASSIGNED : assignee, unit,
          new DurationStats.Sample(Math.max(0, duration), late)));
    }
    template.batchUpdate("INSERT INTO step_time (activity_instance_id, dossier_code, process_instance_id, activity_id,"
        + " activity_name, activity_type, unit_code, award_year, assignee, started_at, ended_at, duration_ms, late)"
        + " VALUES (?, ?, ?, ?, ?, 'userTask', ?, ?, ?, ?, ?, ?, ?)", rows);
    try {
      Report.Processing processing = reports.processing(year);
      for (String step : steps) {
        Report.Step actual = processing.step(step);
        Report.Step expected = ReportService.step(step, actual.label(), actual.deadline(), timed.get(step),
            step.equals("Task_Appraise"));
        assertThat(actual.label()).isEqualTo("Bước " + step);
        assertThat(actual.all()).as(step).isEqualTo(expected.all());
        assertThat(actual.all().count()).isEqualTo(1_001);
        assertThat(actual.byUnit()).as(step).isEqualTo(expected.byUnit());
        assertThat(List.copyOf(actual.byUnit().keySet())).isEqualTo(List.copyOf(expected.byUnit().keySet()));
        assertThat(actual.byAppraiser()).as(step).isEqualTo(expected.byAppraiser());
        assertThat(List.copyOf(actual.byAppraiser().keySet()))
            .isEqualTo(List.copyOf(expected.byAppraiser().keySet()));
      }
      assertThat(processing.step("Task_Appraise").byAppraiser()).containsKey(ReportService.UNASSIGNED).hasSize(4);
      assertThat(processing.step("Task_Supplement").byAppraiser()).isEmpty();
      assertThat(processing.step("Task_Supplement").byUnit().get("dv-hai").count()).isEqualTo(1);
    } finally {
      template.update("DELETE FROM step_time WHERE award_year = ? AND activity_instance_id LIKE 'equiv-%'", year);
    }
  }

  private List<Row> fromHistory(String code) {
    var dossier = jdbc.sql("SELECT unit_code, award_year, process_instance_id FROM dossier WHERE code = :code")
        .param("code", code).query((rs, i) -> new Object[] {rs.getString(1), rs.getInt(2), rs.getString(3)}).single();
    String unit = (String) dossier[0];
    int year = (Integer) dossier[1];
    String pi = (String) dossier[2];
    List<Row> rows = new ArrayList<>();
    for (HistoricActivityInstance a : history.createHistoricActivityInstanceQuery().processInstanceId(pi).finished()
        .list()) {
      if (!StepTimes.ACTIVITIES.contains(a.getActivityId()) || a.isCanceled()) {
        continue;
      }
      HistoricTaskInstance t = a.getTaskId() == null ? null
          : history.createHistoricTaskInstanceQuery().taskId(a.getTaskId()).singleResult();
      Date due = t == null ? null : t.getDueDate();
      rows.add(new Row(a.getId(), code, a.getActivityId(), a.getActivityType(), unit, year,
          t == null ? null : t.getAssignee(), a.getStartTime().getTime(), a.getEndTime().getTime(),
          a.getDurationInMillis(), due == null ? null : due.getTime(), due != null && a.getEndTime().after(due)));
    }
    HistoricProcessInstance p = history.createHistoricProcessInstanceQuery().processInstanceId(pi).singleResult();
    if (p.getEndTime() != null) {
      rows.add(new Row(pi, code, p.getProcessDefinitionKey(), StepTimes.PROCESS, unit, year, null,
          p.getStartTime().getTime(), p.getEndTime().getTime(), p.getDurationInMillis(), null, false));
    }
    return rows;
  }

  private List<Row> rows(List<String> codes) {
    return jdbc.sql("SELECT activity_instance_id, dossier_code, activity_id, activity_type, unit_code, award_year,"
            + " assignee, started_at, ended_at, duration_ms, due_at, late FROM step_time WHERE dossier_code IN (:codes)")
        .param("codes", codes)
        .query((rs, i) -> new Row(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
            rs.getInt(6), rs.getString(7), rs.getTimestamp(8).getTime(), rs.getTimestamp(9).getTime(), rs.getLong(10),
            rs.getTimestamp(11) == null ? null : rs.getTimestamp(11).getTime(), rs.getBoolean(12)))
        .list();
  }

  private Dossier lateAppraisal() {
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
    return d;
  }

  private Dossier withdrawnDuringAppraisal() {
    ClockUtil.setCurrentTime(TrailScenario.at(2025, 6, 9, 8, 0));
    Dossier d = dossiers.create(TestDossiers.individual("ANNUAL", YEAR), TestDossiers.requiredUploads("ANNUAL"), false,
        TestDossiers.OFFICER_SGDDT);
    Task task = appraisalTask(d.code());
    as(() -> tasks.claim(task.getId(), "appraiser"));
    ClockUtil.setCurrentTime(TrailScenario.at(2025, 6, 10, 8, 0));
    dossiers.withdraw(d.code(), "Đơn vị đề nghị lại vào đợt sau.", TestDossiers.OFFICER_SGDDT);
    return d;
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
}

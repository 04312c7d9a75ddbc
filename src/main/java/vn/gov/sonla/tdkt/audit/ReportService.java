package vn.gov.sonla.tdkt.audit;

import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.history.HistoricTaskInstance;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import vn.gov.sonla.tdkt.award.AwardLevel;
import vn.gov.sonla.tdkt.calendar.DeadlineProperties;
import vn.gov.sonla.tdkt.calendar.WorkingDayCalendar;
import vn.gov.sonla.tdkt.dossier.AwardKind;
import vn.gov.sonla.tdkt.dossier.DossierStatus;
import vn.gov.sonla.tdkt.dossier.SubjectKind;
import vn.gov.sonla.tdkt.identity.EngineAuthentication;
import vn.gov.sonla.tdkt.identity.Groups;

/**
 * Builds the {@link Report}: counts by SQL GROUP BY on the project's tables, processing times from the engine's
 * history of {@code commendation-dossier}, read as the system (the controller has checked the caller).
 *
 * <p>Processing: the appraisal step is every completed {@code Task_Appraise} task (a dossier returned for a
 * supplement is appraised again: each round counts), late when it ended after its due date; the whole dossier is
 * every ended process instance, late when it ended after the close of office of the N-th working day after its
 * start ({@code tdkt.reports.total-working-days}). Only process instances of a dossier in the dossier table count,
 * and with a year, only those of dossiers of that award year. The history is read whole: fine for a province's
 * yearly volume (thousands of dossiers), to be paged if it ever grows far beyond.
 */
@Service
public class ReportService {

  static final String PROCESS = "commendation-dossier";
  static final String APPRAISAL_TASK = "Task_Appraise";
  static final String UNASSIGNED = "(chưa giao)";

  private final JdbcClient jdbc;
  private final HistoryService history;
  private final IdentityService identity;
  private final EngineAuthentication engine;
  private final WorkingDayCalendar calendar;
  private final DeadlineProperties deadlines;
  private final ReportProperties properties;

  public ReportService(JdbcClient jdbc, HistoryService history, IdentityService identity, EngineAuthentication engine,
      WorkingDayCalendar calendar, DeadlineProperties deadlines, ReportProperties properties) {
    this.jdbc = jdbc;
    this.history = history;
    this.identity = identity;
    this.engine = engine;
    this.calendar = calendar;
    this.deadlines = deadlines;
    this.properties = properties;
  }

  public Report report(Integer year) {
    return new Report(year, dossiers(year), awards(year), engine.asSystem(() -> processing(year)), labels());
  }

  // ------------------------------------------------------------------ dossiers

  Report.Dossiers dossiers(Integer year) {
    Map<String, Long> byStatus = countBy("status", year);
    long total = byStatus.values().stream().mapToLong(Long::longValue).sum();
    return new Report.Dossiers(total, byStatus, countBy("award_type", year), countBy("unit_code", year),
        countBy("award_kind", year), countBy("award_year", year));
  }

  /** {@code SELECT column, COUNT(*) FROM dossier [WHERE award_year = ?] GROUP BY column}, ordered by the column. */
  private Map<String, Long> countBy(String column, Integer year) {
    // column is one of this class's constants, never user input
    String sql = "SELECT " + column + " AS k, COUNT(*) AS n FROM dossier"
        + (year == null ? "" : " WHERE award_year = :year") + " GROUP BY " + column + " ORDER BY " + column;
    var statement = jdbc.sql(sql);
    if (year != null) {
      statement = statement.param("year", year);
    }
    Map<String, Long> counts = new LinkedHashMap<>();
    statement.query((rs, i) -> Map.entry(rs.getString("k"), rs.getLong("n"))).list()
        .forEach(e -> counts.put(e.getKey(), e.getValue()));
    return counts;
  }

  // ------------------------------------------------------------------ awards

  Report.Awards awards(Integer year) {
    String where = year == null ? "" : " WHERE r.award_year = :year";
    var byLevel = jdbc.sql("SELECT r.award_year AS y, t.level AS l, COUNT(*) AS n FROM award_record r"
        + " JOIN award_type t ON t.code = r.award_type" + where
        + " GROUP BY r.award_year, t.level ORDER BY r.award_year, t.level");
    var byKind = jdbc.sql("SELECT r.subject_kind AS k, COUNT(*) AS n FROM award_record r" + where
        + " GROUP BY r.subject_kind");
    if (year != null) {
      byLevel = byLevel.param("year", year);
      byKind = byKind.param("year", year);
    }
    List<Report.YearLevel> rows = byLevel.query((rs, i) ->
        new Report.YearLevel(rs.getInt("y"), rs.getString("l"), rs.getLong("n"))).list();
    Map<String, Long> kinds = new HashMap<>();
    byKind.query((rs, i) -> Map.entry(rs.getString("k"), rs.getLong("n"))).list()
        .forEach(e -> kinds.put(e.getKey(), e.getValue()));
    long total = rows.stream().mapToLong(Report.YearLevel::count).sum();
    return new Report.Awards(total, rows, kinds.getOrDefault(SubjectKind.COLLECTIVE.name(), 0L),
        kinds.getOrDefault(SubjectKind.INDIVIDUAL.name(), 0L));
  }

  // ------------------------------------------------------------------ processing

  private record DossierRef(String code, String unitCode) {}

  Report.Processing processing(Integer year) {
    Map<String, DossierRef> byProcess = new HashMap<>();
    var query = jdbc.sql("SELECT process_instance_id AS pi, code, unit_code FROM dossier"
        + " WHERE process_instance_id IS NOT NULL" + (year == null ? "" : " AND award_year = :year"));
    if (year != null) {
      query = query.param("year", year);
    }
    query.query((rs, i) -> Map.entry(rs.getString("pi"), new DossierRef(rs.getString("code"),
        rs.getString("unit_code")))).list().forEach(e -> byProcess.put(e.getKey(), e.getValue()));

    List<Timed> appraisals = new ArrayList<>();
    for (HistoricTaskInstance t : history.createHistoricTaskInstanceQuery().processDefinitionKey(PROCESS)
        .taskDefinitionKey(APPRAISAL_TASK).finished().list()) {
      DossierRef dossier = byProcess.get(t.getProcessInstanceId());
      // tasks deleted with their process (a withdrawn dossier) were never finished by an appraiser
      if (dossier == null || t.getEndTime() == null || !"completed".equals(t.getDeleteReason())) {
        continue;
      }
      appraisals.add(new Timed(t.getAssignee() == null ? UNASSIGNED : t.getAssignee(), dossier.unitCode(),
          new DurationStats.Sample(duration(t.getStartTime(), t.getEndTime()),
              endedAfterDue(t.getEndTime(), t.getDueDate()))));
    }

    List<Timed> wholes = new ArrayList<>();
    int totalDays = properties.totalWorkingDays();
    for (HistoricProcessInstance p : history.createHistoricProcessInstanceQuery().processDefinitionKey(PROCESS)
        .finished().list()) {
      DossierRef dossier = byProcess.get(p.getId());
      if (dossier == null || p.getEndTime() == null) {
        continue;
      }
      wholes.add(new Timed(null, dossier.unitCode(), new DurationStats.Sample(
          duration(p.getStartTime(), p.getEndTime()),
          longerThanWorkingDays(calendar, p.getStartTime(), p.getEndTime(), totalDays))));
    }

    Report.Step appraisal = step(APPRAISAL_TASK, "Thẩm định hồ sơ",
        deadlines.appraisalWorkingDays() + " ngày làm việc (hạn của nhiệm vụ)", appraisals, true);
    Report.Step total = step("Process_Total", "Toàn bộ hồ sơ (từ khi nộp đến khi kết thúc)",
        totalDays + " ngày làm việc", wholes, false);
    return new Report.Processing(appraisal, total);
  }

  /** A finished step, with who did it (appraisal) and the dossier's unit. */
  record Timed(String appraiser, String unitCode, DurationStats.Sample sample) {}

  static Report.Step step(String id, String label, String deadline, List<Timed> timed, boolean perAppraiser) {
    Map<String, List<DurationStats.Sample>> byAppraiser = new TreeMap<>();
    Map<String, List<DurationStats.Sample>> byUnit = new TreeMap<>();
    for (Timed t : timed) {
      if (perAppraiser) {
        byAppraiser.computeIfAbsent(t.appraiser(), k -> new ArrayList<>()).add(t.sample());
      }
      byUnit.computeIfAbsent(t.unitCode(), k -> new ArrayList<>()).add(t.sample());
    }
    return new Report.Step(id, label, deadline, DurationStats.of(timed.stream().map(Timed::sample).toList()),
        stats(byAppraiser), stats(byUnit));
  }

  private static Map<String, DurationStats> stats(Map<String, List<DurationStats.Sample>> groups) {
    Map<String, DurationStats> result = new LinkedHashMap<>();
    groups.forEach((k, v) -> result.put(k, DurationStats.of(v)));
    return result;
  }

  static long duration(Date start, Date end) {
    return Math.max(0, end.getTime() - start.getTime());
  }

  /** A task is late when it ended strictly after its due date; a task without a due date never is. */
  static boolean endedAfterDue(Date end, Date due) {
    return due != null && end.after(due);
  }

  /**
   * Whether {@code end} falls after the close of office of the N-th working day after the day of {@code start}
   * (the day of submission itself does not count), as deadlines are set by {@link WorkingDayCalendar#deadline}.
   */
  static boolean longerThanWorkingDays(WorkingDayCalendar calendar, Date start, Date end, int workingDays) {
    return end.after(calendar.deadline(start, workingDays));
  }

  // ------------------------------------------------------------------ labels

  Map<String, Map<String, String>> labels() {
    Map<String, Map<String, String>> labels = new LinkedHashMap<>();
    Map<String, String> status = new LinkedHashMap<>();
    for (DossierStatus s : DossierStatus.values()) {
      status.put(s.name(), s.label());
    }
    labels.put("status", status);
    Map<String, String> awardTypes = new LinkedHashMap<>();
    jdbc.sql("SELECT code, name FROM award_type ORDER BY code").query((rs, i) ->
        Map.entry(rs.getString("code"), rs.getString("name"))).list()
        .forEach(e -> awardTypes.put(e.getKey(), e.getValue()));
    labels.put("awardType", awardTypes);
    Map<String, String> units = new TreeMap<>();
    engine.asSystem(() -> identity.createGroupQuery().groupType(Groups.UNIT_TYPE).list()).forEach(g -> {
      if (g.getId().startsWith(Groups.UNIT_PREFIX)) {
        units.put(g.getId().substring(Groups.UNIT_PREFIX.length()), g.getName());
      }
    });
    labels.put("unit", units);
    Map<String, String> kinds = new LinkedHashMap<>();
    for (AwardKind k : AwardKind.values()) {
      kinds.put(k.name(), k.label());
    }
    labels.put("kind", kinds);
    labels.put("level", Map.of(AwardLevel.UNIT.name(), AwardLevel.UNIT.label(), AwardLevel.PROVINCIAL.name(), "Cấp tỉnh",
        AwardLevel.STATE.name(), "Cấp Nhà nước"));
    Map<String, String> subjects = new LinkedHashMap<>();
    for (SubjectKind k : SubjectKind.values()) {
      subjects.put(k.name(), k.label());
    }
    labels.put("subjectKind", subjects);
    return labels;
  }
}

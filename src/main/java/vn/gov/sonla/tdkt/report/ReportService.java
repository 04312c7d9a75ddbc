package vn.gov.sonla.tdkt.report;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.model.bpmn.instance.FlowElement;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import vn.gov.sonla.tdkt.award.AwardKind;
import vn.gov.sonla.tdkt.award.AwardLevel;
import vn.gov.sonla.tdkt.award.SubjectKind;
import vn.gov.sonla.tdkt.award.SubjectRole;
import vn.gov.sonla.tdkt.calendar.DeadlineProperties;
import vn.gov.sonla.tdkt.calendar.WorkingDayCalendar;
import vn.gov.sonla.tdkt.dossier.DossierStatus;
import vn.gov.sonla.tdkt.engine.EngineAuthentication;
import vn.gov.sonla.tdkt.identity.Groups;
import vn.gov.sonla.tdkt.identity.PersonName;

/**
 * Builds the {@link Report}: counts by SQL GROUP BY on the project's tables, processing times from the read model
 * {@code step_time} ({@link StepTimes}), never from the engine's history tables; labels read as the system (the
 * controller has checked the caller).
 *
 * <p>Processing times per step and for the whole dossier: {@link #processing}. Only process instances of a dossier
 * in the dossier table count, and with a year, only those of dossiers of that award year.
 */
@Service
public class ReportService {

  static final String PROCESS = "commendation-dossier";
  static final String APPRAISAL_TASK = "Task_Appraise";
  static final String UNASSIGNED = "(chưa giao)";
  /** The key of {@link Report.Dossiers#byBloc} for the dossiers of units that were in no cluster or bloc that year. */
  public static final String NO_BLOC = "-";

  private final JdbcClient jdbc;
  private final IdentityService identity;
  private final EngineAuthentication engine;
  private final WorkingDayCalendar calendar;
  private final DeadlineProperties deadlines;
  private final ReportProperties properties;
  private final RepositoryService repository;
  private vn.gov.sonla.tdkt.calendar.ProcedureDeadlines procedureDeadlines;

  /** Setter injection: the constructor's signature is named in the frozen architecture baseline. */
  @org.springframework.beans.factory.annotation.Autowired
  void setProcedureDeadlines(vn.gov.sonla.tdkt.calendar.ProcedureDeadlines procedureDeadlines) {
    this.procedureDeadlines = procedureDeadlines;
  }

  private final Clock clock;

  public ReportService(JdbcClient jdbc, IdentityService identity, EngineAuthentication engine,
      WorkingDayCalendar calendar, DeadlineProperties deadlines, ReportProperties properties,
      RepositoryService repository, Clock clock) {
    this.clock = clock;
    this.repository = repository;
    this.jdbc = jdbc;
    this.identity = identity;
    this.engine = engine;
    this.calendar = calendar;
    this.deadlines = deadlines;
    this.properties = properties;
  }

  /** Late dossiers per page of the JSON report ({@code late-page}). */
  public static final int LATE_PAGE_SIZE = 100;

  /** The report with every late dossier (the exports). */
  public Report report(Integer year) {
    return new Report(year, dossiers(year), awards(year), processing(year), labels(), late(year));
  }

  /**
   * The report with page {@code latePage} (0-based) of {@link #LATE_PAGE_SIZE} late dossiers, most working days late
   * first, and their total (the JSON report: the whole list of all years was tens of megabytes).
   */
  public Report report(Integer year, int latePage) {
    return new Report(year, dossiers(year), awards(year), processing(year), labels(),
        late(year).page(latePage, LATE_PAGE_SIZE));
  }

  // ------------------------------------------------------------------ whole-procedure deadline

  /**
   * Dossiers past the whole procedure's time limit, most working days late first: as dossier.ProcedureDeadline
   * computes it (complete when submitted or when the last supplement arrived; ended at the decision's signing, or
   * the status of the end), read here in one query.
   */
  Report.LateDossiers late(Integer year) {
    var now = java.time.OffsetDateTime.now(clock.withZone(procedureDeadlines.zone()));
    // the last supplement's end and the first signing per dossier, each aggregated once and hash-joined (a
    // correlated subquery per dossier took seconds at 100,000 dossiers)
    String byYear = year == null ? "" : " AND award_year = :year";
    var statement = jdbc.sql("SELECT d.code, d.unit_code, d.award_type, d.subject_name, d.status, d.submitted_at,"
        + " d.updated_at, sup.supplemented, sig.signed FROM dossier d"
        + " LEFT JOIN (SELECT dossier_code, MAX(ended_at) AS supplemented FROM step_time"
        + " WHERE activity_id = 'Task_Supplement'" + byYear + " GROUP BY dossier_code) sup ON sup.dossier_code = d.code"
        + " LEFT JOIN (SELECT dossier_code, MIN(signed_at) AS signed FROM decision GROUP BY dossier_code) sig"
        + " ON sig.dossier_code = d.code"
        + " WHERE d.submitted_at IS NOT NULL" + (year == null ? "" : " AND d.award_year = :year"));
    if (year != null) {
      statement = statement.param("year", year);
    }
    Map<String, String> statusLabels = labels().get("status");
    List<Report.LateDossier> late = new ArrayList<>();
    // the due date and its text once per day of completion, the working days late on one table (100,000 dossiers)
    var deadlinesOfThisReport = procedureDeadlines.batch();
    // columns by position: a lookup by name per value cost more than the value (100,000 rows)
    statement.query((rs, i) -> {
      String status = rs.getString(5);
      var phase = switch (status) {
        case "AWAITING_SUPPLEMENT" -> vn.gov.sonla.tdkt.calendar.ProcedureDeadlines.Phase.PAUSED;
        case "WITHDRAWN", "RETURNED" -> vn.gov.sonla.tdkt.calendar.ProcedureDeadlines.Phase.CLOSED;
        case "AWARDED", "NOT_AWARDED", "SUBMITTED_TO_STATE" -> vn.gov.sonla.tdkt.calendar.ProcedureDeadlines.Phase.ENDED;
        case "DRAFT" -> vn.gov.sonla.tdkt.calendar.ProcedureDeadlines.Phase.NOT_STARTED;
        default -> vn.gov.sonla.tdkt.calendar.ProcedureDeadlines.Phase.OPEN;
      };
      var submitted = rs.getObject(6, java.time.OffsetDateTime.class);
      java.sql.Timestamp supplemented = rs.getTimestamp(8);
      var complete = supplemented == null ? submitted
          : java.time.OffsetDateTime.ofInstant(supplemented.toInstant(), procedureDeadlines.zone());
      var signed = rs.getObject(9, java.time.OffsetDateTime.class);
      var ended = "AWARDED".equals(status) && signed != null ? signed
          : rs.getObject(7, java.time.OffsetDateTime.class);
      var view = deadlinesOfThisReport.compute(phase, complete, ended, now);
      if (view.late()) {
        late.add(new Report.LateDossier(rs.getString(1), rs.getString(2), rs.getString(3),
            rs.getString(4), status, statusLabels.getOrDefault(status, status), view.completeAt(),
            view.due(), view.dueText(), view.endedAt(), view.state(), view.stateLabel(), view.workingDaysLate()));
      }
      return null;
    }).list();
    // a total order (the code is unique): the rows need no order of their own
    late.sort(MOST_LATE_FIRST);
    return new Report.LateDossiers(procedureDeadlines.workingDays(), late, late.size(), 0, late.size());
  }

  /** Most working days late first, then by code (unique: a total order). */
  private static final java.util.Comparator<Report.LateDossier> MOST_LATE_FIRST = (a, b) -> {
    int byDays = Integer.compare(b.workingDaysLate(), a.workingDaysLate());
    return byDays != 0 ? byDays : a.code().compareTo(b.code());
  };

  // ------------------------------------------------------------------ dossiers

  Report.Dossiers dossiers(Integer year) {
    Map<String, Long> byStatus = countBy("status", year);
    long total = byStatus.values().stream().mapToLong(Long::longValue).sum();
    return new Report.Dossiers(total, byStatus, countBy("award_type", year), countBy("unit_code", year),
        byBloc(year), countBy("award_kind", year), countBy("award_year", year));
  }

  /**
   * Dossiers per emulation cluster or bloc: the dossier's unit's membership in its award year (memberships are kept
   * per year, so a unit that moved counts in the bloc it was in that year). A unit in a cluster and a bloc counts in
   * both.
   */
  private Map<String, Long> byBloc(Integer year) {
    var statement = jdbc.sql("SELECT COALESCE(m.bloc_code, '" + NO_BLOC + "') AS k, COUNT(*) AS n FROM dossier d"
        + " LEFT JOIN bloc_member m ON m.unit_code = d.unit_code AND m.year_from <= d.award_year"
        + " AND (m.year_to IS NULL OR m.year_to >= d.award_year)"
        + (year == null ? "" : " WHERE d.award_year = :year") + " GROUP BY COALESCE(m.bloc_code, '" + NO_BLOC + "')"
        + " ORDER BY 1");
    if (year != null) {
      statement = statement.param("year", year);
    }
    Map<String, Long> counts = new LinkedHashMap<>();
    // a draft may not have its award, kind or subject kind yet: it is counted in the total, not under a key
    statement.query((rs, i) -> new Object[] {rs.getString("k"), rs.getLong("n")}).list().stream()
        .filter(e -> e[0] != null).forEach(e -> counts.put((String) e[0], (Long) e[1]));
    return counts;
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
    // a draft may not have its award, kind or subject kind yet: it is counted in the total, not under a key
    statement.query((rs, i) -> new Object[] {rs.getString("k"), rs.getLong("n")}).list().stream()
        .filter(e -> e[0] != null).forEach(e -> counts.put((String) e[0], (Long) e[1]));
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
        kinds.getOrDefault(SubjectKind.INDIVIDUAL.name(), 0L), priority(year));
  }

  /**
   * The plan's priority to direct workers and small collectives: the roles recorded in the award register for awards
   * at provincial and State level (unit-level titles are the units' own).
   */
  Report.Priority priority(Integer year) {
    var query = jdbc.sql("SELECT r.subject_kind AS k, r.subject_role AS r, COUNT(*) AS n FROM award_record r"
        + " JOIN award_type t ON t.code = r.award_type WHERE t.level <> 'UNIT'"
        + (year == null ? "" : " AND r.award_year = :year") + " GROUP BY r.subject_kind, r.subject_role");
    if (year != null) {
      query = query.param("year", year);
    }
    long[] counts = new long[5]; // individuals, direct workers, leaders, collectives, small collectives
    query.query(rs -> {
      long n = rs.getLong("n");
      String role = rs.getString("r");
      if (SubjectKind.INDIVIDUAL.name().equals(rs.getString("k"))) {
        counts[0] += n;
        counts[1] += SubjectRole.DIRECT_WORKER.name().equals(role) ? n : 0;
        counts[2] += SubjectRole.LEADER.name().equals(role) ? n : 0;
      } else if (SubjectKind.COLLECTIVE.name().equals(rs.getString("k"))) {
        counts[3] += n;
        counts[4] += SubjectRole.SMALL_COLLECTIVE.name().equals(role) ? n : 0;
      }
    });
    return new Report.Priority(counts[0], counts[1], counts[2], counts[3], counts[4], share(counts[1], counts[0]),
        share(counts[4], counts[3]));
  }

  /** Percent with one decimal; null when there is nothing to divide by. */
  static Double share(long part, long whole) {
    return whole == 0 ? null : Math.round(1000.0 * part / whole) / 10.0;
  }

  // ------------------------------------------------------------------ processing

  /**
   * A step of {@code commendation-dossier} whose duration is reported: a user task (with the task's due date as its
   * deadline where it has one) or a wait. {@code perAssignee}: durations per task assignee too (the appraisers).
   */
  record StepDefinition(String activityId, String deadline, boolean perAssignee) {}

  /** Names of the latest deployed {@code commendation-dossier}'s elements, by id (empty when none is deployed). */
  private Map<String, String> modelNames() {
    Map<String, String> names = new HashMap<>();
    engine.asSystem(() -> {
      var definition = repository.createProcessDefinitionQuery().processDefinitionKey("commendation-dossier")
          .latestVersion().singleResult();
      if (definition != null) {
        repository.getBpmnModelInstance(definition.getId()).getModelElementsByType(FlowElement.class)
            .forEach(e -> {
              if (e.getName() != null && !e.getName().isBlank()) {
                names.put(e.getId(), e.getName().replaceAll("\\s+", " ").strip());
              }
            });
      }
      return null;
    });
    return names;
  }

  /** The steps, in the order of the pipeline; their labels are the model's activity names. */
  List<StepDefinition> steps() {
    String due = " ngày làm việc (hạn của nhiệm vụ)";
    return List.of(
        new StepDefinition(APPRAISAL_TASK, deadlines.appraisalWorkingDays() + due, true),
        new StepDefinition("Task_Supplement", deadlines.supplementWorkingDays() + due, false),
        new StepDefinition("Event_AwaitCouncilResolution", null, false),
        new StepDefinition("Sub_PublicNotice", null, false),
        new StepDefinition("Task_VerifyObjection", null, false),
        new StepDefinition("Task_Decide", null, false),
        new StepDefinition("Event_AwaitDecisionBatch", null, false),
        new StepDefinition("Event_AwaitStateSubmission", null, false),
        new StepDefinition("Event_AwaitCentralDecision", null, false));
  }

  /**
   * Every ended, not cancelled instance of a step of a dossier of the year (each round of a repeated step counts:
   * an appraisal after a supplement is a second round), read from the read model {@code step_time} (written in the
   * engine's transaction when the step ended, {@link StepTimeWriter}), by award year; the steps are grouped in the
   * database (durations as one array per step, unit and assignee), so that only the groups leave it. A step is late when it is a
   * task that ended strictly after its due date. The whole dossier: every ended process instance, late when it ended
   * after the close of office of the N-th working day after its start ({@code tdkt.reports.total-working-days}; the
   * working-day calendar is Java's, so these rows, one per dossier, are still read and counted here).
   */
  Report.Processing processing(Integer year) {
    List<StepDefinition> definitions = steps();
    Map<String, StepDefinition> byActivity = new LinkedHashMap<>();
    definitions.forEach(d -> byActivity.put(d.activityId(), d));
    List<String> activities = List.copyOf(byActivity.keySet());
    java.util.Set<String> perAssignee = definitions.stream().filter(StepDefinition::perAssignee)
        .map(StepDefinition::activityId).collect(java.util.stream.Collectors.toSet());
    // the read model step_time (StepTimes): ended, not cancelled steps, grouped in the database by step, unit and
    // assignee: per group the number late and the durations as one array (some hundreds of rows leave the database
    // instead of the 385,000 step rows of ten years); merged here per step, per unit and per appraiser
    Map<String, String> names = new HashMap<>();
    Map<String, Group> all = new HashMap<>();
    Map<String, Map<String, Group>> byUnit = new HashMap<>();
    Map<String, Map<String, Group>> byAppraiser = new HashMap<>();
    // no aggregate of the name here: MIN over the text made PostgreSQL sort the 385,000 rows instead of hashing them
    // (1.2 s against 0.3 s); each step's name from one of its rows instead
    var steps = jdbc.sql("SELECT s.activity_id, s.unit_code, s.assignee, SUM(CASE WHEN s.late THEN 1 ELSE 0 END),"
            + " ARRAY_AGG(s.duration_ms) FROM step_time s WHERE s.activity_id IN (:steps)"
            + (year == null ? "" : " AND s.award_year = :year") + " GROUP BY s.activity_id, s.unit_code, s.assignee")
        .param("steps", activities);
    if (year != null) {
      steps = steps.param("year", year);
    }
    steps.query(rs -> {
      // columns by position (step, unit, assignee, late, durations)
      String step = rs.getString(1);
      long late = rs.getLong(4);
      long[] durations = durations(rs.getString(5));
      all.computeIfAbsent(step, k -> new Group()).add(durations, late);
      byUnit.computeIfAbsent(step, k -> new HashMap<>()).computeIfAbsent(rs.getString(2), k -> new Group())
          .add(durations, late);
      if (perAssignee.contains(step)) {
        String assignee = rs.getString(3);
        byAppraiser.computeIfAbsent(step, k -> new HashMap<>())
            .computeIfAbsent(assignee == null ? UNASSIGNED : assignee, k -> new Group()).add(durations, late);
      }
    });

    for (String step : all.keySet()) {
      var name = jdbc.sql("SELECT s.activity_name FROM step_time s WHERE s.activity_id = :step"
          + " AND s.activity_name IS NOT NULL" + (year == null ? "" : " AND s.award_year = :year")
          + " FETCH FIRST 1 ROWS ONLY").param("step", step);
      if (year != null) {
        name = name.param("year", year);
      }
      name.query(String.class).optional().ifPresent(n -> names.put(step, n));
    }

    Map<String, String> modelNames = modelNames();
    List<Report.Step> result = new ArrayList<>();
    for (StepDefinition d : definitions) {
      // a step no dossier has passed yet is named from the deployed model: never its technical id
      String label = names.get(d.activityId());
      if (label == null || label.isBlank()) {
        label = modelNames.getOrDefault(d.activityId(), "Bước khác của quy trình");
      }
      Group step = all.get(d.activityId());
      result.add(new Report.Step(d.activityId(), label, d.deadline(),
          step == null ? DurationStats.EMPTY : step.stats(),
          groupStats(byAppraiser.getOrDefault(d.activityId(), Map.of())),
          groupStats(byUnit.getOrDefault(d.activityId(), Map.of()))));
    }

    List<Timed> wholes = new ArrayList<>();
    int totalDays = properties.totalWorkingDays();
    var whole = jdbc.sql("SELECT s.unit_code AS unit, s.started_at AS started, s.ended_at AS ended FROM step_time s"
        + " WHERE s.activity_type = '" + StepTimes.PROCESS + "'" + (year == null ? "" : " AND s.award_year = :year"));
    if (year != null) {
      whole = whole.param("year", year);
    }
    // the deadline depends only on the day of the start: computed once per day (10 years are some 3,650 days, not
    // one calendar walk per dossier)
    Map<Long, Date> deadlineByDay = new HashMap<>();
    whole.query(rs -> {
      // columns by position (unit, started, ended)
      Date started = rs.getTimestamp(2);
      Date ended = rs.getTimestamp(3);
      Date due = deadlineByDay.computeIfAbsent(calendar.epochDay(started.getTime()),
          day -> calendar.deadline(started, totalDays));
      wholes.add(new Timed(null, rs.getString(1), new DurationStats.Sample(duration(started, ended),
          ended.after(due))));
    });
    Report.Step total = step("Process_Total", "Toàn bộ hồ sơ (từ khi nộp đến khi kết thúc)",
        totalDays + " ngày làm việc", wholes, false);
    return new Report.Processing(result, total);
  }

  /**
   * The durations (milliseconds, negative ones as 0) and the number late of a group of ended steps, gathered from the
   * database's arrays; {@link DurationStats#ofDurations} computes the figures as {@link DurationStats#of} does.
   */
  static final class Group {
    private final List<long[]> parts = new ArrayList<>();
    private int size;
    private long late;

    void add(long[] durations, long late) {
      parts.add(durations);
      size += durations.length;
      this.late += late;
    }

    DurationStats stats() {
      long[] durations = new long[size];
      int at = 0;
      for (long[] part : parts) {
        System.arraycopy(part, 0, durations, at, part.length);
        at += part.length;
      }
      return DurationStats.ofDurations(durations, late);
    }
  }

  /** The figures of each group, ordered by key. */
  private static Map<String, DurationStats> groupStats(Map<String, Group> groups) {
    Map<String, DurationStats> result = new LinkedHashMap<>();
    new TreeMap<>(groups).forEach((k, v) -> result.put(k, v.stats()));
    return result;
  }

  /**
   * An SQL array of whole numbers as its text ({@code {1,-2,3}} from PostgreSQL, {@code [1, -2, 3]} from H2) read as
   * durations in milliseconds, a negative one as 0 (the driver's own array reading boxed every value and took longer
   * than the query).
   */
  static long[] durations(String array) {
    long[] values = new long[16];
    int size = 0;
    long value = 0;
    boolean inNumber = false;
    boolean negative = false;
    for (int i = 0, length = array.length(); i <= length; i++) {
      char c = i < length ? array.charAt(i) : ',';
      if (c >= '0' && c <= '9') {
        value = value * 10 + (c - '0');
        inNumber = true;
      } else if (c == '-') {
        negative = true;
      } else {
        if (inNumber) {
          if (size == values.length) {
            values = java.util.Arrays.copyOf(values, size * 2);
          }
          values[size++] = negative ? 0 : value;
        }
        value = 0;
        inNumber = false;
        negative = false;
      }
    }
    return java.util.Arrays.copyOf(values, size);
  }

  /** A finished step, with who did it (appraisal) and the dossier's unit. */
  record Timed(String appraiser, String unitCode, DurationStats.Sample sample) {}

  static Report.Step step(String id, String label, String deadline, List<Timed> timed, boolean perAppraiser) {
    // grouped by hash, ordered once at the end (a tree lookup per sample cost more than the grouping)
    Map<String, List<DurationStats.Sample>> byAppraiser = new HashMap<>();
    Map<String, List<DurationStats.Sample>> byUnit = new HashMap<>();
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
    new TreeMap<>(groups).forEach((k, v) -> result.put(k, DurationStats.of(v)));
    return result;
  }

  static long duration(Date start, Date end) {
    return Math.max(0, end.getTime() - start.getTime());
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
    Map<String, String> blocs = new LinkedHashMap<>();
    jdbc.sql("SELECT code, name FROM bloc ORDER BY code").query((rs, i) ->
        Map.entry(rs.getString("code"), rs.getString("name"))).list()
        .forEach(e -> blocs.put(e.getKey(), e.getValue()));
    blocs.put(NO_BLOC, "Chưa thuộc cụm, khối thi đua");
    labels.put("bloc", blocs);
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
    // appraisers by full name, never by login id
    Map<String, String> people = new TreeMap<>();
    engine.asSystem(() -> identity.createUserQuery().memberOfGroup(Groups.HOME_AFFAIRS).list())
        .forEach(u -> people.put(u.getId(), PersonName.of(u) == null ? u.getId() : PersonName.of(u)));
    labels.put("person", people);
    return labels;
  }
}

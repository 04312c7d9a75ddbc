package vn.gov.sonla.tdkt.observability;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.ToDoubleFunction;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.runtime.Incident;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import vn.gov.sonla.tdkt.dossier.DossierStatus;
import vn.gov.sonla.tdkt.engine.EngineAuthentication;
import vn.gov.sonla.tdkt.engine.EngineInternals;

/**
 * The workload gauges of {@code /actuator/prometheus}, read from the engine's query APIs, the engine's task tables
 * (tasks per group, one grouped query) and the project's {@code dossier} table:
 *
 * <ul>
 *   <li>{@code tdkt_tasks_open{group}}: open user tasks offered to the group (claimed or not);</li>
 *   <li>{@code tdkt_tasks_overdue{group}}: those of them past their due date;</li>
 *   <li>{@code tdkt_jobs_due}: the job backlog, jobs due now with retries left (timers, asynchronous steps);</li>
 *   <li>{@code tdkt_jobs_failed}: jobs whose retries are exhausted (each has an incident);</li>
 *   <li>{@code tdkt_incidents_open{type}}: open incidents by type ({@code failedJob}, …);</li>
 *   <li>{@code tdkt_dossiers{status}}: dossiers by status (every status, zero included).</li>
 * </ul>
 *
 * All of them come from one snapshot, computed at most once per {@code tdkt.metrics.cache-time} (default 30 s)
 * whatever the number of gauges and scrapers, so that scrapes do not hammer the database. The figures are the
 * database's, not the node's: every node of a cluster reports the same values (aggregate with {@code max}, not
 * {@code sum}). A group created later (a unit added in Admin) gets its gauges at the next refresh.
 */
@Component
public class WorkloadMetrics implements MeterBinder {

  private static final Logger LOG = LoggerFactory.getLogger(WorkloadMetrics.class);

  /** The counts of one moment. */
  public record Snapshot(Instant at, Map<String, Long> openTasksByGroup, Map<String, Long> overdueTasksByGroup,
      long jobsDue, long jobsFailed, Map<String, Long> incidentsByType, Map<String, Long> dossiersByStatus) {

    static Snapshot empty() {
      return new Snapshot(Instant.EPOCH, Map.of(), Map.of(), 0, 0, Map.of(), Map.of());
    }
  }

  private final ProcessEngine engine;
  private final JdbcTemplate jdbc;
  private final Duration cacheTime;
  private final Clock clock;
  private final List<MeterRegistry> registries = new CopyOnWriteArrayList<>();
  private final Set<String> groupsWithGauges = ConcurrentHashMap.newKeySet();
  private final Set<String> incidentTypesWithGauges = ConcurrentHashMap.newKeySet();
  private volatile Snapshot snapshot = Snapshot.empty();
  private volatile long computedAtNanos;
  private volatile boolean computed;

  public WorkloadMetrics(ProcessEngine engine, JdbcTemplate jdbc,
      @Value("${tdkt.metrics.cache-time:30s}") Duration cacheTime) {
    this.engine = engine;
    this.jdbc = jdbc;
    this.cacheTime = cacheTime;
    this.clock = Clock.systemUTC();
  }

  @Override
  public void bindTo(MeterRegistry registry) {
    registries.add(registry);
    gauge(registry, "tdkt.jobs.due", "Jobs due now with retries left (the job executor's backlog)",
        m -> m.current().jobsDue(), Map.of());
    gauge(registry, "tdkt.jobs.failed", "Jobs whose retries are exhausted (retries = 0)",
        m -> m.current().jobsFailed(), Map.of());
    for (DossierStatus status : DossierStatus.values()) {
      gauge(registry, "tdkt.dossiers", "Dossiers by status", m -> m.current().dossiersByStatus()
          .getOrDefault(status.name(), 0L), Map.of("status", status.name()));
    }
    for (String type : List.of(Incident.FAILED_JOB_HANDLER_TYPE, Incident.EXTERNAL_TASK_HANDLER_TYPE)) {
      incidentGauge(registry, type);
    }
    groupsWithGauges.forEach(group -> groupGauges(registry, group));
  }

  /** Once the engine and the identity set-up are ready: the gauges of every group known then. */
  @EventListener(ApplicationReadyEvent.class)
  public void registerKnownGroups() {
    try {
      current();
    } catch (RuntimeException e) {
      LOG.warn("Workload metrics not computed at start-up: {}", e.toString());
    }
  }

  /** The snapshot, computed again when older than the cache time. */
  public Snapshot current() {
    if (!computed || System.nanoTime() - computedAtNanos >= cacheTime.toNanos()) {
      synchronized (this) {
        if (!computed || System.nanoTime() - computedAtNanos >= cacheTime.toNanos()) {
          snapshot = compute();
          computedAtNanos = System.nanoTime();
          computed = true;
          registerNewTags(snapshot);
        }
      }
    }
    return snapshot;
  }

  /**
   * Counts across the whole database: a scrape runs under the scraping user's engine authentication (the
   * application's filter sets it for every request), which would otherwise restrict the counts to what that
   * user may see.
   */
  private Snapshot compute() {
    IdentityService identity = engine.getIdentityService();
    return EngineAuthentication.asSystem(identity, () -> {
      ManagementService management = engine.getManagementService();
      RuntimeService runtime = engine.getRuntimeService();
      Date now = Date.from(clock.instant());

      Set<String> groups = new TreeSet<>();
      identity.createGroupQuery().list().stream().map(Group::getId).forEach(groups::add);
      // One grouped query for every group's open and overdue tasks, the candidate groups of waiting tasks that are
      // no identity group (a model naming a group not created) included. It counts what
      // taskCandidateGroup(group).includeAssignedTasks() counts, and dueBefore(now) for the overdue ones, but in one
      // round trip instead of two task queries per group (two per unit group: 110 queries, about 3 s on 100,000
      // open tasks, which the first health check and start-up paid).
      Map<String, Long> open = new LinkedHashMap<>();
      Map<String, Long> overdue = new LinkedHashMap<>();
      groups.forEach(g -> {
        open.put(g, 0L);
        overdue.put(g, 0L);
      });
      jdbc.query(tasksPerGroupSql(), rs -> {
        String group = rs.getString(1);
        open.put(group, rs.getLong(2));
        overdue.put(group, rs.getLong(3));
      }, new java.sql.Timestamp(now.getTime()));

      long due = management.createJobQuery().executable().count();
      long failed = management.createJobQuery().noRetriesLeft().count();

      Set<String> incidentTypes = new TreeSet<>(List.of(Incident.FAILED_JOB_HANDLER_TYPE,
          Incident.EXTERNAL_TASK_HANDLER_TYPE));
      incidentTypes.addAll(EngineInternals.incidentHandlerTypes(engine));
      Map<String, Long> incidents = new LinkedHashMap<>();
      for (String type : incidentTypes) {
        incidents.put(type, runtime.createIncidentQuery().incidentType(type).count());
      }

      Map<String, Long> dossiers = new LinkedHashMap<>();
      jdbc.query("SELECT status, COUNT(*) FROM dossier GROUP BY status",
          rs -> {
            dossiers.put(rs.getString(1), rs.getLong(2));
          });
      return new Snapshot(clock.instant(), Map.copyOf(open), Map.copyOf(overdue), due, failed, Map.copyOf(incidents),
          Map.copyOf(dossiers));
    });
  }

  /**
   * Open tasks per candidate group (assigned or not, as {@code includeAssignedTasks()}), and those due before the
   * parameter, from the engine's runtime tables ({@code ACT_RU_TASK}, {@code ACT_RU_IDENTITYLINK}, with the
   * engine's table prefix).
   */
  private String tasksPerGroupSql() {
    String prefix = EngineInternals.tablePrefix(engine);
    return "SELECT I.GROUP_ID_, COUNT(DISTINCT T.ID_), COUNT(DISTINCT CASE WHEN T.DUE_DATE_ < ? THEN T.ID_ END)"
        + " FROM " + prefix + "ACT_RU_TASK T JOIN " + prefix + "ACT_RU_IDENTITYLINK I ON I.TASK_ID_ = T.ID_"
        + " WHERE I.TYPE_ = 'candidate' AND I.GROUP_ID_ IS NOT NULL GROUP BY I.GROUP_ID_";
  }

  private void registerNewTags(Snapshot s) {
    for (String group : s.openTasksByGroup().keySet()) {
      if (groupsWithGauges.add(group)) {
        registries.forEach(r -> groupGauges(r, group));
      }
    }
    for (String type : s.incidentsByType().keySet()) {
      if (!incidentTypesWithGauges.contains(type)) {
        registries.forEach(r -> incidentGauge(r, type));
      }
    }
  }

  private void groupGauges(MeterRegistry registry, String group) {
    gauge(registry, "tdkt.tasks.open", "Open user tasks offered to the group, claimed or not",
        m -> m.current().openTasksByGroup().getOrDefault(group, 0L), Map.of("group", group));
    gauge(registry, "tdkt.tasks.overdue", "Open user tasks offered to the group past their due date",
        m -> m.current().overdueTasksByGroup().getOrDefault(group, 0L), Map.of("group", group));
  }

  private void incidentGauge(MeterRegistry registry, String type) {
    incidentTypesWithGauges.add(type);
    gauge(registry, "tdkt.incidents.open", "Open incidents by type",
        m -> m.current().incidentsByType().getOrDefault(type, 0L), Map.of("type", type));
  }

  private void gauge(MeterRegistry registry, String name, String description, ToDoubleFunction<WorkloadMetrics> value,
      Map<String, String> tags) {
    Gauge.Builder<WorkloadMetrics> builder = Gauge.builder(name, this, value).description(description).strongReference(true);
    tags.forEach(builder::tag);
    builder.register(registry);
  }
}

package vn.gov.sonla.tdkt.observability;

import org.camunda.bpm.engine.ProcessEngine;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.stereotype.Component;
import vn.gov.sonla.tdkt.engine.EngineInternals;

/**
 * Health component {@code jobExecutor} of {@code /actuator/health} (in place of the starter's one of the same
 * name, which this bean name replaces): UP while the job executor runs, with the backlog of due jobs and the
 * failed jobs (retries exhausted) as details; DOWN when it is switched on
 * ({@code camunda.bpm.job-execution.enabled}) but not running, since then no timer fires and no asynchronous step
 * runs on this node. A node with the job executor switched off (e.g. a web-only node, the tests) is UP with
 * {@code enabled: false}. The counts come from {@link WorkloadMetrics}' cached snapshot.
 */
@Component("jobExecutorHealthIndicator")
public class JobExecutorHealth implements HealthIndicator {

  private final ProcessEngine engine;
  private final WorkloadMetrics workload;
  private final boolean enabled;

  public JobExecutorHealth(ProcessEngine engine, WorkloadMetrics workload,
      @Value("${camunda.bpm.job-execution.enabled:true}") boolean enabled) {
    this.engine = engine;
    this.workload = workload;
    this.enabled = enabled;
  }

  @Override
  public Health health() {
    EngineInternals.JobExecutorState executor = EngineInternals.jobExecutor(engine).orElse(null);
    boolean active = executor != null && executor.active();
    Health.Builder health = !enabled || active ? Health.up() : Health.down();
    health.withDetail("enabled", enabled).withDetail("active", active);
    if (executor != null && active) {
      health.withDetail("lockOwner", executor.lockOwner())
          .withDetail("lockTimeInMillis", executor.lockTimeInMillis())
          .withDetail("maxJobsPerAcquisition", executor.maxJobsPerAcquisition());
    }
    try {
      WorkloadMetrics.Snapshot counts = workload.current();
      health.withDetail("dueJobs", counts.jobsDue()).withDetail("failedJobs", counts.jobsFailed());
    } catch (RuntimeException e) {
      // the database is down: the "db" component says so; the job executor's own state still counts
      health.withDetail("counts", "unavailable: " + e.getClass().getSimpleName());
    }
    return health.build();
  }
}

package vn.gov.sonla.tdkt.engine;

import java.util.Optional;
import java.util.Set;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.jobexecutor.JobExecutor;

/**
 * Read-only facts about the running engine that its public API does not give, for monitoring: the job executor's
 * state, the incident types it handles, its table prefix. Part of the engine adapter.
 */
public final class EngineInternals {

  private EngineInternals() {}

  /** The job executor's state, or empty if the engine has none. */
  public static Optional<JobExecutorState> jobExecutor(ProcessEngine engine) {
    if (!(engine.getProcessEngineConfiguration() instanceof ProcessEngineConfigurationImpl impl)
        || impl.getJobExecutor() == null) {
      return Optional.empty();
    }
    JobExecutor executor = impl.getJobExecutor();
    return Optional.of(new JobExecutorState(executor.isActive(), executor.getLockOwner(),
        executor.getLockTimeInMillis(), executor.getMaxJobsPerAcquisition()));
  }

  /** The incident types with a handler configured (the built-in ones and any added). */
  public static Set<String> incidentHandlerTypes(ProcessEngine engine) {
    return engine.getProcessEngineConfiguration() instanceof ProcessEngineConfigurationImpl impl
        && impl.getIncidentHandlers() != null ? Set.copyOf(impl.getIncidentHandlers().keySet()) : Set.of();
  }

  /** The prefix of the engine's table names ("" when none). */
  public static String tablePrefix(ProcessEngine engine) {
    return engine.getProcessEngineConfiguration() instanceof ProcessEngineConfigurationImpl impl
        && impl.getDatabaseTablePrefix() != null ? impl.getDatabaseTablePrefix() : "";
  }

  /** The job executor's state. */
  public record JobExecutorState(boolean active, String lockOwner, int lockTimeInMillis, int maxJobsPerAcquisition) {}
}

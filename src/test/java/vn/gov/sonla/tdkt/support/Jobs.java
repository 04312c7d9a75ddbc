package vn.gov.sonla.tdkt.support;

import java.util.List;
import java.util.Optional;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.assertions.bpmn.AbstractAssertions;

/**
 * Runs the asynchronous continuations of a test's own process instances, as the job executor would (it is off in
 * the tests): the decision issued after the Chairman's click, each dossier's award of a batch, each dossier's council
 * resolution, the State submission's numbering (issue 19, docs/pipeline.md). Only message jobs (async continuations)
 * due now, never timers; repeated until none is left, since a job may create the next ones (a multi-instance body its
 * instances). A job that fails throws, so the test sees why. A listed job that is gone when its turn comes (deleted by
 * an earlier job of the list that cancelled its activity instance: the first council ballot counted after all were
 * cast completes the vote and drops the other ballots' jobs) is skipped, as the job executor skips an acquired job
 * that no longer exists.
 */
public final class Jobs {

  private Jobs() {}

  /** The engine of the running test (registered by {@link CurrentEngineListener}), if this JVM has one. */
  public static Optional<ProcessEngine> engine() {
    try {
      return Optional.of(AbstractAssertions.processEngine());
    } catch (IllegalStateException e) {
      return Optional.empty(); // a client of an application in another JVM (failsafe): its job executor runs them
    }
  }

  /** Runs the due asynchronous continuations of the process instances with these business keys until none is left. */
  public static void settle(String... businessKeys) {
    engine().ifPresent(engine -> settle(engine, businessKeys));
  }

  public static void settle(ProcessEngine engine, String... businessKeys) {
    for (String key : businessKeys) {
      for (ProcessInstance instance : engine.getRuntimeService().createProcessInstanceQuery()
          .processInstanceBusinessKey(key).list()) {
        settleInstance(engine.getManagementService(), instance.getId());
      }
    }
  }

  /** Runs the due asynchronous continuations of one process instance until none is left. */
  public static void settleInstance(ManagementService management, String processInstanceId) {
    for (int round = 0; round < 100; round++) {
      List<Job> due = management.createJobQuery().processInstanceId(processInstanceId).messages().executable()
          .list();
      if (due.isEmpty()) {
        return;
      }
      due.forEach(job -> executeIfPresent(management, job.getId()));
    }
    throw new AssertionError("Process instance " + processInstanceId + " keeps creating jobs");
  }

  /** Runs the job as the job executor would, unless an earlier job deleted it (then: nothing to do, false). */
  public static boolean executeIfPresent(ManagementService management, String jobId) {
    if (management.createJobQuery().jobId(jobId).count() == 0) {
      return false;
    }
    management.executeJob(jobId);
    return true;
  }
}

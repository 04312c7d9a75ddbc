package vn.gov.sonla.tdkt.engine;

import java.util.function.Supplier;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * The one way to run engine calls as the system: without the caller's authorization checks, for work the
 * project's own access rules have already allowed (e.g. a unit officer seeing the current step of their dossier,
 * whose process instance they may not read in Cockpit) or that a delegate does on behalf of the process rather
 * than of the user whose action happens to run it (e.g. the member who casts the last ballot). Part of the engine
 * adapter: features use these methods and never the engine's command context or authentication classes
 * (which {@link EngineInternals} holds).
 */
@Component
public class EngineAuthentication {

  private final IdentityService identityService;

  private final ObjectProvider<ProcessEngineConfiguration> configuration;

  public EngineAuthentication(IdentityService identityService,
      ObjectProvider<ProcessEngineConfiguration> configuration) {
    this.identityService = identityService;
    this.configuration = configuration;
  }

  /**
   * Runs engine calls as the current user (who is recorded as their actor, e.g. the start user of a process) but
   * without the user's authorization checks: for operations the application performs for the user after its own
   * checks, which the user holds no engine right to do (starting a dossier's process).
   */
  public <T> T withoutChecks(Supplier<T> call) {
    return EngineInternals.withoutAuthorization(configuration::getObject, call);
  }

  /** Runs engine calls with no authenticated user (the system), restoring the caller's authentication after. */
  public <T> T asSystem(Supplier<T> read) {
    return asSystem(identityService, read);
  }

  /** {@link #asSystem(Supplier)} for code that holds the identity service rather than this bean. */
  public static <T> T asSystem(IdentityService identity, Supplier<T> read) {
    return EngineInternals.withoutAuthentication(identity, read);
  }

  /**
   * Within a running command (a delegate or listener), runs the calls without the authorization checks of the user
   * whose action runs the command; outside a command (engine-alone tests calling a delegate), just runs them.
   */
  public static <T> T inProcess(Supplier<T> call) {
    return EngineInternals.withoutAuthorization(() -> null, call);
  }

  /**
   * In a job that carries out a person's decision (the decision issued after the Chairman's click, docs/pipeline.md),
   * makes that person the authenticated user until the job's command ends, so that its audit records and status
   * changes name them as they did when the step ran in their own request; the thread's earlier authentication (none,
   * on the job executor's threads) is restored when the command closes or fails. Outside a command (engine-alone
   * tests calling a delegate), or without a user, does nothing.
   */
  public static void actFor(IdentityService identity, String userId) {
    EngineInternals.actFor(identity, userId);
  }

  /** {@link #inProcess(Supplier)} for calls without a result. */
  public static void inProcess(Runnable call) {
    inProcess(() -> {
      call.run();
      return null;
    });
  }
}
